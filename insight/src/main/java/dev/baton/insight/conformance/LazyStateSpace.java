package dev.baton.insight.conformance;

import dev.baton.insight.log.IntSequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The markings of a net generated as the alignment search reaches them ("on the fly"), for nets
 * whose reachability graph is too large to enumerate — typically many parallel branches, whose
 * interleavings multiply (25 branches: 2²⁵ markings). The heuristic facts are structural lower
 * bounds computed from the marking alone, both consistent (one visible transition lowers them by
 * at most one):
 * <ul>
 *   <li>chains: a token must travel to the final marking through transitions that each consume
 *       the token the previous one produced, so the run needs at least the visible transitions of
 *       the cheapest such chain from every marked place — the largest of these;</li>
 *   <li>tokens: a token in a place whose consumers are all visible needs a visible firing, and
 *       one firing consumes at most {@code widest} such tokens — so the tokens beyond the final
 *       marking divided by {@code widest}, rounded up (the number of unfinished parallel branches);</li>
 * </ul>
 * and the labels that can still fire are those of the transitions downstream of a marked place.
 * A marked place from which no chain reaches the final marking makes it unreachable.
 */
final class LazyStateSpace extends StateSpace {

    /** Beyond this many markings for one trace the search gives up (about 1 GB). */
    static final int MAX_STATES = 4_000_000;
    /** Markings kept from earlier traces (their steps are reused) before starting afresh. */
    private static final int KEEP = 250_000;

    private final Map<IntSequence, Integer> index = new HashMap<>();
    private final List<int[]> markings = new ArrayList<>();
    private int[][] outTransitions = new int[64][];
    private int[][] outTargets = new int[64][];
    private int[] bound = new int[64];
    private int[] silentBound = new int[64];
    private long[][] labels = new long[64][];

    private final int words;
    /** Per place, the fewest visible transitions on a chain of tokens from it to the final marking; and silent ones. */
    private final int[] chain;
    private final int[] silentChain;
    /** Per place, whether every transition consuming from it is visible. */
    private final boolean[] consumedVisibly;
    /** The most such places one visible transition consumes from. */
    private final int widest;
    /** Per place, the labels of the transitions downstream of it; and of those needing no token. */
    private final long[][] downstream;
    private final long[] unconditional;

    LazyStateSpace(NetIndex net) {
        super(net);
        this.words = Math.max(1, (net.labels.length + 63) / 64);
        this.chain = chains(net, true);
        this.silentChain = chains(net, false);
        this.consumedVisibly = new boolean[net.places];
        for (int p = 0; p < net.places; p++) {
            consumedVisibly[p] = net.consumers[p].length > 0;
            for (int t : net.consumers[p]) {
                consumedVisibly[p] &= net.label[t] >= 0;
            }
        }
        int most = 1;
        for (int t = 0; t < net.transitions; t++) {
            if (net.label[t] >= 0) {
                int n = 0;
                for (int p : net.pre[t]) {
                    n += consumedVisibly[p] ? 1 : 0;
                }
                most = Math.max(most, n);
            }
        }
        this.widest = most;
        this.downstream = downstream(net, words);
        this.unconditional = new long[words];
        for (int t = 0; t < net.transitions; t++) {
            if (net.pre[t].length == 0) {
                or(unconditional, reach(net, t, downstream, words));
            }
        }
        state(net.initial.clone());
    }

    @Override
    int initial() {
        return 0;
    }

    @Override
    int[] transitionsFrom(int s) {
        expand(s);
        return outTransitions[s];
    }

    @Override
    int[] targetsFrom(int s) {
        expand(s);
        return outTargets[s];
    }

    @Override
    boolean isFinal(int s) {
        return Arrays.equals(markings.get(s), net.fin);
    }

    @Override
    int visibleToFinal(int s) {
        return bound[s];
    }

    @Override
    int silentToFinal(int s) {
        return silentBound[s];
    }

    @Override
    long[] fireable(int s) {
        return labels[s];
    }

    @Override
    void beforeTrace() {
        if (markings.size() > KEEP) {
            index.clear();
            markings.clear();
            outTransitions = new int[64][];
            outTargets = new int[64][];
            bound = new int[64];
            silentBound = new int[64];
            labels = new long[64][];
            clearSteps();
            state(net.initial.clone());
        }
    }

    /** How many markings have been generated (for tests). */
    int generated() {
        return markings.size();
    }

    private void expand(int s) {
        if (outTransitions[s] != null) {
            return;
        }
        int[] m = markings.get(s);
        int[] ts = new int[net.transitions];
        int[] targets = new int[net.transitions];
        int n = 0;
        for (int t = 0; t < net.transitions; t++) {
            if (net.enabled(m, t)) {
                int[] next = m.clone();
                net.fire(next, t);
                ts[n] = t;
                targets[n] = state(next);
                n++;
            }
        }
        outTransitions[s] = Arrays.copyOf(ts, n);
        outTargets[s] = Arrays.copyOf(targets, n);
    }

    /** The number of a marking, adding it when new. */
    private int state(int[] marking) {
        IntSequence key = new IntSequence(marking);
        Integer known = index.get(key);
        if (known != null) {
            return known;
        }
        int s = markings.size();
        if (s >= MAX_STATES) {
            throw new ConformanceException("an alignment against '" + net.net.name() + "' generated more than "
                    + MAX_STATES + " markings; the net is too loose or too large");
        }
        if (s == outTransitions.length) {
            int size = s * 2;
            outTransitions = Arrays.copyOf(outTransitions, size);
            outTargets = Arrays.copyOf(outTargets, size);
            bound = Arrays.copyOf(bound, size);
            silentBound = Arrays.copyOf(silentBound, size);
            labels = Arrays.copyOf(labels, size);
        }
        index.put(key, s);
        markings.add(marking);
        bound[s] = lowerBound(marking);
        int silent = 0;
        for (int p = 0; p < net.places; p++) {
            if (marking[p] > 0 && silentChain[p] != UNREACHABLE) {
                silent = Math.max(silent, silentChain[p]);
            }
        }
        silentBound[s] = silent;
        long[] bits = unconditional.clone();
        for (int p = 0; p < net.places; p++) {
            if (marking[p] > 0) {
                or(bits, downstream[p]);
            }
        }
        labels[s] = bits;
        return s;
    }

    private int lowerBound(int[] marking) {
        int longest = 0;
        int tokens = 0;
        for (int p = 0; p < net.places; p++) {
            if (marking[p] == 0) {
                continue;
            }
            if (chain[p] == UNREACHABLE) {
                return UNREACHABLE;
            }
            longest = Math.max(longest, chain[p]);
            if (consumedVisibly[p]) {
                tokens += Math.max(0, marking[p] - net.fin[p]);
            }
        }
        return Math.max(longest, (tokens + widest - 1) / widest);
    }

    /**
     * Per place, the fewest visible (or silent) transitions on a chain from it to the final
     * marking: 0 for a place of the final marking, else the cheapest consumer plus the cheapest of
     * its outputs (0 when it has none). Bellman–Ford over the places.
     */
    private static int[] chains(NetIndex net, boolean visible) {
        int[] chain = new int[net.places];
        Arrays.fill(chain, UNREACHABLE);
        for (int p = 0; p < net.places; p++) {
            if (net.fin[p] > 0) {
                chain[p] = 0;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int p = 0; p < net.places; p++) {
                for (int t : net.consumers[p]) {
                    int after = net.post[t].length == 0 ? 0 : UNREACHABLE;
                    for (int q : net.post[t]) {
                        after = Math.min(after, chain[q]);
                    }
                    if (after != UNREACHABLE) {
                        int via = after + ((net.label[t] >= 0) == visible ? 1 : 0);
                        if (via < chain[p]) {
                            chain[p] = via;
                            changed = true;
                        }
                    }
                }
            }
        }
        return chain;
    }

    /** Per place, the labels of every transition that a token there can lead to (fixpoint). */
    private static long[][] downstream(NetIndex net, int words) {
        long[][] bits = new long[net.places][words];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int p = 0; p < net.places; p++) {
                for (int t : net.consumers[p]) {
                    changed |= or(bits[p], reach(net, t, bits, words));
                }
            }
        }
        return bits;
    }

    /** The label of {@code t} and those downstream of its outputs. */
    private static long[] reach(NetIndex net, int t, long[][] downstream, int words) {
        long[] bits = new long[words];
        if (net.label[t] >= 0) {
            bits[net.label[t] >>> 6] |= 1L << net.label[t];
        }
        for (int q : net.post[t]) {
            or(bits, downstream[q]);
        }
        return bits;
    }

    private static boolean or(long[] into, long[] from) {
        boolean changed = false;
        for (int w = 0; w < into.length; w++) {
            long merged = into[w] | from[w];
            if (merged != into[w]) {
                into[w] = merged;
                changed = true;
            }
        }
        return changed;
    }
}
