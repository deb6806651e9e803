package dev.baton.insight.weekly;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.rights.Rights;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.Scope;
import dev.baton.insight.weekly.WeeklyReport.ComponentChange;
import dev.baton.insight.weekly.WeeklyReport.DebtChange;
import dev.baton.insight.weekly.WeeklyReport.Line;
import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Problem;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The weekly status report of an event log against an operating model: the one entry point. The
 * log is read as it is given (the caller leaves out retracted imports, as for the debt report):
 * once for the week's lines, and twice more by the debt report, cut at the week's end and at the
 * end of the week before.
 */
public final class WeeklyAnalysis {

    private static final Comparator<Line> IN_TIME = Comparator.comparing(Line::at, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Line::item);

    private WeeklyAnalysis() {
    }

    /** The initiative asked for is no item of the log (by the week's end): a fact about the log. */
    public static final class UnknownInitiative extends IllegalArgumentException {
        UnknownInitiative(String message) {
            super(message);
        }
    }

    /**
     * The last complete week of a log: the week before the one its last work-item event falls in
     * (an event at Monday 00:00 opens a new week, so the week before it is complete). Empty for a
     * log without work-item events.
     */
    public static Optional<Week> lastCompleteWeek(DebtAnalysis.EventSource source, ZoneId zone) throws IOException {
        Instant[] last = {null};
        source.forEach(e -> {
            if (e.event() instanceof WorkItemEvent && (last[0] == null || e.at().isAfter(last[0]))) {
                last[0] = e.at();
            }
        });
        return Optional.ofNullable(last[0]).map(at -> Week.lastCompleteBefore(at, zone));
    }

    /**
     * The report of one week for an audience.
     *
     * @param warnings the model's validation warnings, which the debt report reads
     * @param logName  how the report names the log (its file name)
     * @throws UnknownInitiative when an initiative names no item of the log by the week's end
     */
    public static WeeklyReport report(OperatingModel model, List<Problem> warnings, String logName,
                                      DebtAnalysis.EventSource source, Audience audience, Week week) throws IOException {
        Map<String, ItemWeek> items = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        source.forEach(e -> {
            if (!(e.event() instanceof WorkItemEvent) || !e.at().isBefore(week.end())) {
                return;
            }
            ItemWeek item = items.computeIfAbsent(e.stream(), s -> new ItemWeek(model, week));
            boolean created = item.created();
            item.accept(e);
            if (!created && item.parent() != null && !item.parent().isBlank()) {
                parents.put(e.stream(), item.parent());
            }
        });
        if (audience.kind().equals("initiative") && (items.get(audience.id()) == null || !items.get(audience.id()).created())) {
            throw new UnknownInitiative("expected --initiative to name an item of the log created by the end of "
                    + week.key() + ", found '" + audience.id() + "'");
        }
        Rights rights = new Rights(model);
        List<ItemWeek> covered = new ArrayList<>();
        for (ItemWeek item : items.values()) {
            item.finish();
            if (item.created() && audience.covers(item, rights, parents)) {
                covered.add(item);
            }
        }
        Set<String> ids = audience.kind().equals("everyone") ? null
                : Set.copyOf(covered.stream().map(ItemWeek::id).toList());
        DebtChange debt = debtChange(model, warnings, logName, source, ids, week);
        List<ItemWeek> reported = covered.stream().filter(ItemWeek::hasLines).toList();
        return new WeeklyReport(model.name(), logName, audience, week, reported.size(),
                collect(reported, i -> i.completed), collect(reported, i -> i.moved), collect(reported, i -> i.blocked),
                collect(reported, i -> i.slas), collect(reported, i -> i.decisionsMade),
                collect(reported, i -> i.decisionsWaiting), collect(reported, i -> i.handoffsRejected), debt);
    }

    private static List<Line> collect(List<ItemWeek> items, Function<ItemWeek, List<Line>> section) {
        List<Line> lines = new ArrayList<>();
        items.forEach(i -> lines.addAll(section.apply(i)));
        lines.sort(IN_TIME);
        return lines;
    }

    /**
     * The debt score at the week's end and at the previous week's end: the debt report of the log
     * up to each instant (exclusive), of every item or only of {@code ids}.
     */
    private static DebtChange debtChange(OperatingModel model, List<Problem> warnings, String logName,
                                         DebtAnalysis.EventSource source, Set<String> ids, Week week) throws IOException {
        if (ids != null && ids.isEmpty()) {
            return null;
        }
        DebtReport after = debtAt(model, warnings, logName, source, ids, week.end());
        if (after == null) {
            return null;
        }
        DebtReport before = debtAt(model, warnings, logName, source, ids, week.start());
        List<ComponentChange> changes = new ArrayList<>();
        for (DebtReport.ComponentResult c : after.components()) {
            if (!c.measured() || before == null) { // with nothing before, every component would be "new"
                continue;
            }
            DebtReport.ComponentResult was = before == null ? null : before.components().stream()
                    .filter(b -> b.id().equals(c.id()) && b.measured()).findFirst().orElse(null);
            if (was == null || Math.abs(c.value() - was.value()) >= 0.0005) {
                changes.add(new ComponentChange(c.id(), c.title(), was == null ? null : was.value(), c.value()));
            }
        }
        changes.sort(Comparator.comparingDouble((ComponentChange c) -> c.before() == null ? -1 : -Math.abs(c.after() - c.before())));
        return new DebtChange(after.score(), after.band(), before == null ? null : before.score(), week.previous().key(),
                changes);
    }

    /** The debt report of the log cut just before {@code end}, or null when it holds no item. */
    private static DebtReport debtAt(OperatingModel model, List<Problem> warnings, String logName,
                                     DebtAnalysis.EventSource source, Set<String> ids, Instant end) throws IOException {
        DebtAnalysis.EventSource items = ids == null ? source : sink -> source.forEach(e -> {
            if (ids.contains(e.stream())) {
                sink.accept(e);
            }
        });
        DebtReport report = DebtAnalysis.analyze(model, warnings, logName, items, new Scope(null, end.minusNanos(1), Set.of()));
        return report.items() == 0 ? null : report;
    }
}
