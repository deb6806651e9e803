package dev.baton.model.show;

import dev.baton.model.Gate;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A work type's stages as an aligned table (kind, owner, SLA, gate, where work goes next) with
 * the main path underneath. Rework and skips are spelled out in the "next" column, because they
 * are exactly what a reader checks when asking "where can this go after review?".
 */
public final class StageSequenceView {

    private StageSequenceView() {
    }

    /** The stage table and main path of one work type, lines indented by two spaces. */
    public static String render(OperatingModel model, WorkType workType) {
        Parties parties = new Parties(model);
        Flow flow = new Flow(workType);
        if (flow.stages().isEmpty()) {
            return "  (no stages declared)\n";
        }
        TextTable table = new TextTable("#", "stage", "kind", "owner", "SLA", "gate", "next", "notes");
        int n = 1;
        for (Stage stage : flow.stages()) {
            table.row(String.valueOf(n++), stage.id(), kind(stage), parties.owner(stage.owner()),
                    Lenient.dash(stage.sla()), gate(stage.gate()), next(flow, stage), notes(flow, stage));
        }
        return table.render("  ") + "\n  path: " + path(flow) + "\n";
    }

    static String kind(Stage stage) {
        return stage.kind() == null ? Lenient.DASH : stage.kind().id();
    }

    /** "all of product, legal" / "any of sales, cs"; "-" when the stage has no gate. */
    static String gate(Gate gate) {
        if (gate == null) {
            return Lenient.DASH;
        }
        List<String> approvers = Lenient.list(gate.approvers());
        String mode = gate.mode() == null ? "?" : gate.mode().id();
        return mode + " of " + (approvers.isEmpty() ? "(nobody)" : String.join(", ", approvers));
    }

    private static String next(Flow flow, Stage stage) {
        List<StageChange> out = flow.from(stage.id());
        if (out.isEmpty()) {
            return flow.isFinal(stage.id()) ? "(done)" : "(dead end)";
        }
        return out.stream().map(c -> switch (flow.step(c)) {
            case NEXT -> c.to();
            case SKIP -> c.to() + " (skip)";
            case REWORK -> c.to() + " (rework)";
            case UNKNOWN -> c.to() + " (undeclared)";
        }).collect(Collectors.joining(", "));
    }

    private static String notes(Flow flow, Stage stage) {
        List<String> notes = new ArrayList<>();
        if (flow.entries().contains(stage.id())) {
            notes.add("start");
        }
        if (stage.optional()) {
            notes.add("optional");
        }
        if (flow.isFinal(stage.id())) {
            notes.add("final");
        }
        return String.join(", ", notes);
    }

    /**
     * The listed order as one line, optional stages marked "?" and final stages "(final)":
     * {@code brief -> review -> build -> enable-sales? -> launched (final)}. A final stage does
     * not lead on to the next listed one, so " | " separates them instead of an arrow.
     */
    static String path(Flow flow) {
        StringBuilder path = new StringBuilder();
        for (Stage stage : flow.stages()) {
            if (path.length() > 0) {
                path.append(path.toString().endsWith("(final)") ? " | " : " -> ");
            }
            path.append(stage.id()).append(stage.optional() ? "?" : "");
            if (flow.isFinal(stage.id())) {
                path.append(" (final)");
            }
        }
        return path.toString();
    }
}
