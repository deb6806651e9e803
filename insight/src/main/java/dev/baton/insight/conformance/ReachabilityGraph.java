package dev.baton.insight.conformance;

import dev.baton.insight.log.IntSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every marking a net can reach from its initial marking, numbered, with the transitions between
 * them; plus, per marking, two facts the alignment search uses as its heuristic: how many visible
 * transitions at least still separate it from the final marking, and which labels can still fire
 * on some way to the final marking. Nets compiled from operating models and nets discovered by
 * miners have from a handful to a few thousand markings; a net with more than
 * {@link #MAX_STATES} (typically an unbounded one) is refused.
 */
final class ReachabilityGraph {

    static final int MAX_STATES = 2_000_000;
    static final int UNREACHABLE = Integer.MAX_VALUE;

    final NetIndex net;
    final int states;
    final int initial;
    /** Per state, the transitions enabled in it and the state each leads to. */
    final int[][] transitions;
    final int[][] targets;
    final boolean[] isFinal;
    /** Per state, the fewest visible transitions to the final marking, or {@link #UNREACHABLE}. */
    final int[] visibleToFinal;
    /** Per state, bit words of the labels that can fire on a way to the final marking. */
    final long[][] fireable;
    final int words;

    ReachabilityGraph(NetIndex net) {
        this.net = net;
        Map<IntSequence, Integer> index = new HashMap<>();
        List<int[]> markings = new ArrayList<>();
        List<int[]> outT = new ArrayList<>();
        List<int[]> outS = new ArrayList<>();
        index.put(new IntSequence(net.initial.clone()), 0);
        markings.add(net.initial.clone());
        int[] ts = new int[net.transitions];
        int[] ss = new int[net.transitions];
        for (int s = 0; s < markings.size(); s++) {
            int[] m = markings.get(s);
            int n = 0;
            for (int t = 0; t < net.transitions; t++) {
                if (net.enabled(m, t)) {
                    int[] next = m.clone();
                    net.fire(next, t);
                    IntSequence key = new IntSequence(next);
                    Integer target = index.get(key);
                    if (target == null) {
                        if (markings.size() >= MAX_STATES) {
                            throw new ConformanceException("the net '" + net.net.name() + "' reaches more than "
                                    + MAX_STATES + " markings (is it unbounded?); alignments need a bounded net");
                        }
                        target = markings.size();
                        index.put(key, target);
                        markings.add(next);
                    }
                    ts[n] = t;
                    ss[n] = target;
                    n++;
                }
            }
            outT.add(Arrays.copyOf(ts, n));
            outS.add(Arrays.copyOf(ss, n));
        }
        this.states = markings.size();
        this.initial = 0;
        this.transitions = outT.toArray(int[][]::new);
        this.targets = outS.toArray(int[][]::new);
        this.isFinal = new boolean[states];
        for (int s = 0; s < states; s++) {
            isFinal[s] = Arrays.equals(markings.get(s), net.fin);
        }
        this.visibleToFinal = visibleToFinal();
        this.words = Math.max(1, (net.labels.length + 63) / 64);
        this.fireable = fireable();
        this.steps = new Steps[states];
    }

    /**
     * The visible steps from state {@code s} after any number of silent ones ("silent closure"),
     * each with the fewest silent transitions it takes: per step, the label, the visible
     * transition, the target state and the silent cost, sorted by label. Computed on first use.
     * The alignment search moves along these, so that it never queues states between silent steps.
     */
    Steps steps(int s) {
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

    private final Steps[] steps;
    private int[] closureDistance;
    private int[] closureStamp;
    private int closureRound;

    private Steps closure(int start) {
        if (closureDistance == null) {
            closureDistance = new int[states];
            closureStamp = new int[states];
        }
        closureRound++;
        int[] queue = new int[16];
        int head = 0;
        int tail = 0;
        queue[tail++] = start;
        closureStamp[start] = closureRound;
        closureDistance[start] = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        List<int[]> found = new ArrayList<>();
        int silentToFinal = UNREACHABLE;
        while (head < tail) {
            int s = queue[head++];
            int d = closureDistance[s];
            if (isFinal[s] && d < silentToFinal) {
                silentToFinal = d;
            }
            for (int k = 0; k < transitions[s].length; k++) {
                int t = transitions[s][k];
                int target = targets[s][k];
                if (visibleToFinal[target] == UNREACHABLE) {
                    continue;
                }
                if (net.label[t] < 0) {
                    if (closureStamp[target] != closureRound) {
                        closureStamp[target] = closureRound;
                        closureDistance[target] = d + 1;
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
        found.sort(java.util.Comparator.comparingInt((int[] step) -> step[0]).thenComparingInt(step -> step[3]));
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
                    int[] distance = silentDistances(group.get(x)[2]);
                    for (int y = 0; y < group.size(); y++) {
                        if (y != x && !dropped[y]) {
                            int d = distance[group.get(y)[2]];
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

    /** Silent transitions from {@code start} to every state, or UNREACHABLE (a scratch array reused by the next call). */
    private int[] silentDistances(int start) {
        if (scratchDistance == null) {
            scratchDistance = new int[states];
        }
        Arrays.fill(scratchDistance, UNREACHABLE);
        java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
        scratchDistance[start] = 0;
        queue.add(start);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int k = 0; k < transitions[s].length; k++) {
                int target = targets[s][k];
                if (net.label[transitions[s][k]] < 0 && scratchDistance[target] == UNREACHABLE) {
                    scratchDistance[target] = scratchDistance[s] + 1;
                    queue.add(target);
                }
            }
        }
        return scratchDistance;
    }

    private int[] scratchDistance;

    /** Backward 0-1 breadth-first search from the final states: visible steps cost 1, silent ones 0. */
    private int[] visibleToFinal() {
        int[][] predecessors = predecessors();
        int[] dist = new int[states];
        Arrays.fill(dist, UNREACHABLE);
        java.util.ArrayDeque<Integer> deque = new java.util.ArrayDeque<>();
        for (int s = 0; s < states; s++) {
            if (isFinal[s]) {
                dist[s] = 0;
                deque.add(s);
            }
        }
        // predecessors[s] holds pairs (state, transition) stepping into s
        while (!deque.isEmpty()) {
            int s = deque.poll();
            int[] in = predecessors[s];
            for (int k = 0; k < in.length; k += 2) {
                int from = in[k];
                int weight = net.label[in[k + 1]] >= 0 ? 1 : 0;
                if (dist[s] + weight < dist[from]) {
                    dist[from] = dist[s] + weight;
                    if (weight == 0) {
                        deque.addFirst(from);
                    } else {
                        deque.addLast(from);
                    }
                }
            }
        }
        return dist;
    }

    private int[][] predecessors() {
        int[] count = new int[states];
        for (int s = 0; s < states; s++) {
            for (int target : targets[s]) {
                count[target] += 2;
            }
        }
        int[][] in = new int[states][];
        for (int s = 0; s < states; s++) {
            in[s] = new int[count[s]];
        }
        int[] fill = new int[states];
        for (int s = 0; s < states; s++) {
            for (int k = 0; k < targets[s].length; k++) {
                int target = targets[s][k];
                in[target][fill[target]++] = s;
                in[target][fill[target]++] = transitions[s][k];
            }
        }
        return in;
    }

    /** The labels on some way to the final marking, by fixpoint over the edges that keep it reachable. */
    private long[][] fireable() {
        long[][] bits = new long[states][words];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int s = states - 1; s >= 0; s--) {
                if (visibleToFinal[s] == UNREACHABLE) {
                    continue;
                }
                long[] mine = bits[s];
                for (int k = 0; k < targets[s].length; k++) {
                    int target = targets[s][k];
                    if (visibleToFinal[target] == UNREACHABLE) {
                        continue;
                    }
                    long[] theirs = bits[target];
                    for (int w = 0; w < words; w++) {
                        long merged = mine[w] | theirs[w];
                        if (merged != mine[w]) {
                            mine[w] = merged;
                            changed = true;
                        }
                    }
                    int label = net.label[transitions[s][k]];
                    if (label >= 0 && (mine[label >>> 6] & (1L << label)) == 0) {
                        mine[label >>> 6] |= 1L << label;
                        changed = true;
                    }
                }
            }
        }
        return bits;
    }
}
