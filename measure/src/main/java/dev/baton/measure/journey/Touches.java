package dev.baton.measure.journey;

import java.util.Arrays;

/**
 * The touches of one account or person, oldest first, as parallel arrays: a million touches are
 * a million longs and references, not a million objects to walk.
 */
public final class Touches {

    // Room for 16 at first: an account has dozens of touches a year, and each doubling copies five arrays.
    long[] at = new long[16];
    String[] channel = new String[16];
    String[] campaign = new String[16];
    double[] cost = new double[16];
    String[] person = new String[16];
    int size;

    void add(long time, String ch, String camp, double c, String who) {
        if (size == at.length) {
            int n = size * 2;
            at = Arrays.copyOf(at, n);
            channel = Arrays.copyOf(channel, n);
            campaign = Arrays.copyOf(campaign, n);
            cost = Arrays.copyOf(cost, n);
            person = Arrays.copyOf(person, n);
        }
        at[size] = time;
        channel[size] = ch;
        campaign[size] = camp;
        cost[size] = c;
        person[size] = who;
        size++;
    }

    /** Adds {@code later}'s touches after these (before sorting). */
    Touches append(Touches later) {
        int n = size + later.size;
        if (n > at.length) {
            at = Arrays.copyOf(at, n);
            channel = Arrays.copyOf(channel, n);
            campaign = Arrays.copyOf(campaign, n);
            cost = Arrays.copyOf(cost, n);
            person = Arrays.copyOf(person, n);
        }
        System.arraycopy(later.at, 0, at, size, later.size);
        System.arraycopy(later.channel, 0, channel, size, later.size);
        System.arraycopy(later.campaign, 0, campaign, size, later.size);
        System.arraycopy(later.cost, 0, cost, size, later.size);
        System.arraycopy(later.person, 0, person, size, later.size);
        size = n;
        return this;
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
        int[] order = order();
        long[] a2 = new long[size];
        String[] ch2 = new String[size];
        String[] ca2 = new String[size];
        double[] co2 = new double[size];
        String[] pe2 = new String[size];
        for (int i = 0; i < size; i++) {
            a2[i] = at[order[i]];
            ch2[i] = channel[order[i]];
            ca2[i] = campaign[order[i]];
            co2[i] = cost[order[i]];
            pe2[i] = person[order[i]];
        }
        at = a2;
        channel = ch2;
        campaign = ca2;
        cost = co2;
        person = pe2;
    }

    /**
     * The indices in time order. Times relative to the first fit in 40 bits (35 years of
     * milliseconds) and indices in 23: sorting packed longs beats boxing a comparator's arguments.
     */
    private int[] order() {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            min = Math.min(min, at[i]);
            max = Math.max(max, at[i]);
        }
        int[] order = new int[size];
        if (max - min < (1L << 40) && size < (1 << 23)) {
            long[] packed = new long[size];
            for (int i = 0; i < size; i++) {
                packed[i] = (at[i] - min) << 23 | i;
            }
            Arrays.sort(packed);
            for (int i = 0; i < size; i++) {
                order[i] = (int) (packed[i] & ((1 << 23) - 1));
            }
            return order;
        }
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(at[a], at[b]));
        for (int i = 0; i < size; i++) {
            order[i] = boxed[i];
        }
        return order;
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

    /** The email of the person touched, or null when the touch named only the account. */
    public String person(int i) {
        return person[i];
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
