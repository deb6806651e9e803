package dev.baton.plan.schedule;

import java.util.Arrays;

/**
 * The serial schedule-generation scheme and forward-backward improvement (Kolisch 1996; Valls,
 * Ballestín and Quintanilla 2005 "justification"). An activity list is decoded by taking the
 * activities one by one and starting each at the earliest period where its predecessors have
 * finished, it is released, and every resource it uses has room for its whole duration (capacity
 * per resource and period, kept in a remaining-capacity profile). Every schedule it returns keeps
 * the precedences and capacities by construction; only a hard deadline can be missed, which
 * {@link #lateness()} reports.
 *
 * <p>Holds reusable buffers, so it is fast and not thread-safe: one per thread. Counts every pass
 * it makes ({@link #schedules()}), the unit the RCPSP literature budgets searches in.
 */
public final class SerialSgs {

    private final Project p;
    private final int n;
    private final int[][] baseCapacity;
    private final int[][] remaining;
    private int dirty;
    private long schedules;
    private int lateness;
    private final long[] keys;
    private final int[] order;
    private final int[] missing;
    private final int[] heap;
    private final int[] position;
    private final int[] justified;

    public SerialSgs(Project project) {
        this.p = project;
        this.n = project.size();
        int h = project.horizon;
        this.baseCapacity = new int[project.resources()][h];
        this.remaining = new int[project.resources()][h];
        for (int k = 0; k < baseCapacity.length; k++) {
            for (int t = 0; t < h; t++) {
                baseCapacity[k][t] = project.capacity.at(k, t);
            }
            System.arraycopy(baseCapacity[k], 0, remaining[k], 0, h);
        }
        this.keys = new long[n];
        this.order = new int[n];
        this.missing = new int[n];
        this.heap = new int[n];
        this.position = new int[n];
        this.justified = new int[n];
    }

    public Project project() {
        return p;
    }

    /** Passes made so far: each decode and each justification pass counts one schedule. */
    public long schedules() {
        return schedules;
    }

    /** Total periods by which the last schedule's activities finish after their deadlines (0 without deadlines). */
    public int lateness() {
        return lateness;
    }

    /**
     * Decodes a precedence-feasible activity list (every activity after its predecessors) into
     * {@code starts}; returns the makespan.
     */
    public int decode(int[] list, int[] starts) {
        reset();
        int end = 0;
        for (int j : list) {
            int s = earliestFit(j, earliestStart(j, starts));
            place(j, s);
            starts[j] = s;
            end = Math.max(end, s + p.duration[j]);
        }
        schedules++;
        lateness = lateness(starts);
        return end;
    }

    /**
     * Decodes any permutation of the activities read as priorities: at each step the eligible
     * activity (all predecessors scheduled) that comes first in {@code priority} is scheduled next.
     * Every permutation is a valid input, which is what a local search with free list moves needs.
     */
    public int decodePriorities(int[] priority, int[] starts) {
        for (int i = 0; i < n; i++) {
            position[priority[i]] = i;
        }
        int size = 0;
        for (int j = 0; j < n; j++) {
            missing[j] = p.predecessors[j].length;
            if (missing[j] == 0) {
                size = push(size, j);
            }
        }
        int placed = 0;
        while (size > 0) {
            int j = heap[0];
            size = pop(size);
            order[placed++] = j;
            for (int s : p.successors[j]) {
                if (--missing[s] == 0) {
                    size = push(size, s);
                }
            }
        }
        return decode(order, starts);
    }

    /** The activity list that decodes to {@code starts}: activities by start, ties in precedence order. */
    public int[] activityList(int[] starts, int[] list) {
        for (int j = 0; j < n; j++) {
            keys[j] = (long) starts[j] * n + p.rank[j];
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            list[i] = p.topological[(int) (keys[i] % n)];
        }
        return list;
    }

    /**
     * Forward-backward improvement of a feasible schedule, in place: shift every activity as late as
     * it can go (latest finish first) without passing the makespan, then as early as it can go
     * (earliest start first); repeat while the makespan shrinks. Neither pass can break a rule or
     * lengthen the schedule. Returns the new makespan.
     */
    public int justify(int[] starts, int makespan) {
        int best = makespan;
        for (int round = 0; round < 8; round++) {
            backward(starts, best, justified);
            int shorter = forward(justified, starts);
            if (shorter >= best) {
                return best;
            }
            best = shorter;
        }
        return best;
    }

    /** Right-justifies {@code starts} (makespan {@code end}) into {@code out}. */
    private void backward(int[] starts, int end, int[] out) {
        reset();
        for (int j = 0; j < n; j++) {
            // Latest finish first; among equal finishes, later in precedence order first.
            keys[j] = (long) (end - starts[j] - p.duration[j]) * n + (n - 1 - p.rank[j]);
        }
        Arrays.sort(keys);
        for (int i = 0; i < n; i++) {
            int j = p.topological[n - 1 - (int) (keys[i] % n)];
            int latestFinish = Math.min(end, p.deadline[j]);
            for (int s : p.successors[j]) {
                latestFinish = Math.min(latestFinish, out[s]);
            }
            int s = latestFit(j, latestFinish - p.duration[j], starts[j]);
            place(j, s);
            out[j] = s;
        }
        schedules++;
    }

    /** Left-justifies {@code starts} into {@code out}, earliest start first; returns the makespan. */
    private int forward(int[] starts, int[] out) {
        return decode(activityList(starts, order), out);
    }

    private int earliestStart(int j, int[] starts) {
        int t = p.release[j];
        for (int q : p.predecessors[j]) {
            t = Math.max(t, starts[q] + p.duration[q]);
        }
        return t;
    }

    private int earliestFit(int j, int from) {
        int d = p.duration[j];
        int[] uses = p.demanded[j];
        if (d == 0 || uses.length == 0) {
            return from;
        }
        int[] need = p.demand[j];
        int t = from;
        search:
        while (true) {
            for (int k : uses) {
                int r = need[k];
                int[] room = remaining[k];
                // From the window's end backwards: the last clash gives the longest jump.
                for (int u = t + d - 1; u >= t; u--) {
                    if (room[u] < r) {
                        t = u + 1;
                        continue search;
                    }
                }
            }
            return t;
        }
    }

    /** Latest start ≤ {@code from} with room for the whole duration; the original start {@code floor} always has it. */
    private int latestFit(int j, int from, int floor) {
        int d = p.duration[j];
        int[] uses = p.demanded[j];
        if (d == 0 || uses.length == 0) {
            return from;
        }
        int[] need = p.demand[j];
        int t = from;
        search:
        while (t >= floor) {
            for (int k : uses) {
                int r = need[k];
                int[] room = remaining[k];
                for (int u = t; u < t + d; u++) {
                    if (room[u] < r) {
                        t = u - d;
                        continue search;
                    }
                }
            }
            return t;
        }
        throw new IllegalStateException(p.label(j) + " does not fit back at its own start " + floor
                + ": the schedule to justify was not feasible");
    }

    private void place(int j, int s) {
        int d = p.duration[j];
        if (d == 0) {
            return;
        }
        int[] need = p.demand[j];
        for (int k : p.demanded[j]) {
            int r = need[k];
            int[] room = remaining[k];
            for (int u = s; u < s + d; u++) {
                room[u] -= r;
            }
        }
        dirty = Math.max(dirty, s + d);
    }

    /** Restores full capacity in the periods the last schedule touched. */
    private void reset() {
        if (dirty > 0) {
            for (int k = 0; k < remaining.length; k++) {
                System.arraycopy(baseCapacity[k], 0, remaining[k], 0, dirty);
            }
            dirty = 0;
        }
    }

    private int lateness(int[] starts) {
        int late = 0;
        for (int j = 0; j < n; j++) {
            int over = starts[j] + p.duration[j] - p.deadline[j];
            if (over > 0) {
                late += over;
            }
        }
        return late;
    }

    private int push(int size, int j) {
        int i = size;
        heap[i] = j;
        while (i > 0) {
            int parent = (i - 1) >> 1;
            if (position[heap[parent]] <= position[heap[i]]) {
                break;
            }
            int tmp = heap[parent];
            heap[parent] = heap[i];
            heap[i] = tmp;
            i = parent;
        }
        return size + 1;
    }

    private int pop(int size) {
        int last = --size;
        heap[0] = heap[last];
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            if (l >= size) {
                break;
            }
            int c = l + 1 < size && position[heap[l + 1]] < position[heap[l]] ? l + 1 : l;
            if (position[heap[i]] <= position[heap[c]]) {
                break;
            }
            int tmp = heap[c];
            heap[c] = heap[i];
            heap[i] = tmp;
            i = c;
        }
        return size;
    }
}
