package dev.baton.plan.schedule;

import java.util.Arrays;

/**
 * How much of each renewable resource is available in each period: a listed value for the first
 * periods of each resource, then one steady value for every later period. A PSPLIB project has only
 * the steady values; a quarter roadmap lists its planned quarters (net of holidays and run work) and
 * puts the steady value at what the team can give after them.
 */
public final class Capacity {

    private final int[][] byPeriod;
    private final int[] steady;

    private Capacity(int[][] byPeriod, int[] steady) {
        if (byPeriod.length != steady.length) {
            throw new IllegalArgumentException("capacity: " + byPeriod.length + " listed resources but " + steady.length
                    + " steady values");
        }
        for (int k = 0; k < steady.length; k++) {
            if (steady[k] < 0) {
                throw new IllegalArgumentException("capacity of resource " + (k + 1) + " is negative: " + steady[k]);
            }
            for (int t = 0; t < byPeriod[k].length; t++) {
                if (byPeriod[k][t] < 0) {
                    throw new IllegalArgumentException("capacity of resource " + (k + 1) + " in period " + t
                            + " is negative: " + byPeriod[k][t]);
                }
            }
        }
        this.byPeriod = byPeriod;
        this.steady = steady;
    }

    /** The same capacity in every period, one value per resource. */
    public static Capacity constant(int... perResource) {
        return new Capacity(new int[perResource.length][0], perResource.clone());
    }

    /** {@code byPeriod[k][t]} for the listed periods of resource k, {@code steady[k]} from then on. */
    public static Capacity byPeriod(int[][] byPeriod, int[] steady) {
        int[][] copy = new int[byPeriod.length][];
        for (int k = 0; k < byPeriod.length; k++) {
            copy[k] = byPeriod[k].clone();
        }
        return new Capacity(copy, steady.clone());
    }

    public int resources() {
        return steady.length;
    }

    /** Capacity of resource {@code k} in period {@code t} (t ≥ 0). */
    public int at(int k, int t) {
        int[] listed = byPeriod[k];
        return t < listed.length ? listed[t] : steady[k];
    }

    /** The capacity every period after the listed ones has. */
    public int steady(int k) {
        return steady[k];
    }

    /** The largest capacity resource {@code k} has in any period. */
    public int peak(int k) {
        int peak = steady[k];
        for (int c : byPeriod[k]) {
            peak = Math.max(peak, c);
        }
        return peak;
    }

    /** The number of periods before every resource is at its steady value. */
    public int listedPeriods() {
        int n = 0;
        for (int[] listed : byPeriod) {
            n = Math.max(n, listed.length);
        }
        return n;
    }

    /** True if every period has the steady value (a PSPLIB project). */
    public boolean isConstant() {
        return listedPeriods() == 0;
    }

    @Override
    public String toString() {
        return isConstant() ? "Capacity" + Arrays.toString(steady)
                : "Capacity" + Arrays.deepToString(byPeriod) + " then " + Arrays.toString(steady);
    }
}
