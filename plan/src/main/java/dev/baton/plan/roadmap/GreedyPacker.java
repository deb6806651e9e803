package dev.baton.plan.roadmap;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The explainable packer: a serial schedule over quarters. Committed initiatives are placed where
 * they were committed; then, in priority order (value per person-day, then value, then id) and
 * never before their dependencies are decided, each initiative goes to the earliest quarter from
 * which every function has room for every quarter of its effort, inside its hard deadline.
 * An initiative without an estimate, or whose dependency is left out, is left out. O(n·Q·F·L).
 */
public final class GreedyPacker {

    private GreedyPacker() {
    }

    /** Initiative indexes in priority order. */
    public static int[] priorityOrder(Instance in) {
        return IntStream.range(0, in.size()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> -in.initiative(i).density())
                        .thenComparingDouble(i -> -in.initiative(i).value())
                        .thenComparing(i -> in.initiative(i).id()))
                .mapToInt(Integer::intValue).toArray();
    }

    public static Plan pack(Instance in) {
        int n = in.size();
        int[] start = new int[n];
        Arrays.fill(start, Plan.OUT);
        boolean[] decided = new boolean[n];
        for (int i = 0; i < n; i++) {
            int p = in.pinned(i);
            if (p != Instance.NONE) {
                decided[i] = true;
                if (p >= 0 && p + in.length(i) <= in.quarters() && in.estimated(i)) {
                    start[i] = p;
                }
            }
        }
        return new Plan(in, fill(in, start, decided));
    }

    /**
     * Places every undecided initiative, in priority order and after its dependencies, at the
     * earliest start where it fits around the decided ones (which stay where they are); the
     * packer's loop, shared with the repair of a published plan.
     */
    static int[] fill(Instance in, int[] placed, boolean[] fixed) {
        int n = in.size();
        int[] start = placed.clone();
        boolean[] decided = fixed.clone();
        int[][] free = new int[in.functions()][in.quarters()];
        for (int f = 0; f < in.functions(); f++) {
            for (int q = 0; q < in.quarters(); q++) {
                free[f][q] = in.capacity(f, q);
            }
        }
        for (int i = 0; i < n; i++) {
            if (start[i] != Plan.OUT) {
                take(in, free, i, start[i]);
            }
        }
        int[] order = priorityOrder(in);
        int left = n;
        for (boolean d : decided) {
            left -= d ? 1 : 0;
        }
        while (left > 0) {
            int i = next(in, order, decided);
            decided[i] = true;
            left--;
            start[i] = Plan.OUT;
            int lo = earliestStart(in, start, i);
            if (lo == Plan.OUT || !in.estimated(i)) {
                continue;
            }
            int hi = latestStart(in, i);
            for (int s = lo; s <= hi; s++) {
                if (fits(in, free, i, s)) {
                    start[i] = s;
                    take(in, free, i, s);
                    break;
                }
            }
        }
        return start;
    }

    /** The first undecided initiative in priority order whose dependencies are all decided. */
    private static int next(Instance in, int[] order, boolean[] decided) {
        for (int i : order) {
            if (!decided[i] && Arrays.stream(in.deps(i)).allMatch(d -> decided[d])) {
                return i;
            }
        }
        throw new IllegalStateException("dependency cycle"); // the reader refuses cycles
    }

    /** The first start the dependencies and the earliest quarter allow; OUT when a dependency is out. */
    static int earliestStart(Instance in, int[] start, int i) {
        int lo = in.earliest(i);
        for (int d : in.deps(i)) {
            if (start[d] == Plan.OUT) {
                return Plan.OUT;
            }
            lo = Math.max(lo, start[d] + in.length(d));
        }
        return lo;
    }

    /** The last start inside the quarters and the hard deadline. */
    static int latestStart(Instance in, int i) {
        int hi = in.quarters() - in.length(i);
        if (in.hardDeadline(i) != Instance.NONE) {
            hi = Math.min(hi, in.hardDeadline(i) - in.length(i) + 1);
        }
        return hi;
    }

    private static boolean fits(Instance in, int[][] free, int i, int s) {
        int[][] e = in.effort(i);
        for (int f = 0; f < e.length; f++) {
            for (int k = 0; k < e[f].length; k++) {
                if (e[f][k] > free[f][s + k]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void take(Instance in, int[][] free, int i, int s) {
        int[][] e = in.effort(i);
        for (int f = 0; f < e.length; f++) {
            for (int k = 0; k < e[f].length && s + k < in.quarters(); k++) {
                free[f][s + k] -= e[f][k];
            }
        }
    }
}
