package dev.baton.model.show;

import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The work types' flows as one Mermaid {@code flowchart LR}, a subgraph per work type, to paste into
 * a wiki, a pull request or mermaid.live as one diagram. The shape tells the kind of stage at a glance, because the split between making
 * and coordination is what the debt report measures: making is a rectangle, coordination a
 * hexagon, waiting a stadium (a stage without a kind is a rounded box). Rework edges are dashed,
 * skips around optional stages are labelled, and handoffs are written on the edge where they
 * happen. Optional stages get a dashed border.
 */
public final class MermaidFlowchart {

    private static final String INDENT = "    ";

    private MermaidFlowchart() {
    }

    /** One work type alone, as a document of its own. */
    public static String render(OperatingModel model, WorkType workType) {
        return document(model, List.of(workType));
    }

    /**
     * Every work type in model order in one {@code flowchart LR} document that pastes as one
     * diagram: a {@code %% work type: ID} comment, then a subgraph titled with the work type
     * holding its stages, then its edges. Node ids carry the work type, so two work types with a
     * stage of the same id stay two nodes.
     */
    public static String renderAll(OperatingModel model) {
        List<WorkType> workTypes = Lenient.list(model.workTypes());
        if (workTypes.isEmpty()) {
            return "flowchart LR\n  %% no work types declared\n  none[\"no work types declared\"]\n";
        }
        return document(model, workTypes);
    }

    private static String document(OperatingModel model, List<WorkType> workTypes) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        MermaidIds ids = new MermaidIds();
        List<String> optional = new ArrayList<>();
        for (WorkType workType : workTypes) {
            optional.addAll(workType(out, model, workType, ids.workType(workType.id())));
        }
        if (!optional.isEmpty()) {
            out.append("  classDef optional stroke-dasharray: 5 5\n");
            out.append("  class ").append(String.join(",", optional)).append(" optional\n");
        }
        return out.toString();
    }

    /** A work type's subgraph and edges; answers the node ids of its optional stages. */
    private static List<String> workType(StringBuilder out, OperatingModel model, WorkType workType, MermaidIds.Scope ids) {
        Flow flow = new Flow(workType);
        HandoffChain handoffs = HandoffChain.of(model, workType);
        Parties parties = new Parties(model);
        out.append("  %% work type: ").append(Lenient.dash(flow.id()).replace('\n', ' ')).append('\n');
        out.append("  subgraph ").append(ids.subgraph()).append(" [")
                .append(MermaidIds.label(flow.title())).append("]\n");
        out.append(INDENT).append(ids.start()).append("((\"start\"))\n");
        for (Stage stage : flow.stages()) {
            out.append(INDENT).append(node(ids.stage(stage.id()), stage, parties)).append('\n');
        }
        for (String undeclared : undeclared(flow, handoffs)) {
            out.append(INDENT).append(ids.stage(undeclared)).append('(')
                    .append(MermaidIds.label(List.of(undeclared, "not a declared stage"))).append(")\n");
        }
        out.append(INDENT).append(ids.done()).append("((\"done\"))\n");
        out.append("  end\n");
        for (String entry : flow.entries()) {
            out.append("  ").append(ids.start()).append(" --> ").append(ids.stage(entry)).append('\n');
        }
        for (StageChange change : flow.changes()) {
            out.append("  ").append(edge(ids, flow, change, handoffs)).append('\n');
        }
        for (Handoff h : handoffs.handoffs()) {
            if (h.at() != null && h.at().from() != null && h.at().to() != null && !flow.changes().contains(h.at())) {
                out.append("  ").append(ids.stage(h.at().from())).append(" -.->|")
                        .append(MermaidIds.label("handoff: " + handoffs.label(h, "→") + " (not a stage change)"))
                        .append("| ").append(ids.stage(h.at().to())).append('\n');
            }
        }
        for (String last : flow.finals()) {
            if (flow.index(last) >= 0) {
                out.append("  ").append(ids.stage(last)).append(" --> ").append(ids.done()).append('\n');
            }
        }
        return flow.stages().stream().filter(Stage::optional).map(s -> ids.stage(s.id())).toList();
    }

    /** The node of a stage, its shape chosen by kind. */
    static String node(String id, Stage stage, Parties parties) {
        List<String> lines = new ArrayList<>();
        lines.add(Lenient.or(stage.name(), stage.id()));
        lines.add((stage.kind() == null ? "kind ?" : stage.kind().id()) + ", "
                + (stage.owner() == null ? "no owner" : "owner " + parties.owner(stage.owner())) + ", "
                + (stage.sla() == null ? "no SLA" : "SLA " + stage.sla()));
        if (stage.gate() != null) {
            lines.add("gate: " + StageSequenceView.gate(stage.gate()));
        }
        if (stage.optional()) {
            lines.add("optional");
        }
        String label = MermaidIds.label(lines);
        if (stage.kind() == null) {
            return id + "(" + label + ")";
        }
        return switch (stage.kind()) {
            case MAKING -> id + "[" + label + "]";
            case COORDINATION -> id + "{{" + label + "}}";
            case WAITING -> id + "([" + label + "])";
        };
    }

    private static String edge(MermaidIds.Scope ids, Flow flow, StageChange change, HandoffChain handoffs) {
        List<String> parts = new ArrayList<>();
        Flow.Step step = flow.step(change);
        if (step == Flow.Step.REWORK) {
            parts.add("rework");
        } else if (step == Flow.Step.SKIP) {
            parts.add("skip");
        }
        for (Handoff h : handoffs.at(change.from(), change.to())) {
            parts.add("handoff: " + handoffs.label(h, "→"));
        }
        String arrow = step == Flow.Step.REWORK ? " -.->" : " -->";
        String label = parts.isEmpty() ? " " : "|" + MermaidIds.label(String.join("; ", parts)) + "| ";
        return ids.stage(change.from()) + arrow + label + ids.stage(change.to());
    }

    /** Stage ids that edges or handoffs use but the work type does not declare, so they get a node. */
    private static Set<String> undeclared(Flow flow, HandoffChain handoffs) {
        Set<String> ids = new LinkedHashSet<>();
        List<StageChange> changes = new ArrayList<>(flow.changes());
        handoffs.handoffs().stream().map(Handoff::at)
                .filter(a -> a != null && a.from() != null && a.to() != null).forEach(changes::add);
        for (StageChange c : changes) {
            for (String id : List.of(c.from(), c.to())) {
                if (flow.index(id) < 0) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

}
