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
 * {@link #MAX_STATES} (an unbounded one, or a highly concurrent one) is refused with
 * {@link TooManyMarkings}, and the alignments then search a {@link LazyStateSpace} instead.
 */
final class ReachabilityGraph extends StateSpace {

    static final int MAX_STATES = 2_000_000;

    /** The net reaches more markings than the bound (the caller falls back, so this is no user-facing error). */
    static final class TooManyMarkings extends RuntimeException {
        TooManyMarkings(String message) {
            super(message);
        }
    }

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
        this(net, MAX_STATES);
    }

    /** The graph, or {@link TooManyMarkings} beyond {@code maxStates} markings. */
    ReachabilityGraph(NetIndex net, int maxStates) {
        super(net);
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
                        if (markings.size() >= maxStates) {
                            throw new TooManyMarkings("the net '" + net.net.name() + "' reaches more than "
                                    + maxStates + " markings");
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
    }

    @Override
    int initial() {
        return initial;
    }

    @Override
    int[] transitionsFrom(int s) {
        return transitions[s];
    }

    @Override
    int[] targetsFrom(int s) {
        return targets[s];
    }

    @Override
    boolean isFinal(int s) {
        return isFinal[s];
    }

    @Override
    int visibleToFinal(int s) {
        return visibleToFinal[s];
    }

    @Override
    long[] fireable(int s) {
        return fireable[s];
    }

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
