package dev.baton.insight.conformance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The markings of a net as the alignment search sees them: numbered states, the transitions
 * enabled in each and where they lead, and the two facts its heuristic reads (a lower bound on
 * the visible transitions still needed to reach the final marking, and the labels that can still
 * fire on the way). Two kinds: the whole {@link ReachabilityGraph}, computed up front with exact
 * facts, and the {@link LazyStateSpace}, which generates markings as the search reaches them, for
 * nets with too many markings to enumerate. The silent closure both share is here.
 */
abstract class StateSpace {

    static final int UNREACHABLE = Integer.MAX_VALUE;

    final NetIndex net;
    private Steps[] steps = new Steps[64];

    StateSpace(NetIndex net) {
        this.net = net;
    }

    abstract int initial();

    /** The transitions enabled in state {@code s}. */
    abstract int[] transitionsFrom(int s);

    /** The state each of {@link #transitionsFrom} leads to, in the same order. */
    abstract int[] targetsFrom(int s);

    abstract boolean isFinal(int s);

    /** At most the fewest visible transitions from {@code s} to the final marking; {@link #UNREACHABLE} when there is no way. */
    abstract int visibleToFinal(int s);

    /** Bit words of (at least) the labels that can fire on some way from {@code s} to the final marking. */
    abstract long[] fireable(int s);

    /**
     * At most the fewest silent transitions from {@code s} to the final marking, counted apart from
     * the visible ones (so the search may add it to its bound on deviations); 0 when unknown.
     */
    int silentToFinal(int s) {
        return 0;
    }

    /** Called before each trace: a space may forget what it generated for earlier ones. */
    void beforeTrace() {
    }

    /** Forgets the cached steps (when the states are renumbered). */
    final void clearSteps() {
        steps = new Steps[64];
    }

    /**
     * The visible steps from state {@code s} after any number of silent ones ("silent closure"),
     * each with the fewest silent transitions it takes: per step, the label, the visible
     * transition, the target state and the silent cost, sorted by label. Computed on first use.
     * The alignment search moves along these, so that it never queues states between silent steps.
     */
    final Steps steps(int s) {
        if (s >= steps.length) {
            steps = Arrays.copyOf(steps, Math.max(s + 1, steps.length * 2));
        }
        Steps cached = steps[s];
        if (cached == null) {
            cached = closure(s);
            steps[s] = cached;
        }
        return cached;
    }

    /** Visible steps out of a state (see {@link #steps}) and the silent cost of reaching the final marking. */
    record Steps(int[] label, int[] transition, int[] target, int[] silent, int silentToFinal,
                 int[] silentToLabel) {
    }

    private final Scratch closureScratch = new Scratch();
    private final Scratch dominanceScratch = new Scratch();

    private Steps closure(int start) {
        Scratch scratch = closureScratch;
        scratch.next();
        int[] queue = new int[16];
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        scratch.set(start, 0);
        Set<Long> seen = new HashSet<>();
        List<int[]> found = new ArrayList<>();
        int silentToFinal = UNREACHABLE;
        while (head < tail) {
            int s = queue[head++];
            int d = scratch.get(s);
            if (isFinal(s) && d < silentToFinal) {
                silentToFinal = d;
            }
            int[] ts = transitionsFrom(s);
            int[] targets = targetsFrom(s);
            for (int k = 0; k < ts.length; k++) {
                int t = ts[k];
                int target = targets[k];
                if (visibleToFinal(target) == UNREACHABLE) {
                    continue;
                }
                if (net.label[t] < 0) {
                    if (scratch.get(target) == UNREACHABLE) {
                        scratch.set(target, d + 1);
                        if (tail == queue.length) {
                            queue = Arrays.copyOf(queue, tail * 2);
                        }
                        queue[tail++] = target;
                    }
                } else if (seen.add(((long) t << 32) | target)) {
                    // breadth-first, so the first way to a step is a cheapest one
                    found.add(new int[] {net.label[t], t, target, d});
                }
            }
        }
        found.sort(Comparator.comparingInt((int[] step) -> step[0]).thenComparingInt(step -> step[3]));
        found = undominated(found);
        int n = found.size();
        int[] label = new int[n];
        int[] transition = new int[n];
        int[] target = new int[n];
        int[] silent = new int[n];
        for (int i = 0; i < n; i++) {
            int[] step = found.get(i);
            label[i] = step[0];
            transition[i] = step[1];
            target[i] = step[2];
            silent[i] = step[3];
        }
        int[] silentToLabel = new int[Math.max(1, net.labels.length)];
        Arrays.fill(silentToLabel, UNREACHABLE);
        for (int i = 0; i < n; i++) {
            silentToLabel[label[i]] = Math.min(silentToLabel[label[i]], silent[i]);
        }
        return new Steps(label, transition, target, silent, silentToFinal, silentToLabel);
    }

    /**
     * Drops the steps another step with the same label makes redundant: when the target of one
     * reaches the target of the other through silent transitions, at no more cost in total (a
     * silent transition of a parallel branch fired before or after the visible one). Whatever an
     * alignment does after the dropped step it can do after the kept one, as cheaply, so the
     * search needs only the kept one.
     */
    private List<int[]> undominated(List<int[]> found) {
        List<int[]> kept = new ArrayList<>(found.size());
        int from = 0;
        while (from < found.size()) {
            int to = from;
            while (to < found.size() && found.get(to)[0] == found.get(from)[0]) {
                to++;
            }
            List<int[]> group = found.subList(from, to);
            if (group.size() == 1) {
                kept.add(group.get(0));
            } else {
                boolean[] dropped = new boolean[group.size()];
                for (int x = 0; x < group.size(); x++) {
                    if (dropped[x]) {
                        continue;
                    }
                    silentDistances(group.get(x)[2]);
                    for (int y = 0; y < group.size(); y++) {
                        if (y != x && !dropped[y]) {
                            int d = dominanceScratch.get(group.get(y)[2]);
                            if (d != UNREACHABLE && group.get(x)[3] + d <= group.get(y)[3]) {
                                dropped[y] = true;
                            }
                        }
                    }
                }
                for (int x = 0; x < group.size(); x++) {
                    if (!dropped[x]) {
                        kept.add(group.get(x));
                    }
                }
            }
            from = to;
        }
        return kept;
    }

    /** Silent transitions from {@code start} to every state, into {@link #dominanceScratch}. */
    private void silentDistances(int start) {
        Scratch scratch = dominanceScratch;
        scratch.next();
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        scratch.set(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            int[] ts = transitionsFrom(s);
            int[] targets = targetsFrom(s);
            for (int k = 0; k < ts.length; k++) {
                int target = targets[k];
                if (net.label[ts[k]] < 0 && scratch.get(target) == UNREACHABLE) {
                    scratch.set(target, scratch.get(s) + 1);
                    queue.add(target);
                }
            }
        }
    }

    /**
     * Distances by state for one breadth-first search at a time, without clearing: a value counts
     * only when stamped in the current round. Grows with the states (a lazy space keeps adding some).
     */
    private static final class Scratch {
        private int[] distance = new int[64];
        private int[] stamp = new int[64];
        private int round;

        void next() {
            round++;
        }

        int get(int s) {
            return s < stamp.length && stamp[s] == round ? distance[s] : UNREACHABLE;
        }

        void set(int s, int d) {
            if (s >= stamp.length) {
                int size = Math.max(s + 1, stamp.length * 2);
                stamp = Arrays.copyOf(stamp, size);
                distance = Arrays.copyOf(distance, size);
            }
            stamp[s] = round;
            distance[s] = d;
        }
    }
}
