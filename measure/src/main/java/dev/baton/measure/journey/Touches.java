package dev.baton.measure.journey;

import java.util.Arrays;

/**
 * The touches of one account or person, oldest first, as parallel arrays: a million touches are
 * a million longs and references, not a million objects to walk.
 */
public final class Touches {

    long[] at = new long[4];
    String[] channel = new String[4];
    String[] campaign = new String[4];
    double[] cost = new double[4];
    int size;

    void add(long time, String ch, String camp, double c) {
        if (size == at.length) {
            int n = size * 2;
            at = Arrays.copyOf(at, n);
            channel = Arrays.copyOf(channel, n);
            campaign = Arrays.copyOf(campaign, n);
            cost = Arrays.copyOf(cost, n);
        }
        at[size] = time;
        channel[size] = ch;
        campaign[size] = camp;
        cost[size] = c;
        size++;
    }

    /** Puts the touches in time order (stable: touches at the same time keep the order they were read). */
    void sort() {
        boolean sorted = true;
        for (int i = 1; i < size && sorted; i++) {
            sorted = at[i - 1] <= at[i];
        }
        if (sorted) {
            return;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(at[a], at[b]));
        long[] a2 = new long[size];
        String[] ch2 = new String[size];
        String[] ca2 = new String[size];
        double[] co2 = new double[size];
        for (int i = 0; i < size; i++) {
            a2[i] = at[order[i]];
            ch2[i] = channel[order[i]];
            ca2[i] = campaign[order[i]];
            co2[i] = cost[order[i]];
        }
        at = a2;
        channel = ch2;
        campaign = ca2;
        cost = co2;
    }

    public int size() {
        return size;
    }

    public long at(int i) {
        return at[i];
    }

    public String channel(int i) {
        return channel[i];
    }

    /** The campaign of touch i, or null. */
    public String campaign(int i) {
        return campaign[i];
    }

    public double cost(int i) {
        return cost[i];
    }

    /** The index of the first touch after {@code time} (strictly), or {@link #size()}. */
    public int after(long time) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
