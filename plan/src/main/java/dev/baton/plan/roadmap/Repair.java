package dev.baton.plan.roadmap;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The published plan, repaired after a change, before any search: every initiative keeps its
 * published quarter unless that quarter now breaks a rule. Released are, in this order: those
 * whose own rules fail there (gone, no estimate, earliest, hard deadline, horizon, committed
 * elsewhere); for each function and quarter over capacity, the changed initiatives using it,
 * then the lowest-priority ones, one at a time until it fits; and, transitively, those whose
 * prerequisite was released or now ends too late. The released and the unplanned are then placed
 * by the greedy packer around the kept ones. A kept initiative does not move in the re-plan (the
 * local search pins it), so what moves is what the change required: the released, and the
 * unplanned that now fit.
 *
 * @param kept kept[i]: i stays where it was published (or committed) and is pinned
 */
public record Repair(Plan plan, boolean[] kept) {

    /** Whether anything was published to repair. */
    public static boolean applies(Roadmap roadmap) {
        return !roadmap.published().isEmpty();
    }

    /** The repair of {@code in}'s published plan; {@code changed}: ids whose inputs changed. */
    public static Repair of(Instance in, Set<String> changed) {
        int n = in.size();
        Quarter first = in.roadmap().quarters().get(0);
        int[] start = new int[n];
        boolean[] kept = new boolean[n];
        for (int i = 0; i < n; i++) {
            Quarter q = in.roadmap().published().get(in.initiative(i).id());
            int p = in.pinned(i);
            start[i] = p != Instance.NONE ? p : q == null ? Plan.OUT : first.until(q);
            kept[i] = p != Instance.NONE || start[i] != Plan.OUT;
            if (!allowedAlone(in, i, start[i])) {
                start[i] = Plan.OUT;
                kept[i] = p != Instance.NONE; // committed outside the plan: decided, and out
            }
        }
        releaseBrokenDependencies(in, start, kept);
        int[] release = IntStream.range(0, n).boxed()
                .sorted(Comparator.<Integer, Boolean>comparing(i -> !changed.contains(in.initiative(i).id()))
                        .thenComparing(Comparator.comparingInt(rank(in)::get).reversed()))
                .mapToInt(Integer::intValue).toArray();
        for (int[] cell = overloaded(in, start); cell != null; cell = overloaded(in, start)) {
            int victim = -1;
            for (int i : release) {
                if (start[i] != Plan.OUT && in.pinned(i) == Instance.NONE && in.need(i, cell[0], start[i], cell[1]) > 0) {
                    victim = i;
                    break;
                }
            }
            if (victim < 0) {
                break; // only committed work left in an over-full cell: nothing a re-plan may move
            }
            start[victim] = Plan.OUT;
            kept[victim] = false;
            releaseBrokenDependencies(in, start, kept);
        }
        return new Repair(new Plan(in, GreedyPacker.fill(in, start, kept)), kept);
    }

    /** Ids of {@code now}'s initiatives that are new or whose inputs differ from {@code before}'s. */
    public static Set<String> changed(Roadmap before, Roadmap now) {
        Map<String, Initiative> old = new HashMap<>();
        before.initiatives().forEach(i -> old.put(i.id(), i));
        java.util.Set<String> ids = new java.util.TreeSet<>();
        for (Initiative i : now.initiatives()) {
            if (!sameInputs(old.get(i.id()), i)) {
                ids.add(i.id());
            }
        }
        return ids;
    }

    static boolean sameInputs(Initiative a, Initiative b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.value() != b.value() || !a.dependsOn().equals(b.dependsOn()) || !Objects.equals(a.earliest(), b.earliest())
                || !Objects.equals(a.deadline(), b.deadline()) || !Objects.equals(a.committed(), b.committed())
                || !a.effort().keySet().equals(b.effort().keySet())) {
            return false;
        }
        return a.effort().entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.effort().get(e.getKey())));
    }

    private static Map<Integer, Integer> rank(Instance in) {
        int[] order = GreedyPacker.priorityOrder(in);
        Map<Integer, Integer> rank = new HashMap<>();
        for (int r = 0; r < order.length; r++) {
            rank.put(order[r], r);
        }
        return rank;
    }

    /** Whether i may start at s by its own rules (dependencies and capacity aside). */
    private static boolean allowedAlone(Instance in, int i, int s) {
        return s != Plan.OUT && in.estimated(i) && s >= in.earliest(i) && s <= GreedyPacker.latestStart(in, i);
    }

    private static void releaseBrokenDependencies(Instance in, int[] start, boolean[] kept) {
        boolean again = true;
        while (again) {
            again = false;
            for (int i = 0; i < in.size(); i++) {
                if (start[i] == Plan.OUT || in.pinned(i) != Instance.NONE) {
                    continue;
                }
                for (int d : in.deps(i)) {
                    if (start[d] == Plan.OUT || start[d] + in.length(d) > start[i]) {
                        start[i] = Plan.OUT;
                        kept[i] = false;
                        again = true;
                        break;
                    }
                }
            }
        }
    }

    /** The first function and quarter over capacity, or null. */
    private static int[] overloaded(Instance in, int[] start) {
        Plan p = new Plan(in, start);
        for (int f = 0; f < in.functions(); f++) {
            for (int q = 0; q < in.quarters(); q++) {
                if (p.free(f, q) < 0) {
                    return new int[] {f, q};
                }
            }
        }
        return null;
    }
}
