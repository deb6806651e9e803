package dev.baton.insight.debt;

import dev.baton.insight.debt.DebtReport.Action;
import dev.baton.insight.debt.DebtReport.ComponentResult;
import dev.baton.insight.debt.DebtReport.Condition;
import dev.baton.insight.debt.DebtReport.Group;
import dev.baton.insight.debt.DebtReport.WorkTypeReadiness;
import java.util.List;
import java.util.Locale;

/** The report for a terminal: score, component bars, top actions, readiness, phases, worst groups. */
public final class DebtReportText {

    private static final int BAR = 24;

    private DebtReportText() {
    }

    public static String render(DebtReport r) {
        StringBuilder out = new StringBuilder();
        out.append("Orchestration debt — ").append(r.model()).append('\n');
        out.append(r.log()).append(": ").append(String.format(Locale.ROOT, "%,d items, %,d events", r.items(), r.events()));
        if (r.from() != null) {
            out.append(", ").append(r.from(), 0, 10).append(" to ").append(r.to(), 0, 10);
        }
        out.append("\n\n");
        out.append(String.format(Locale.ROOT, "Debt score %.0f / 100 (%s), costing about %,.0f person-hours of %,.0f hours of "
                + "declared capacity (%.0f%%)%s%n", r.score(), r.band(), r.costHours(), r.capacityHours(),
                r.capacityHours() <= 0 ? 0 : 100 * r.costHours() / r.capacityHours(),
                r.costScale() < 1 ? String.format(Locale.ROOT, "; hours scaled by %.2f to fit capacity", r.costScale()) : ""));
        out.append("  ").append(r.scoreMeaning()).append("\n");
        if (r.sources().size() > 1 || r.sources().stream().anyMatch(s -> !s.doesNotRecord().isEmpty())) {
            out.append("  Sources: ");
            out.append(String.join("; ", r.sources().stream().map(s -> s.source() + " " + String.format(Locale.ROOT, "%,d", s.items())
                    + " items" + (s.doesNotRecord().isEmpty() ? "" : ", records no " + String.join(", ", s.doesNotRecord()))).toList()));
            out.append('\n');
        }
        out.append('\n');
        out.append("Components (value, weight, cost)\n");
        for (ComponentResult c : r.components()) {
            out.append(String.format(Locale.ROOT, "  %-20s %s %5s  ×%-4s %7s h  %s%n", c.id(), bar(c.measured() ? c.value() : 0),
                    c.measured() ? String.format(Locale.ROOT, "%.0f%%", 100 * c.value()) : "n/a", trim(c.weight()),
                    String.format(Locale.ROOT, "%,.0f", c.costHours()), c.summary()));
        }
        if (r.meetings() != null && r.meetings().measured()) {
            out.append(dev.baton.insight.debt.meetings.MeetingLoadText.of(r.meetings()));
        }
        out.append("\nTop actions (hours they would recover)\n");
        int n = 1;
        for (Action a : r.actions()) {
            out.append(String.format(Locale.ROOT, "  %d. %,6.0f h  %s%n", n++, a.hours(), a.text()));
        }
        if (r.actions().isEmpty()) {
            out.append("  none: no component costs time\n");
        }
        out.append("\nWorst work types and people\n");
        worst(out, "work type", r.breakdowns().get(Dimension.WORK_TYPE));
        worst(out, "person", r.breakdowns().get(Dimension.PERSON));
        List<Group> weeks = r.breakdowns().get(Dimension.WEEK);
        if (!weeks.isEmpty()) {
            out.append("\nWeekly score\n  ");
            String previous = null;
            for (Group g : weeks) {
                if (previous != null && Weeks.between(previous, g.key()) > 1) {
                    // A history with a gap (an old import beside this quarter) is not one trend.
                    out.append("… ").append(Weeks.between(previous, g.key()) - 1).append(" weeks without events …  ");
                }
                out.append(g.key()).append(' ').append(String.format(Locale.ROOT, "%.0f", g.score())).append("  ");
                previous = g.key();
            }
            out.append('\n');
        }
        for (DebtReport.ModelChange c : r.modelChanges()) {
            out.append(String.format(Locale.ROOT, "  Model version %d from %s (%s): items are measured against the version "
                    + "they ran under%n", c.version(), c.date(), c.week()));
        }
        out.append('\n').append(dev.baton.insight.tools.ToolSwitchingText.render(r.toolSwitching()));
        out.append("\nAI readiness\n");
        for (WorkTypeReadiness w : r.aiReadiness()) {
            long passed = w.conditions().stream().filter(Condition::pass).count();
            out.append(String.format(Locale.ROOT, "  %-18s %s (%d/%d)", w.workType(), w.ready() ? "ready" : "not ready", passed,
                    w.conditions().size()));
            w.conditions().stream().filter(c -> !c.pass()).findFirst()
                    .ifPresent(c -> out.append(": ").append(c.title().toLowerCase(Locale.ROOT)).append(" — ").append(c.reason()));
            out.append('\n');
        }
        out.append(String.format(Locale.ROOT, "%nPhases completed: %d of 4. Next: %s%n", r.phases().completed(),
                r.phases().nextStep()));
        out.append("\nEvidence for each figure: baton analyze --format json or --format html.\n");
        return out.toString();
    }

    private static void worst(StringBuilder out, String label, List<Group> groups) {
        groups.stream().sorted((a, b) -> Double.compare(b.costHours(), a.costHours())).limit(3).forEach(g ->
                out.append(String.format(Locale.ROOT, "  %-9s %-24s score %3.0f  %,7.0f h%n", label, g.key(), g.score(), g.costHours())));
    }

    private static String bar(double value) {
        int full = (int) Math.round(Math.max(0, Math.min(1, value)) * BAR);
        return "#".repeat(full) + ".".repeat(BAR - full);
    }

    private static String trim(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }
}
