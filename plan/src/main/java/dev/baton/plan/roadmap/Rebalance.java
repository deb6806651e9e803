package dev.baton.plan.roadmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rebalancing resourcing: the bottleneck function of each quarter (the highest utilisation, with
 * the demand of initiatives left out added in the quarter the packer would try first), and the
 * capacity to add so that the top-N initiatives in priority order all fit: each, with its
 * dependencies, is placed in the start that needs the fewest added person-days (earliest on a
 * tie), so the additions are small, though not proven the smallest.
 */
public final class Rebalance {

    /** The function that binds a quarter and how loaded it is (demand over capacity). */
    public record Bottleneck(Quarter quarter, String function, double load) {
    }

    /** Person-days to add to one function in one quarter. */
    public record Addition(String function, Quarter quarter, int days) {
    }

    private Rebalance() {
    }

    public static List<Bottleneck> bottlenecks(Plan plan) {
        Instance in = plan.instance();
        long[][] demand = new long[in.functions()][in.quarters()];
        for (int f = 0; f < in.functions(); f++) {
            for (int q = 0; q < in.quarters(); q++) {
                demand[f][q] = plan.used(f, q);
            }
        }
        for (int i = 0; i < in.size(); i++) {
            if (!plan.planned(i) && in.estimated(i)) {
                int s = Math.min(in.earliest(i), in.quarters() - 1);
                for (int f = 0; f < in.functions(); f++) {
                    for (int q = s; q < in.quarters(); q++) {
                        demand[f][q] += in.need(i, f, s, q);
                    }
                }
            }
        }
        List<Bottleneck> result = new ArrayList<>();
        for (int q = 0; q < in.quarters(); q++) {
            int best = -1;
            double load = -1;
            for (int f = 0; f < in.functions(); f++) {
                double l = in.capacity(f, q) == 0 ? (demand[f][q] > 0 ? Double.POSITIVE_INFINITY : 0)
                        : (double) demand[f][q] / in.capacity(f, q);
                if (l > load) {
                    load = l;
                    best = f;
                }
            }
            if (best >= 0) {
                result.add(new Bottleneck(in.roadmap().quarters().get(q), in.roadmap().capacity().functions().get(best),
                        Double.isInfinite(load) ? 9.99 : load));
            }
        }
        return result;
    }

    /** Additions that let the first {@code n} initiatives in priority order (and what they depend on) fit. */
    public static List<Addition> toFitTop(Instance in, int n) {
        int[] order = GreedyPacker.priorityOrder(in);
        boolean[] wanted = new boolean[in.size()];
        for (int k = 0, taken = 0; k < order.length && taken < n; k++) {
            if (in.estimated(order[k])) {
                mark(in, order[k], wanted);
                taken++;
            }
        }
        int[][] free = new int[in.functions()][in.quarters()];
        int[][] added = new int[in.functions()][in.quarters()];
        for (int f = 0; f < in.functions(); f++) {
            for (int q = 0; q < in.quarters(); q++) {
                free[f][q] = in.capacity(f, q);
            }
        }
        int[] start = new int[in.size()];
        Arrays.fill(start, Plan.OUT);
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i : order) {
                if (!wanted[i] || start[i] != Plan.OUT || !Arrays.stream(in.deps(i)).allMatch(d -> start[d] != Plan.OUT)) {
                    continue;
                }
                int lo = GreedyPacker.earliestStart(in, start, i);
                int hi = GreedyPacker.latestStart(in, i);
                int best = -1;
                long bestShort = Long.MAX_VALUE;
                for (int s = lo; s <= hi; s++) {
                    long sh = 0;
                    for (int f = 0; f < in.functions(); f++) {
                        for (int k = 0; k < in.effort(i)[f].length; k++) {
                            sh += Math.max(0, in.effort(i)[f][k] - free[f][s + k]);
                        }
                    }
                    if (sh < bestShort) {
                        bestShort = sh;
                        best = s;
                    }
                }
                if (best < 0) {
                    wanted[i] = false; // its window is closed: capacity cannot help
                    continue;
                }
                start[i] = best;
                progress = true;
                for (int f = 0; f < in.functions(); f++) {
                    for (int k = 0; k < in.effort(i)[f].length; k++) {
                        int need = in.effort(i)[f][k];
                        int q = best + k;
                        if (need > free[f][q]) {
                            added[f][q] += need - free[f][q];
                            free[f][q] = need;
                        }
                        free[f][q] -= need;
                    }
                }
            }
        }
        List<Addition> result = new ArrayList<>();
        for (int f = 0; f < in.functions(); f++) {
            for (int q = 0; q < in.quarters(); q++) {
                if (added[f][q] > 0) {
                    result.add(new Addition(in.roadmap().capacity().functions().get(f), in.roadmap().quarters().get(q),
                            added[f][q]));
                }
            }
        }
        return result;
    }

    private static void mark(Instance in, int i, boolean[] wanted) {
        if (!wanted[i]) {
            wanted[i] = true;
            for (int d : in.deps(i)) {
                mark(in, d, wanted);
            }
        }
    }
}
