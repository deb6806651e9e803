package dev.baton.measure.funnel;

import java.util.Arrays;

/**
 * Durations counted by whole hour, in an array indexed by the hour (a year is 8,760 counters; it
 * grows as longer durations come). Two histograms merge by adding counts, in any order and
 * grouping (associative and commutative), and the median read from the merged one is exactly the
 * median of all durations at hour resolution: medians do not merge, histograms do.
 */
public final class Histogram {

    private static final int[] EMPTY = new int[0];

    /** Made on the first duration: most summaries carry none. */
    private int[] counts = EMPTY;
    private long total;

    /** Adds a duration; a negative one (dates out of order) is not a duration and is ignored. */
    public void add(long millis) {
        if (millis < 0) {
            return;
        }
        int hours = (int) Math.min(Integer.MAX_VALUE - 8, Math.round(millis / 3_600_000.0));
        if (hours >= counts.length) {
            counts = Arrays.copyOf(counts, Math.max(hours + 1, Math.max(64, counts.length * 2)));
        }
        counts[hours]++;
        total++;
    }

    public Histogram merge(Histogram other) {
        if (other.total == 0) {
            return this;
        }
        if (other.counts.length > counts.length) {
            counts = Arrays.copyOf(counts, other.counts.length);
        }
        for (int i = 0; i < other.counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        return this;
    }

    public long count() {
        return total;
    }

    /** The hours beyond {@code limit} hours, summed over the durations longer than it (to the hour). */
    public long hoursBeyond(long limit) {
        long hours = 0;
        for (int h = 0; h < counts.length; h++) {
            if (h > limit) {
                hours += (h - limit) * (long) counts[h];
            }
        }
        return hours;
    }

    /** The median in days (the mean of the two middle values for an even count), or null when empty. */
    public Double medianDays() {
        if (total == 0) {
            return null;
        }
        long lowRank = (total - 1) / 2;
        long highRank = total / 2;
        int low = -1;
        int high = -1;
        long seen = 0;
        for (int hours = 0; hours < counts.length; hours++) {
            seen += counts[hours];
            if (low < 0 && lowRank < seen) {
                low = hours;
            }
            if (highRank < seen) {
                high = hours;
                break;
            }
        }
        return (low + high) / 2.0 / 24.0;
    }
}
