package dev.baton.insight.conformance;

import java.util.Arrays;

/**
 * Optimal alignment of one trace by A* over the synchronous product of the trace and the
 * markings of the net ({@link StateSpace}: the whole reachability graph, or markings generated
 * as the search reaches them), with pm4py's standard costs: a log move or a visible model move costs
 * 10,000, a silent model move 1, a synchronous move 0.
 *
 * <p>The heuristic is a consistent lower bound needing no linear programming: events whose label
 * can no longer fire on any way to the final marking must become log moves, and the visible
 * transitions still needed to reach the final marking that the remaining (usable) events cannot
 * cover must become model moves. Being consistent, a state is expanded once. States are ints:
 * state number times trace position.
 */
final class AlignmentSearch {

    static final int LOG_OR_MODEL_MOVE = 10_000;
    static final int SILENT_MOVE = 1;
    static final byte SYNC = 0;
    static final byte LOG = 1;
    static final byte MODEL = 2;
    /** The last step: silent transitions into the final marking once the trace is done. */
    static final byte FINISH = 3;
    private static final long GOAL = Long.MAX_VALUE - 1;
    private static final int INFINITE = Integer.MAX_VALUE;
    private static final int MAX_NODES = 20_000_000;

    private final StateSpace graph;
    private final NetIndex net;
    private final int labels;

    // nodes of the current search
    private int nodes;
    private int[] state = new int[1024];
    private int[] position = new int[1024];
    private int[] cost = new int[1024];
    private int[] estimate = new int[1024];
    private int[] parent = new int[1024];
    private int[] transition = new int[1024];
    private byte[] move = new byte[1024];
    private boolean[] closed = new boolean[1024];
    private byte[] phase = new byte[1024];
    private static final byte NEW = 0;
    private static final byte SYNCED = 1;
    private static final byte EXPANDED = 2;
    private final LongIntMap index = new LongIntMap();
    private final NodeHeap open = new NodeHeap();

    // the trace being aligned
    private int[] trace;
    private int length;
    private int[] suffixCounts;
    private int[] suffixOutside;

    AlignmentSearch(StateSpace graph) {
        this.graph = graph;
        this.net = graph.net;
        this.labels = Math.max(1, net.labels.length);
    }

    /** The moves of an optimal alignment, first to last, and its cost. */
    record Alignment(int cost, byte[] moves, int[] transitions, int[] positions) {
    }

    /**
     * Aligns a trace of label codes (-1 for activities no transition carries).
     *
     * @throws ConformanceException when the final marking cannot be reached or the search grows too large
     */
    Alignment align(int[] labelTrace) {
        prepare(labelTrace);
        long width = length + 1L;
        int start = node(graph.initial(), 0, 0, -1, (byte) -1, -1);
        if (start < 0) {
            throw new ConformanceException("the final marking of '" + net.net.name()
                    + "' cannot be reached from its initial marking, so no alignment exists");
        }
        while (!open.isEmpty()) {
            int n = open.pop();
            if (phase[n] == EXPANDED) {
                continue;
            }
            if (move[n] == FINISH) {
                return path(n);
            }
            int s = state[n];
            int i = position[n];
            int g = cost[n];
            StateSpace.Steps steps = graph.steps(s);
            if (phase[n] == NEW) {
                // Partial expansion: synchronous steps now; log and model moves, which all cost at
                // least 10,000 more, only once the queue reaches that cost (for a fitting trace, never).
                closed[n] = true;
                phase[n] = SYNCED;
                if (i < length) {
                    int label = trace[i];
                    if (label >= 0) {
                        int[] labels = steps.label();
                        for (int k = firstWith(labels, label); k < labels.length && labels[k] == label; k++) {
                            int target = steps.target()[k];
                            relax(target * width + i + 1, target, i + 1, g + steps.silent()[k], n, SYNC,
                                    steps.transition()[k]);
                        }
                    }
                } else if (steps.silentToFinal() != StateSpace.UNREACHABLE) {
                    relax(GOAL, s, i, g + steps.silentToFinal(), n, FINISH, -1);
                }
                open.push(priority(g + LOG_OR_MODEL_MOVE, i, estimate[n]), n);
                continue;
            }
            phase[n] = EXPANDED;
            if (i < length) {
                relax(s * width + i + 1, s, i + 1, g + LOG_OR_MODEL_MOVE, n, LOG, -1);
            }
            int[] targets = steps.target();
            for (int k = 0; k < targets.length; k++) {
                relax(targets[k] * width + i, targets[k], i, g + steps.silent()[k] + LOG_OR_MODEL_MOVE, n, MODEL,
                        steps.transition()[k]);
            }
        }
        throw new ConformanceException("no alignment found: the final marking of '" + net.net.name()
                + "' cannot be reached from its initial marking");
    }

    /** The first index holding {@code label} in the sorted {@code labels}, or where it would be. */
    private static int firstWith(int[] labels, int label) {
        int low = 0;
        int high = labels.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (labels[mid] < label) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void prepare(int[] labelTrace) {
        graph.beforeTrace();
        this.trace = labelTrace;
        this.length = labelTrace.length;
        this.suffixCounts = new int[(length + 1) * labels];
        this.suffixOutside = new int[length + 1];
        for (int i = length - 1; i >= 0; i--) {
            System.arraycopy(suffixCounts, (i + 1) * labels, suffixCounts, i * labels, labels);
            suffixOutside[i] = suffixOutside[i + 1];
            if (labelTrace[i] >= 0) {
                suffixCounts[i * labels + labelTrace[i]]++;
            } else {
                suffixOutside[i]++;
            }
        }
        for (int n = 0; n < nodes; n++) {
            closed[n] = false;
        }
        nodes = 0;
        index.clear();
        open.clear();
    }

    /** The lower bound on the cost still to pay from state {@code s} at trace position {@code i}. */
    private int heuristic(int s, int i) {
        int needed = graph.visibleToFinal(s);
        if (needed == StateSpace.UNREACHABLE) {
            return INFINITE;
        }
        int remaining = length - i;
        int usable = 0;
        long[] bits = graph.fireable(s);
        int base = i * labels;
        for (int w = 0; w < bits.length; w++) {
            long word = bits[w];
            while (word != 0) {
                int label = (w << 6) + Long.numberOfTrailingZeros(word);
                usable += suffixCounts[base + label];
                word &= word - 1;
            }
        }
        int unusable = remaining - usable;
        int deviations = LOG_OR_MODEL_MOVE * (unusable + Math.max(0, needed - usable));
        // The silent steps before the next event can be synchronised (or the final marking
        // reached): below 10,000, since a log or model move instead costs that much.
        StateSpace.Steps steps = graph.steps(s);
        int next = i < length ? (trace[i] >= 0 ? steps.silentToLabel()[trace[i]] : 0) : steps.silentToFinal();
        return Math.max(deviations + graph.silentToFinal(s), Math.min(next, LOG_OR_MODEL_MOVE));
    }

    private void relax(long key, int s, int i, int g, int from, byte kind, int t) {
        int n = index.get(key);
        if (n < 0) {
            int h = key == GOAL ? 0 : heuristic(s, i);
            if (h == INFINITE) {
                return;
            }
            node(s, i, g, from, kind, t);
            n = nodes - 1;
            estimate[n] = h;
            index.put(key, n);
        } else if (closed[n] || g >= cost[n]) {
            return;
        } else {
            cost[n] = g;
            parent[n] = from;
            move[n] = kind;
            transition[n] = t;
        }
        open.push(priority(cost[n] + estimate[n], i, estimate[n]), n);
    }

    /** A new node; for the start node also its estimate and queue entry. -1 when the start is hopeless. */
    private int node(int s, int i, int g, int from, byte kind, int t) {
        if (nodes == state.length) {
            grow();
        }
        if (nodes >= MAX_NODES) {
            throw new ConformanceException("an alignment of " + length + " events against '" + net.net.name()
                    + "' explored more than " + MAX_NODES + " states; the net is too loose or too large");
        }
        int n = nodes++;
        state[n] = s;
        position[n] = i;
        cost[n] = g;
        parent[n] = from;
        move[n] = kind;
        transition[n] = t;
        closed[n] = false;
        phase[n] = NEW;
        if (from < 0) {
            int h = heuristic(s, i);
            if (h == INFINITE) {
                return -1;
            }
            estimate[n] = h;
            index.put((long) s * (length + 1) + i, n);
            open.push(priority(h, i, h), n);
        }
        return n;
    }

    /**
     * The queue order: lowest estimated total cost first; among equals, the node with fewer events
     * left, then the one with fewer deviations still expected. The last tie-break matters where
     * many orders cost the same — the visible transitions of parallel branches a trace lacks can
     * be model moves in any order, and without it the search would try every subset of them.
     */
    private long priority(int total, int i, int h) {
        long left = Math.min(length - i, (1 << 12) - 1);
        long deviations = Math.min(h / LOG_OR_MODEL_MOVE, (1 << 10) - 1);
        return ((long) total << 22) | (left << 10) | deviations;
    }

    private void grow() {
        int size = state.length * 2;
        state = Arrays.copyOf(state, size);
        position = Arrays.copyOf(position, size);
        cost = Arrays.copyOf(cost, size);
        estimate = Arrays.copyOf(estimate, size);
        parent = Arrays.copyOf(parent, size);
        transition = Arrays.copyOf(transition, size);
        move = Arrays.copyOf(move, size);
        closed = Arrays.copyOf(closed, size);
        phase = Arrays.copyOf(phase, size);
    }

    private Alignment path(int goal) {
        int steps = 0;
        for (int n = goal; parent[n] >= 0; n = parent[n]) {
            steps++;
        }
        byte[] moves = new byte[steps];
        int[] ts = new int[steps];
        int[] positions = new int[steps];
        int k = steps;
        for (int n = goal; parent[n] >= 0; n = parent[n]) {
            k--;
            moves[k] = move[n];
            ts[k] = transition[n];
            positions[k] = position[parent[n]];
        }
        return new Alignment(cost[goal], moves, ts, positions);
    }

    /** Open addressing from non-negative long keys to int values. */
    private static final class LongIntMap {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private int size;

        LongIntMap() {
            Arrays.fill(keys, -1);
        }

        void clear() {
            if (size > 0) {
                if (keys.length > 1 << 16) {
                    keys = new long[1 << 12];
                    values = new int[1 << 12];
                }
                Arrays.fill(keys, -1);
                size = 0;
            }
        }

        int get(long key) {
            int mask = keys.length - 1;
            for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
                long k = keys[slot];
                if (k == key) {
                    return values[slot];
                }
                if (k == -1) {
                    return -1;
                }
            }
        }

        void put(long key, int value) {
            if (2 * (size + 1) > keys.length) {
                rehash();
            }
            int mask = keys.length - 1;
            for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
                if (keys[slot] == -1) {
                    keys[slot] = key;
                    values[slot] = value;
                    size++;
                    return;
                }
                if (keys[slot] == key) {
                    values[slot] = value;
                    return;
                }
            }
        }

        private void rehash() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1);
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1) {
                    put(oldKeys[i], oldValues[i]);
                }
            }
        }

        private static int hash(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    /** A binary min-heap of (priority, node) pairs. */
    private static final class NodeHeap {
        private long[] priorities = new long[1024];
        private int[] items = new int[1024];
        private int size;

        boolean isEmpty() {
            return size == 0;
        }

        void clear() {
            size = 0;
        }

        void push(long priority, int item) {
            if (size == items.length) {
                priorities = Arrays.copyOf(priorities, size * 2);
                items = Arrays.copyOf(items, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int up = (i - 1) >>> 1;
                if (priorities[up] <= priority) {
                    break;
                }
                priorities[i] = priorities[up];
                items[i] = items[up];
                i = up;
            }
            priorities[i] = priority;
            items[i] = item;
        }

        int pop() {
            int top = items[0];
            size--;
            long priority = priorities[size];
            int item = items[size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && priorities[child + 1] < priorities[child]) {
                    child++;
                }
                if (priorities[child] >= priority) {
                    break;
                }
                priorities[i] = priorities[child];
                items[i] = items[child];
                i = child;
            }
            priorities[i] = priority;
            items[i] = item;
            return top;
        }
    }
}
