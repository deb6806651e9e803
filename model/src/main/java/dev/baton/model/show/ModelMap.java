package dev.baton.model.show;

import dev.baton.model.BusinessFunction;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code baton model show}: the operating model as a readable map, so that a team can check that
 * the YAML says what they meant. Two variants: {@link #text} for a terminal or an e-mail (plain
 * ASCII, aligned tables, model order) and {@link #mermaid} for one diagram with a subgraph per work type. Both
 * render models with errors too, showing "-" or "no owner" where something is missing.
 */
public final class ModelMap {

    private ModelMap() {
    }

    /**
     * The header (name, version, what the model declares), then per work type its stages, RACI
     * matrix and handoffs, then component ownership.
     */
    public static String text(OperatingModel model) {
        StringBuilder out = new StringBuilder();
        out.append(header(model));
        for (WorkType workType : Lenient.list(model.workTypes())) {
            Flow flow = new Flow(workType);
            out.append('\n').append(title("Work type " + flow.title()));
            if (workType.parent() != null || workType.template() != null) {
                out.append("parent: ").append(Lenient.dash(workType.parent()))
                        .append("   template: ").append(Lenient.dash(workType.template())).append("\n");
            }
            out.append("\nStages\n").append(StageSequenceView.render(model, workType));
            out.append("\nDecision rights\n").append(RaciMatrix.of(model, workType).render());
            out.append("\nHandoffs\n").append(HandoffChain.of(model, workType).render());
        }
        if (Lenient.list(model.workTypes()).isEmpty()) {
            out.append("\n(no work types declared)\n");
        }
        out.append('\n').append(title("Ownership")).append(OwnershipTable.of(model).render());
        return out.toString();
    }

    /** One Mermaid flowchart of the whole model: a subgraph per work type, each after a {@code %% work type: ID} line. */
    public static String mermaid(OperatingModel model) {
        return MermaidFlowchart.renderAll(model);
    }

    private static String header(OperatingModel model) {
        String name = Lenient.or(model.name(), "(unnamed model)");
        StringBuilder out = new StringBuilder(title("Operating model: " + name
                + (model.version() == null ? "" : ", version " + model.version())));
        out.append(count(model.functions(), "function")).append(", ")
                .append(count(model.teams(), "team")).append(", ")
                .append(count(model.people(), "person", "people")).append(", ")
                .append(count(model.components(), "component")).append(", ")
                .append(count(model.workTypes(), "work type")).append(", ")
                .append(count(model.handoffs(), "handoff")).append('\n');
        List<BusinessFunction> functions = new Parties(model).functions();
        if (!functions.isEmpty()) {
            out.append("functions: ").append(functions.stream()
                    .map(f -> f.name() == null || f.name().equals(f.id()) ? f.id() : f.id() + " = " + f.name())
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return out.toString();
    }

    private static String count(List<?> list, String one) {
        return count(list, one, one + "s");
    }

    private static String count(List<?> list, String one, String many) {
        int n = Lenient.list(list).size();
        return n + " " + (n == 1 ? one : many);
    }

    /** A title underlined with "=", as wide as the title. */
    private static String title(String text) {
        return text + "\n" + "=".repeat(text.length()) + "\n";
    }
}
