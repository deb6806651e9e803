package dev.baton.insight.debt;

import dev.baton.insight.debt.DebtReport.Edge;
import dev.baton.insight.debt.DebtReport.FlowComparison;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogBuilder;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stage sequences of some cases, per work type and model version, as distinct variants with
 * their counts ({@link FlowLogs#close}): what the actual flow beside the declared one and the
 * alignments against each flow net are computed from. Variants of disjoint sets of cases merge;
 * the logs are kept in order of their first event's position, so a merge in any order gives the
 * order one pass over the whole log gives (positions grow along a log).
 */
final class FlowVariants implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One log: variant → {cases, completed cases}, and the position of its first event. */
    private static final class Log implements Serializable {
        private static final long serialVersionUID = 1L;
        final Map<List<String>, long[]> variants = new HashMap<>();
        long firstPosition;

        Log(long firstPosition) {
            this.firstPosition = firstPosition;
        }
    }

    private final Map<FlowLogs.Key, Log> logs = new LinkedHashMap<>();
    private final Map<String, Log> tails = new LinkedHashMap<>();

    Map<List<String>, long[]> log(FlowLogs.Key key, Long firstPosition) {
        return logs.computeIfAbsent(key, k -> new Log(firstPosition == null ? 0 : firstPosition)).variants;
    }

    Map<List<String>, long[]> tail(String workType, Long firstPosition) {
        return tails.computeIfAbsent(workType, k -> new Log(firstPosition == null ? 0 : firstPosition)).variants;
    }

    /** Adds the variants of other cases. */
    FlowVariants merge(FlowVariants other) {
        mergeInto(logs, other.logs, Comparator.comparing(FlowLogs.Key::workType).thenComparingInt(FlowLogs.Key::version));
        mergeInto(tails, other.tails, Comparator.naturalOrder());
        return this;
    }

    private static <K> void mergeInto(Map<K, Log> mine, Map<K, Log> theirs, Comparator<K> ties) {
        theirs.forEach((key, log) -> {
            Log into = mine.computeIfAbsent(key, k -> new Log(log.firstPosition));
            into.firstPosition = Math.min(into.firstPosition, log.firstPosition);
            log.variants.forEach((trace, n) -> {
                long[] m = into.variants.computeIfAbsent(trace, t -> new long[2]);
                m[0] += n[0];
                m[1] += n[1];
            });
        });
        List<Map.Entry<K, Log>> sorted = new ArrayList<>(mine.entrySet());
        sorted.sort(Comparator.<Map.Entry<K, Log>>comparingLong(e -> e.getValue().firstPosition)
                .thenComparing(Map.Entry::getKey, ties));
        mine.clear();
        sorted.forEach(e -> mine.put(e.getKey(), e.getValue()));
    }

    /** The completed cases of every log, one case per distinct trace; {@code weights} gets how many cases each stands for. */
    Map<FlowLogs.Key, EventLog> completed(Map<FlowLogs.Key, int[]> weights) {
        Map<FlowLogs.Key, EventLog> done = new LinkedHashMap<>();
        logs.forEach((key, log) -> {
            EventLogBuilder builder = EventLog.builder(key.workType());
            List<Integer> counts = new ArrayList<>();
            log.variants.forEach((trace, n) -> {
                if (n[1] > 0) {
                    int c = builder.newCase("variant-" + counts.size());
                    trace.forEach(stage -> builder.event(c, stage, 0, null));
                    counts.add(Math.toIntExact(n[1]));
                }
            });
            done.put(key, builder.build(false));
            weights.put(key, counts.stream().mapToInt(Integer::intValue).toArray());
        });
        return done;
    }

    /** Declared (current version) beside actual flow (every version) of every work type. */
    List<FlowComparison> comparisons(ModelHistory history, TraceFitness fitness) {
        Map<String, List<Log>> byWorkType = new LinkedHashMap<>();
        logs.forEach((key, log) -> byWorkType.computeIfAbsent(key.workType(), w -> new ArrayList<>()).add(log));
        tails.forEach((workType, log) -> byWorkType.computeIfAbsent(workType, w -> new ArrayList<>()));
        OperatingModel model = history.current();
        List<FlowComparison> result = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (WorkType w : model.workTypes()) {
            if (w.id() == null || !done.add(w.id())) {
                continue;
            }
            result.add(compare(w, byWorkType.getOrDefault(w.id(), List.of()), tails.get(w.id()), fitness));
        }
        byWorkType.forEach((workType, log) -> {
            if (done.add(workType)) {
                result.add(compare(new WorkType(workType, workType, null, null, List.of(), List.of(), List.of(), List.of()), log,
                        tails.get(workType), fitness));
            }
        });
        return result;
    }

    private static FlowComparison compare(WorkType w, List<Log> logs, Log tail, TraceFitness fitness) {
        List<String> stages = new ArrayList<>(w.stages().stream().map(Stage::id).filter(Objects::nonNull).toList());
        Set<StageChange> declared = new LinkedHashSet<>(w.stageChanges());
        Map<StageChange, Long> actual = new LinkedHashMap<>();
        long cases = 0;
        List<Log> all = new ArrayList<>(logs);
        if (tail != null) {
            all.add(tail);
        }
        for (Log log : all) {
            // A migrated item's stages after its migration are the same case, not another one.
            cases += log == tail ? 0 : log.variants.values().stream().mapToLong(n -> n[0]).sum();
            Map<String, Long> occurrences = new HashMap<>();
            Map<StageChange, Long> edges = new HashMap<>();
            log.variants.forEach((trace, n) -> {
                for (int i = 0; i < trace.size(); i++) {
                    occurrences.merge(trace.get(i), n[0], Long::sum);
                    if (i > 0) {
                        edges.merge(new StageChange(trace.get(i - 1), trace.get(i)), n[0], Long::sum);
                    }
                }
            });
            // The process map's order (Discovery.processMap): most frequent first, ties by name.
            edges.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<StageChange, Long>>comparingLong(Map.Entry::getValue).reversed()
                            .thenComparing(e -> e.getKey().from()).thenComparing(e -> e.getKey().to()))
                    .forEach(e -> actual.merge(e.getKey(), e.getValue(), Long::sum));
            occurrences.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue).reversed()
                            .thenComparing(Map.Entry::getKey))
                    .forEach(a -> {
                        if (!stages.contains(a.getKey())) {
                            stages.add(a.getKey());
                        }
                    });
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
