package dev.baton.plan.schedule;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Makespans no schedule can beat, each with its reason, so a result can state its gap and a
 * search can stop as soon as it meets one.
 *
 * <ul>
 *   <li>{@code criticalPath} (LB0): the longest chain of precedences, resources ignored.
 *   <li>{@code resource} (energy): for each resource k, the first period T by which Σ capacity
 *       reaches Σ_j d_j·r_jk; with constant capacity that is ⌈Σ_j d_j·r_jk / R_k⌉.
 *   <li>{@code disjunctive}: a set of activities of which no two can run at the same time (one
 *       precedes the other, or together they need more of a resource than it ever has) runs one
 *       after the other, so the sum of their durations is a bound; the set is grown greedily from
 *       several seeds (Mingozzi et al. 1998's LB3 idea).
 * </ul>
 */
public record LowerBounds(int criticalPath, int resource, int disjunctive) {

    /** Seeds tried for the disjunctive set: enough for PSPLIB sizes, bounded for large projects. */
    private static final int SEEDS = 64;

    public static LowerBounds of(Project p) {
        return new LowerBounds(TimeWindows.of(p).length(), resource(p), disjunctive(p));
    }

    /** The strongest of the three. */
    public int best() {
        return Math.max(criticalPath, Math.max(resource, disjunctive));
    }

    /** Which bound is the strongest, for a sentence. */
    public String strongest() {
        int best = best();
        return best == criticalPath ? "critical path" : best == resource ? "resource energy" : "disjunctive set";
    }

    private static int resource(Project p) {
        int bound = 0;
        for (int k = 0; k < p.resources(); k++) {
            long energy = 0;
            for (int j = 0; j < p.size(); j++) {
                energy += (long) p.duration[j] * p.demand[j][k];
            }
            if (energy == 0) {
                continue;
            }
            Capacity c = p.capacity;
            long supplied = 0;
            int t = 0;
            int listed = c.listedPeriods();
            while (t < listed && supplied < energy) {
                supplied += c.at(k, t++);
            }
            if (supplied < energy) {
                t += (int) ((energy - supplied + c.steady(k) - 1) / c.steady(k));
            }
            bound = Math.max(bound, t);
        }
        return bound;
    }

    private static int disjunctive(Project p) {
        int n = p.size();
        BitSet[] related = p.transitiveSuccessors();
        int[] peak = IntStream.range(0, p.resources()).map(k -> p.capacity.peak(k)).toArray();
        List<Integer> byDuration = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            if (p.duration[j] > 0) {
                byDuration.add(j);
            }
        }
        byDuration.sort(Comparator.comparingInt((Integer j) -> -p.duration[j]).thenComparingInt(j -> j));
        int best = 0;
        for (int seed : byDuration.subList(0, Math.min(SEEDS, byDuration.size()))) {
            List<Integer> set = new ArrayList<>(List.of(seed));
            int sum = p.duration[seed];
            for (int j : byDuration) {
                if (j == seed) {
                    continue;
                }
                boolean apart = true;
                for (int i : set) {
                    if (!apart(p, related, peak, i, j)) {
                        apart = false;
                        break;
                    }
                }
                if (apart) {
                    set.add(j);
                    sum += p.duration[j];
                }
            }
            best = Math.max(best, sum);
        }
        return best;
    }

    /** True if i and j can never run in the same period. */
    private static boolean apart(Project p, BitSet[] related, int[] peak, int i, int j) {
        if (related[i].get(j) || related[j].get(i)) {
            return true;
        }
        for (int k = 0; k < peak.length; k++) {
            if (p.demand[i][k] + p.demand[j][k] > peak[k]) {
                return true;
            }
        }
        return false;
    }
}
