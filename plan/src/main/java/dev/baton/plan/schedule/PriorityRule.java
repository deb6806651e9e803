package dev.baton.plan.schedule;

import java.util.BitSet;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Priority rules for the serial schedule-generation scheme (Kolisch 1996, "Serial and parallel
 * resource-constrained project scheduling methods revisited"): among the activities whose
 * predecessors are all scheduled, the one the rule ranks first goes next. Ties go to the smaller
 * latest finish, then the smaller activity number, so every rule is deterministic.
 */
public enum PriorityRule {
    /** Latest finish time first: the most urgent on the critical-path clock. Usually the best single rule. */
    LFT,
    /** Latest start time first. */
    LST,
    /** Minimum slack (latest minus earliest start) first. */
    MSLK,
    /** Most total successors first: what unblocks the most work. */
    MTS,
    /** Greatest rank positional weight first: own duration plus the durations of every successor. */
    GRPW,
    /** Greatest resource demand first: duration times the sum of demands. */
    GRD,
    /** Shortest processing time first. */
    SPT,
    /** Earliest start time first. */
    EST;

    /**
     * The activities ordered by this rule, read as a priority list by
     * {@link SerialSgs#decodePriorities}: the eligible activity earliest in it is scheduled next.
     */
    public int[] priorities(Project p, TimeWindows w) {
        double[] key = keys(p, w);
        return IntStream.range(0, p.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> key[j])
                        .thenComparingInt(j -> w.latestFinish(p, j))
                        .thenComparingInt(j -> j))
                .mapToInt(Integer::intValue).toArray();
    }

    /** Smaller key, higher priority. */
    double[] keys(Project p, TimeWindows w) {
        int n = p.size();
        double[] key = new double[n];
        BitSet[] after = this == MTS || this == GRPW ? p.transitiveSuccessors() : null;
        for (int j = 0; j < n; j++) {
            key[j] = switch (this) {
                case LFT -> w.latestFinish(p, j);
                case LST -> w.latestStart()[j];
                case MSLK -> w.slack(j);
                case MTS -> -after[j].cardinality();
                case GRPW -> -(p.duration[j] + after[j].stream().mapToLong(s -> p.duration[s]).sum());
                case GRD -> -(double) p.duration[j] * IntStream.of(p.demand[j]).sum();
                case SPT -> p.duration[j];
                case EST -> w.earliestStart()[j];
            };
        }
        return key;
    }
}
