package dev.baton.model.show;

import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The handoffs of one work type in the order work meets them (by the stage they leave), with
 * their contracts, and the chain of functions they form ({@code Product -> PMM -> Content}).
 * The order follows the stages rather than the YAML so that the chain reads like the work.
 */
public final class HandoffChain {

    private final Parties parties;
    private final Flow flow;
    private final List<Handoff> handoffs;

    private HandoffChain(Parties parties, Flow flow, List<Handoff> handoffs) {
        this.parties = parties;
        this.flow = flow;
        this.handoffs = handoffs;
    }

    public static HandoffChain of(OperatingModel model, WorkType workType) {
        Flow flow = new Flow(workType);
        List<Handoff> handoffs = Lenient.list(model.handoffs()).stream()
                .filter(h -> Objects.equals(h.workType(), workType.id()))
                .sorted(Comparator.comparingInt((Handoff h) -> position(flow, h, true))
                        .thenComparingInt(h -> position(flow, h, false)))
                .toList();
        return new HandoffChain(new Parties(model), flow, handoffs);
    }

    /** Where a handoff sits in the stage order; handoffs at unknown stages go last. */
    private static int position(Flow flow, Handoff h, boolean from) {
        if (h.at() == null) {
            return Integer.MAX_VALUE;
        }
        int index = flow.index(from ? h.at().from() : h.at().to());
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** The work type's handoffs, in stage order (declared order among equals). */
    public List<Handoff> handoffs() {
        return handoffs;
    }

    /**
     * The functions in the order work passes between them, such as
     * {@code Product -> PMM -> Content -> Sales}. Rework handoffs (back to an earlier stage) are
     * left out: they are detours, not the chain. Where the next handoff does not start with the
     * function the previous one ended at, " ... " marks the gap. Empty when there are no handoffs.
     */
    public String summary() {
        StringBuilder chain = new StringBuilder();
        String last = null;
        for (Handoff h : handoffs) {
            if (h.at() != null && flow.step(h.at()) == Flow.Step.REWORK) {
                continue;
            }
            String from = parties.functionName(h.from());
            String to = parties.functionName(h.to());
            if (last == null) {
                chain.append(from);
            } else if (!last.equals(from)) {
                chain.append(" ... ").append(from);
            }
            chain.append(" -> ").append(to);
            last = to;
        }
        return chain.toString();
    }

    /** The handoffs as an aligned table and the chain line, lines indented by two spaces. */
    public String render() {
        if (handoffs.isEmpty()) {
            return "  (no handoffs declared)\n";
        }
        TextTable table = new TextTable("handoff", "at", "requires", "artifacts", "SLA");
        for (Handoff h : handoffs) {
            table.row(parties.functionName(h.from()) + " -> " + parties.functionName(h.to()), at(h.at()),
                    String.join(", ", Lenient.list(h.requires())), String.join(", ", Lenient.list(h.artifacts())),
                    Lenient.dash(h.sla()));
        }
        String summary = summary();
        return table.render("  ") + (summary.isEmpty() ? "" : "\n  chain: " + summary + "\n");
    }

    private String at(StageChange at) {
        if (at == null) {
            return Lenient.DASH;
        }
        String change = Lenient.dash(at.from()) + " -> " + Lenient.dash(at.to());
        if (!flow.changes().contains(at)) {
            return change + " (not a stage change of this flow)";
        }
        return flow.step(at) == Flow.Step.REWORK ? change + " (rework)" : change;
    }

    /** Handoffs grouped by the stage change they happen at, for drawing them on flow edges. */
    List<Handoff> at(String from, String to) {
        List<Handoff> result = new ArrayList<>();
        for (Handoff h : handoffs) {
            if (h.at() != null && Objects.equals(h.at().from(), from) && Objects.equals(h.at().to(), to)) {
                result.add(h);
            }
        }
        return result;
    }

    /** "Product → PMM", for edge labels. */
    String label(Handoff h, String arrow) {
        return parties.functionName(h.from()) + " " + arrow + " " + parties.functionName(h.to());
    }
}
