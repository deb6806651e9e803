package dev.baton.measure.funnel;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted by whole hour. Two histograms merge by adding counts, in any order and
 * grouping (associative and commutative), and the median read from the merged one is exactly the
 * median of all durations at hour resolution: medians do not merge, histograms do.
 */
public final class Histogram {

    /** Made on the first duration: most entity summaries carry none, and there are hundreds of thousands of them. */
    private Map<Long, Long> counts;
    private long total;

    public void add(long millis) {
        if (counts == null) {
            counts = new HashMap<>();
        }
        counts.merge(Math.round(millis / 3_600_000.0), 1L, Long::sum);
        total++;
    }

    public Histogram merge(Histogram other) {
        if (other.total == 0) {
            return this;
        }
        if (counts == null) {
            counts = new HashMap<>();
        }
        other.counts.forEach((hours, n) -> counts.merge(hours, n, Long::sum));
        total += other.total;
        return this;
    }

    public long count() {
        return total;
    }

    /** The median in days (the mean of the two middle values for an even count), or null when empty. */
    public Double medianDays() {
        if (total == 0) {
            return null;
        }
        TreeMap<Long, Long> sorted = new TreeMap<>(counts);
        long lowRank = (total - 1) / 2;
        long highRank = total / 2;
        Long low = null;
        Long high = null;
        long seen = 0;
        for (var e : sorted.entrySet()) {
            long next = seen + e.getValue();
            if (low == null && lowRank < next) {
                low = e.getKey();
            }
            if (highRank < next) {
                high = e.getKey();
                break;
            }
            seen = next;
        }
        return (low + high) / 2.0 / 24.0;
    }
}
