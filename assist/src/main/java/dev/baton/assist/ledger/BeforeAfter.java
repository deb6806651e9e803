package dev.baton.assist.ledger;

import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.assist.AssistEvent.AssistantEnabled;
import dev.baton.engine.assist.AssistEvent.DraftOffered;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.Dimension;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.insight.debt.Scope;
import dev.baton.model.problem.Problem;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The leverage ledger's before and after (docs/assist.md): per work type and assistant, the work
 * type's coordination share and person-hours lost in the debt report of the log up to the moment
 * the assistant was enabled, and in the report from that moment on. The moment is the earliest of
 * its first draft offered and an explicit enablement ({@code AssistantEnabled}). Both reports are
 * {@code baton analyze}'s ({@link DebtAnalysis} over a {@link Scope}), read from their work-type
 * breakdown; nothing is measured here. What changed since is not necessarily because of the assistant,
 * and the sentence says so.
 */
public final class BeforeAfter {

    private static final String COORDINATION = "coordination-share";
    private static final double WEEK_HOURS = 7 * 24;

    private BeforeAfter() {
    }

    /**
     * One side of the moment: the log's span on that side and the work type's figures in its report.
     *
     * @param coordinationShare hours in coordination and waiting stages ÷ hours in all stages (null: no stage time of the work type)
     * @param hoursLost         the work type's person-hours lost in that report (null: no item of the work type)
     * @param hoursLostPerWeek  hours lost ÷ the span in weeks (at least a day), so that sides of unequal length compare
     */
    public record Window(Instant from, Instant to, Double coordinationShare, Double hoursLost, Double hoursLostPerWeek) {
    }

    /**
     * @param how "first draft offered", or "enabled by PERSON" for an explicit enablement
     * @param before null for an intake assistant (no work type to measure)
     */
    public record Row(String workType, String assistant, Instant enabledAt, String how, Window before, Window after,
                      String summary) {
    }

    /** What a log's source gives, for {@link #of}: where its work starts and ends, and when each assistant came. */
    private static final class Moments {
        Instant first;
        Instant last;
        final Map<List<String>, Instant> enabled = new LinkedHashMap<>();
        final Map<List<String>, String> how = new HashMap<>();

        void accept(RecordedEvent e) {
            if (!(e.event() instanceof AssistEvent event)) {
                first = first == null || e.at().isBefore(first) ? e.at() : first;
                last = last == null || e.at().isAfter(last) ? e.at() : last;
                return;
            }
            String how;
            if (event instanceof DraftOffered) {
                how = "first draft offered";
            } else if (event instanceof AssistantEnabled) {
                how = "enabled by " + e.actor();
            } else {
                return;
            }
            List<String> key = java.util.Arrays.asList(e.workType(), event.assistant());
            Instant known = enabled.get(key);
            if (known == null || e.at().isBefore(known)) {
                enabled.put(key, e.at());
                this.how.put(key, how);
            }
        }
    }

    /**
     * The before and after of every assistant in the log, in the order they first appear.
     *
     * @param warnings the model's validation warnings, as {@code baton analyze} passes them
     */
    public static List<Row> of(ModelHistory models, List<Problem> warnings, String logName,
                               DebtAnalysis.EventSource source) throws IOException {
        Moments moments = new Moments();
        source.forEach(moments::accept);
        Map<Instant, DebtReport[]> reports = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<List<String>, Instant> e : moments.enabled.entrySet()) {
            String workType = e.getKey().get(0);
            String assistant = e.getKey().get(1);
            Instant at = e.getValue();
            String how = moments.how.get(e.getKey());
            if (workType == null) {
                rows.add(new Row(null, assistant, at, how, null, null, "an intake assistant has no work type: the debt "
                        + "report's figures per work type do not apply"));
                continue;
            }
            DebtReport[] sides = reports.get(at);
            if (sides == null) {
                sides = new DebtReport[] {
                        DebtAnalysis.analyze(models, warnings, logName, source, new Scope(null, at.minusMillis(1), Set.of())),
                        DebtAnalysis.analyze(models, warnings, logName, source, new Scope(at, null, Set.of()))};
                reports.put(at, sides);
            }
            Window before = window(sides[0], workType, moments.first, at);
            Window after = window(sides[1], workType, at, moments.last);
            rows.add(new Row(workType, assistant, at, how, before, after, summary(assistant, at, how, before, after)));
        }
        return rows;
    }

    private static Window window(DebtReport report, String workType, Instant from, Instant to) {
        DebtReport.Group group = report.breakdowns().getOrDefault(Dimension.WORK_TYPE, List.of()).stream()
                .filter(g -> g.key().equals(workType)).findFirst().orElse(null);
        boolean empty = from == null || to == null || !to.isAfter(from);
        if (group == null || empty) {
            return new Window(from, to, null, null, null);
        }
        double weeks = Math.max(1.0 / 7, Duration.between(from, to).toMillis() / 3_600_000.0 / WEEK_HOURS);
        return new Window(from, to, group.values().get(COORDINATION), group.costHours(), group.costHours() / weeks);
    }

    private static String summary(String assistant, Instant at, String how, Window before, Window after) {
        String when = assistant + " (" + how + " on " + at.toString().substring(0, 10) + ")";
        if (before.hoursLost() == null) {
            return "no item of the work type before " + when + ": nothing to compare with";
        }
        if (after.hoursLost() == null) {
            return "no item of the work type since " + when + " yet";
        }
        return String.format(Locale.ROOT, "since %s: coordination share %s → %s, hours lost %.1f a week → %.1f; what "
                        + "changed since, not necessarily because of it", when, percent(before.coordinationShare()),
                percent(after.coordinationShare()), before.hoursLostPerWeek(), after.hoursLostPerWeek());
    }

    private static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
