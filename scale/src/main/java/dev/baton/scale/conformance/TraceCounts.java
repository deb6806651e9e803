package dev.baton.scale.conformance;

import dev.baton.insight.conformance.NetFile;
import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.EventLogBuilder;
import dev.baton.insight.log.JsonlReader;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The distinct variants of some cases, with what conformance needs of them: the case's work type
 * (which {@code --work-type} selects by, over the whole log) and activities, the number of cases,
 * and the position of the first case in the log. Counts of disjoint sets of cases merge in any
 * order; ordered by their first case, the variants come in the order one pass over the whole log
 * finds them (positions grow along a log), which is the order of the result's variants.
 */
final class TraceCounts implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A variant of one work type (null when the case records none). */
    private record Key(String workType, List<String> activities) implements Serializable {
    }

    /** Per variant: {cases, position of the first case}. */
    private final Map<Key, long[]> counts = new HashMap<>();

    /** The variants of a log's cases, case {@code c} placed at {@code first.apply(its id)}. */
    static TraceCounts of(EventLog log, Function<String, Long> first) {
        TraceCounts counts = new TraceCounts();
        for (int c = 0; c < log.caseCount(); c++) {
            List<String> activities = Arrays.stream(log.trace(c)).mapToObj(log::activityName).toList();
            counts.add(new Key(NetFile.workTypeOf(log, c).orElse(null), activities), 1, first.apply(log.caseId(c)));
        }
        return counts;
    }

    private void add(Key key, long cases, long first) {
        long[] n = counts.computeIfAbsent(key, k -> new long[] {0, first});
        n[0] += cases;
        n[1] = Math.min(n[1], first);
    }

    /** Adds the variants of other cases. */
    TraceCounts merge(TraceCounts other) {
        other.counts.forEach((key, n) -> add(key, n[0], n[1]));
        return this;
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    /** A log of one case per variant, in the order of their first cases (work types as case attributes), and its cases. */
    record Traces(EventLog log, int[] cases) {
    }

    Traces traces(String name) {
        List<Map.Entry<Key, long[]>> ordered = new ArrayList<>(counts.entrySet());
        ordered.sort(Comparator.<Map.Entry<Key, long[]>>comparingLong(e -> e.getValue()[1])
                .thenComparing(e -> Objects.toString(e.getKey().workType(), ""))
                .thenComparing(e -> String.join("\u0000", e.getKey().activities())));
        EventLogBuilder builder = EventLog.builder(name);
        int[] cases = new int[ordered.size()];
        for (int i = 0; i < cases.length; i++) {
            Key key = ordered.get(i).getKey();
            int c = builder.newCase("variant-" + i);
            key.activities().forEach(activity -> builder.event(c, activity, 0, null));
            if (key.workType() != null) {
                builder.caseAttribute(c, JsonlReader.WORK_TYPE, key.workType());
            }
            cases[i] = Math.toIntExact(ordered.get(i).getValue()[0]);
        }
        return new Traces(builder.build(false), cases);
    }
}
