package dev.baton.insight.discovery;

import java.util.Arrays;

/**
 * A growable list of durations in milliseconds with exact percentiles. Lists merge by
 * concatenation, so per-partition summaries combine into the same figures as one pass.
 */
final class Durations implements java.io.Serializable {

    private long[] values = new long[4];
    private int size;
    private boolean sorted = true;

    void add(long millis) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        if (size > 0 && values[size - 1] > millis) {
            sorted = false;
        }
        values[size++] = millis;
    }

    void addAll(Durations other) {
        for (int i = 0; i < other.size; i++) {
            add(other.values[i]);
        }
    }

    int size() {
        return size;
    }

    /**
     * The {@code q}-quantile (0..1) with linear interpolation between the closest ranks, as numpy
     * and pandas compute it by default; the median is the mean of the two middle values of an
     * even count. -1 when empty.
     */
    long quantile(double q) {
        if (size == 0) {
            return -1;
        }
        if (!sorted) {
            Arrays.sort(values, 0, size);
            sorted = true;
        }
        double rank = q * (size - 1);
        int lower = (int) Math.floor(rank);
        int upper = Math.min(lower + 1, size - 1);
        double fraction = rank - lower;
        return Math.round(values[lower] + fraction * (values[upper] - values[lower]));
    }
}
