package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.insight.debt.DebtReport.Edge;
import dev.baton.insight.debt.DebtReport.FlowComparison;
import dev.baton.insight.discovery.Discovery;
import dev.baton.insight.discovery.ProcessMap;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogBuilder;
import dev.baton.insight.log.JsonlReader;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The process-mining view of the same events, one log per work type (docs/event-log.md: a case
 * is a stream, its activities the stages it enters), kept while the debt analysis reads the
 * events so the file is read once. Gives the actual flow to draw beside the declared one, and the
 * logs that conformance checking replays against each work type's flow net.
 *
 * <p>There is one log per work type and model version: each item's stages are aligned with the
 * flow of the version it ran under. A migrated item's stages after its migration go to a log of
 * their own per work type, drawn in the actual flow but not aligned (they start mid-flow); the
 * item itself is judged on each version's declared edges ({@code CaseState}).
 */
final class FlowLogs {

    /** A work type under one model version. */
    record Key(String workType, int version) {
    }
    /** The items completed (and not reopened since), whose whole flow can be aligned. */
    private final Set<String> completed = new java.util.HashSet<>();

    private final ModelHistory history;
    private final Map<Key, EventLogBuilder> builders = new LinkedHashMap<>();
    private final Map<String, EventLogBuilder> afterMigration = new LinkedHashMap<>();
    private final java.util.Set<String> migrated = new java.util.HashSet<>();

    FlowLogs(ModelHistory history) {
        this.history = history;
    }

    void accept(RecordedEvent event) {
        if (event.event() instanceof ItemMigrated) {
            migrated.add(event.stream());
            return;
        }
        if (event.event() instanceof WorkItemEvent.ItemCompleted) {
            completed.add(event.stream());
        } else if (event.event() instanceof WorkItemEvent.ItemReopened) {
            completed.remove(event.stream());
        }
        String stage = JsonlReader.activity(event);
        if (stage == null || event.workType() == null) {
            return;
        }
        EventLogBuilder log = migrated.contains(event.stream())
                ? afterMigration.computeIfAbsent(event.workType(), EventLog::builder)
                : builders.computeIfAbsent(new Key(event.workType(), history.resolve(event)),
                        k -> EventLog.builder(k.workType()));
        log.event(log.caseIndex(event.stream()), stage, event.at().toEpochMilli(), event.actor());
    }

    /** The logs to align: one per work type and version seen. */
    Map<Key, EventLog> logs() {
        Map<Key, EventLog> logs = new LinkedHashMap<>();
        builders.forEach((key, builder) -> logs.put(key, builder.build(false)));
        return logs;
    }

    /**
     * The completed items' part of each log: what is aligned against the flow nets. An item still
     * in progress has not finished its flow, and aligning it as if it had would count every stage
     * ahead of it as skipped; it is judged on the stage changes it made so far instead (CaseState).
     */
    Map<Key, EventLog> completedLogs(Map<Key, EventLog> logs) {
        Map<Key, EventLog> done = new LinkedHashMap<>();
        logs.forEach((key, log) -> done.put(key, log.select(c -> completed.contains(log.caseId(c)))));
        return done;
    }

    /** The stages of migrated items after their migration, per work type. */
    Map<String, EventLog> afterMigration() {
        Map<String, EventLog> logs = new LinkedHashMap<>();
        afterMigration.forEach((workType, builder) -> logs.put(workType, builder.build(false)));
        return logs;
    }

    /** Declared (current version) beside actual flow (every version) of every work type. */
    static List<FlowComparison> comparisons(ModelHistory history, Map<Key, EventLog> logs, Map<String, EventLog> tails,
                                            TraceFitness fitness) {
        Map<String, List<EventLog>> byWorkType = new LinkedHashMap<>();
        logs.forEach((key, log) -> byWorkType.computeIfAbsent(key.workType(), w -> new ArrayList<>()).add(log));
        tails.forEach((workType, log) -> byWorkType.computeIfAbsent(workType, w -> new ArrayList<>()));
        return comparisons(history.current(), byWorkType, tails, fitness);
    }

    private static List<FlowComparison> comparisons(OperatingModel model, Map<String, List<EventLog>> logs,
                                                    Map<String, EventLog> tails, TraceFitness fitness) {
        List<FlowComparison> result = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (WorkType w : model.workTypes()) {
            if (w.id() == null || !done.add(w.id())) {
                continue;
            }
            result.add(compare(w, logs.getOrDefault(w.id(), List.of()), tails.get(w.id()), fitness));
        }
        logs.forEach((workType, log) -> {
            if (done.add(workType)) {
                result.add(compare(new WorkType(workType, workType, null, null, List.of(), List.of(), List.of(), List.of()), log,
                        tails.get(workType), fitness));
            }
        });
        return result;
    }

    private static FlowComparison compare(WorkType w, List<EventLog> logs, EventLog tail, TraceFitness fitness) {
        List<String> stages = new ArrayList<>(w.stages().stream().map(Stage::id).filter(Objects::nonNull).toList());
        Set<StageChange> declared = new LinkedHashSet<>(w.stageChanges());
        Map<StageChange, Long> actual = new LinkedHashMap<>();
        long cases = 0;
        List<EventLog> all = new ArrayList<>(logs);
        if (tail != null) {
            all.add(tail);
        }
        for (EventLog log : all) {
            ProcessMap map = Discovery.processMap(log);
            // A migrated item's stages after its migration are the same case, not another one.
            cases += log == tail ? 0 : map.cases();
            for (ProcessMap.Edge e : map.edges()) {
                actual.merge(new StageChange(e.from(), e.to()), e.count(), Long::sum);
            }
            for (ProcessMap.Activity a : map.activities()) {
                if (!stages.contains(a.name())) {
                    stages.add(a.name());
                }
            }
        }
        List<Edge> declaredEdges = declared.stream()
                .map(c -> new Edge(c.from(), c.to(), actual.getOrDefault(c, 0L), true)).toList();
        List<Edge> actualEdges = actual.entrySet().stream()
                .map(e -> new Edge(e.getKey().from(), e.getKey().to(), e.getValue(), declared.contains(e.getKey())))
                .sorted((a, b) -> Long.compare(b.count(), a.count())).toList();
        var aligned = fitness == null ? null : fitness.result(w.id());
        return new FlowComparison(w.id(), stages, declaredEdges, actualEdges, cases,
                aligned == null ? null : aligned.logFitness(), aligned == null ? null : aligned.percentageFittingTraces(),
                fitness == null ? List.of() : fitness.deviations(w.id(), 5));
    }
}
