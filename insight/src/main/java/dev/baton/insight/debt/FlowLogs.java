package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
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
 */
final class FlowLogs {

    private final OperatingModel model;
    private final Map<String, EventLogBuilder> builders = new LinkedHashMap<>();
    /** The items completed (and not reopened since), whose whole flow can be aligned. */
    private final Set<String> completed = new java.util.HashSet<>();

    FlowLogs(OperatingModel model) {
        this.model = model;
    }

    void accept(RecordedEvent event) {
        if (event.event() instanceof WorkItemEvent.ItemCompleted) {
            completed.add(event.stream());
        } else if (event.event() instanceof WorkItemEvent.ItemReopened) {
            completed.remove(event.stream());
        }
        String stage = JsonlReader.activity(event);
        if (stage == null || event.workType() == null) {
            return;
        }
        EventLogBuilder log = builders.computeIfAbsent(event.workType(), EventLog::builder);
        log.event(log.caseIndex(event.stream()), stage, event.at().toEpochMilli(), event.actor());
    }

    /** The log of every work type seen, keyed by work type. */
    Map<String, EventLog> logs() {
        Map<String, EventLog> logs = new LinkedHashMap<>();
        builders.forEach((workType, builder) -> logs.put(workType, builder.build(false)));
        return logs;
    }

    /**
     * The completed items' part of each log: what is aligned against the flow nets. An item still
     * in progress has not finished its flow, and aligning it as if it had would count every stage
     * ahead of it as skipped; it is judged on the stage changes it made so far instead (CaseState).
     */
    Map<String, EventLog> completedLogs(Map<String, EventLog> logs) {
        Map<String, EventLog> done = new LinkedHashMap<>();
        logs.forEach((workType, log) -> done.put(workType, log.select(c -> completed.contains(log.caseId(c)))));
        return done;
    }

    /** Declared beside actual flow for every work type of the model, then any other seen in the log. */
    static List<FlowComparison> comparisons(OperatingModel model, Map<String, EventLog> logs, TraceFitness fitness) {
        List<FlowComparison> result = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (WorkType w : model.workTypes()) {
            if (w.id() == null || !done.add(w.id())) {
                continue;
            }
            result.add(compare(w, logs.get(w.id()), fitness));
        }
        logs.forEach((workType, log) -> {
            if (done.add(workType)) {
                result.add(compare(new WorkType(workType, workType, null, null, List.of(), List.of(), List.of(), List.of()), log,
                        fitness));
            }
        });
        return result;
    }

    private static FlowComparison compare(WorkType w, EventLog log, TraceFitness fitness) {
        List<String> stages = new ArrayList<>(w.stages().stream().map(Stage::id).filter(Objects::nonNull).toList());
        Set<StageChange> declared = new LinkedHashSet<>(w.stageChanges());
        Map<StageChange, Long> actual = new LinkedHashMap<>();
        long cases = 0;
        if (log != null) {
            ProcessMap map = Discovery.processMap(log);
            cases = map.cases();
            for (ProcessMap.Edge e : map.edges()) {
                actual.put(new StageChange(e.from(), e.to()), e.count());
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
