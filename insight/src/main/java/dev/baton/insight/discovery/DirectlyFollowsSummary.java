package dev.baton.insight.discovery;

import dev.baton.insight.log.Dictionary;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.IntSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The directly-follows graph, start and end activities and variants of some cases, as a summary
 * that grows case by case ({@link #add}) and merges with the summary of other cases
 * ({@link #merge}) into what one pass over all of them would give. Activities are kept by name,
 * so summaries of different partitions (with different dictionary codes) merge too; summaries are
 * serializable, so that Spark executors can send theirs to the driver (docs/scale.md).
 */
public final class DirectlyFollowsSummary implements java.io.Serializable {

    private final Dictionary names = new Dictionary();
    private long[] occurrences = new long[0];
    private final Map<Long, EdgeStats> edges = new HashMap<>();
    private final Map<Integer, Long> starts = new HashMap<>();
    private final Map<Integer, Long> ends = new HashMap<>();
    private final Map<IntSequence, VariantStats> variants = new HashMap<>();
    private long cases;
    private long events;
    private String logName;

    private static final class EdgeStats implements java.io.Serializable {
        long count;
        final Durations waits = new Durations();
    }

    private static final class VariantStats implements java.io.Serializable {
        long count;
        String exampleCase;
        /** Where the example stands in the whole log, when the caller said ({@link #of(EventLog, ToLongFunction)}). */
        long exampleOrder;

        VariantStats(String exampleCase, long exampleOrder) {
            this.exampleCase = exampleCase;
            this.exampleOrder = exampleOrder;
        }

        /** The earlier case becomes the example; on a tie (no order given) the one already kept stays. */
        void example(String caseId, long order) {
            if (order < exampleOrder) {
                exampleCase = caseId;
                exampleOrder = order;
            }
        }
    }

    /** Without an order, every case ties: the first case added (or merged first) stays the example. */
    private static final ToLongFunction<String> UNORDERED = c -> Long.MAX_VALUE;

    /** The summary of every case of a log. */
    public static DirectlyFollowsSummary of(EventLog log) {
        return of(log, UNORDERED);
    }

    /**
     * The summary of every case of a part of a log, each case's place in the whole log given by
     * {@code order} (its first event's position, say): a variant's example is then its earliest
     * case whichever part it came from and in whatever order parts merge, as in one pass over the
     * whole log. The scale module's Spark jobs summarise partitions so.
     */
    public static DirectlyFollowsSummary of(EventLog log, ToLongFunction<String> order) {
        DirectlyFollowsSummary summary = new DirectlyFollowsSummary();
        summary.logName = log.name();
        int[] local = summary.codesOf(log);
        for (int c = 0; c < log.caseCount(); c++) {
            summary.add(log, c, local, order);
        }
        return summary;
    }

    /** Adds case {@code c} of {@code log}. */
    public DirectlyFollowsSummary add(EventLog log, int c) {
        return add(log, c, codesOf(log), UNORDERED);
    }

    private int[] codesOf(EventLog log) {
        int[] local = new int[log.activityCount()];
        for (int a = 0; a < local.length; a++) {
            local[a] = code(log.activityName(a));
        }
        return local;
    }

    private int code(String name) {
        int code = names.encode(name);
        if (code >= occurrences.length) {
            occurrences = Arrays.copyOf(occurrences, names.size());
        }
        return code;
    }

    private DirectlyFollowsSummary add(EventLog log, int c, int[] local, ToLongFunction<String> order) {
        int start = log.caseStart(c);
        int end = log.caseEnd(c);
        if (end == start) {
            return this;
        }
        cases++;
        events += end - start;
        int[] trace = new int[end - start];
        for (int e = start; e < end; e++) {
            int a = local[log.activity(e)];
            trace[e - start] = a;
            occurrences[a]++;
            if (e > start) {
                EdgeStats edge = edges.computeIfAbsent(edgeKey(trace[e - start - 1], a), k -> new EdgeStats());
                edge.count++;
                if (log.hasTime(e) && log.hasTime(e - 1)) {
                    edge.waits.add(log.time(e) - log.time(e - 1));
                }
            }
        }
        starts.merge(trace[0], 1L, Long::sum);
        ends.merge(trace[trace.length - 1], 1L, Long::sum);
        String caseId = log.caseId(c);
        long place = order.applyAsLong(caseId);
        VariantStats variant = variants.computeIfAbsent(new IntSequence(trace), k -> new VariantStats(caseId, place));
        variant.count++;
        variant.example(caseId, place);
        return this;
    }

    private static long edgeKey(int from, int to) {
        return ((long) from << 32) | (to & 0xffffffffL);
    }

    /** Adds everything {@code other} summarised; {@code other} is left as it was. */
    public DirectlyFollowsSummary merge(DirectlyFollowsSummary other) {
        int[] local = new int[other.names.size()];
        for (int a = 0; a < local.length; a++) {
            local[a] = code(other.names.decode(a));
        }
        for (int a = 0; a < local.length; a++) {
            occurrences[local[a]] += other.occurrences[a];
        }
        other.edges.forEach((key, stats) -> {
            EdgeStats mine = edges.computeIfAbsent(edgeKey(local[(int) (key >>> 32)], local[(int) (long) key]),
                    k -> new EdgeStats());
            mine.count += stats.count;
            mine.waits.addAll(stats.waits);
        });
        other.starts.forEach((a, n) -> starts.merge(local[a], n, Long::sum));
        other.ends.forEach((a, n) -> ends.merge(local[a], n, Long::sum));
        other.variants.forEach((key, stats) -> {
            int[] trace = Arrays.stream(key.values()).map(a -> local[a]).toArray();
            VariantStats mine = variants.computeIfAbsent(new IntSequence(trace),
                    k -> new VariantStats(stats.exampleCase, stats.exampleOrder));
            mine.count += stats.count;
            mine.example(stats.exampleCase, stats.exampleOrder);
        });
        cases += other.cases;
        events += other.events;
        if (logName == null) {
            logName = other.logName;
        }
        return this;
    }

    /** The process map: everything sorted most frequent first, ties by name. */
    public ProcessMap toProcessMap() {
        List<ProcessMap.Activity> activities = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            activities.add(new ProcessMap.Activity(names.decode(a), occurrences[a]));
        }
        activities.sort(Comparator.comparingLong(ProcessMap.Activity::occurrences).reversed()
                .thenComparing(ProcessMap.Activity::name));
        List<ProcessMap.Edge> edgeList = new ArrayList<>();
        edges.forEach((key, stats) -> edgeList.add(new ProcessMap.Edge(names.decode((int) (key >>> 32)),
                names.decode((int) (long) key), stats.count, stats.waits.quantile(0.5), stats.waits.quantile(0.9))));
        edgeList.sort(Comparator.comparingLong(ProcessMap.Edge::count).reversed()
                .thenComparing(ProcessMap.Edge::from).thenComparing(ProcessMap.Edge::to));
        List<ProcessMap.Variant> variantList = new ArrayList<>();
        variants.forEach((key, stats) -> variantList.add(new ProcessMap.Variant(
                Arrays.stream(key.values()).mapToObj(names::decode).toList(), stats.count,
                cases == 0 ? 0 : (double) stats.count / cases, stats.exampleCase)));
        variantList.sort(Comparator.comparingLong(ProcessMap.Variant::cases).reversed()
                .thenComparing(v -> String.join("\u0000", v.activities())));
        return new ProcessMap(logName, (int) cases, (int) events, activities, edgeList, endpoints(starts),
                endpoints(ends), variantList);
    }

    private List<ProcessMap.Endpoint> endpoints(Map<Integer, Long> counts) {
        Map<String, Long> byName = new LinkedHashMap<>();
        counts.forEach((a, n) -> byName.put(names.decode(a), n));
        return byName.entrySet().stream().map(e -> new ProcessMap.Endpoint(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(ProcessMap.Endpoint::cases).reversed()
                        .thenComparing(ProcessMap.Endpoint::activity))
                .toList();
    }
}
