package dev.baton.plan.schedule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What has to be scheduled: activities with a duration and a demand per renewable resource while
 * they run, finish-to-start precedences, optional release periods and hard deadlines, and the
 * {@link Capacity} of each resource per period. Activities are numbered 0…n-1 in the order they
 * were added. The RCPSP check and the quarter roadmap are both projects: the three hard rules
 * (capacity per resource and period, precedences, deadlines) are defined once here and checked
 * once in {@link Feasibility}.
 *
 * <p>The arrays are read directly by the schedule builders of this package, which is why they are
 * package-private and never handed out: everything outside gets copies.
 */
public final class Project {

    /** The deadline of an activity that has none. */
    public static final int NO_DEADLINE = Integer.MAX_VALUE;

    final String name;
    final String[] labels;
    final String[] resourceNames;
    final Capacity capacity;
    final int[] duration;
    final int[][] demand;
    /** Per activity, the resources it demands anything of: the only ones a fit test looks at. */
    final int[][] demanded;
    final int[][] successors;
    final int[][] predecessors;
    final int[] release;
    final int[] deadline;
    /** Activities in an order where every predecessor comes first. */
    final int[] topological;
    /** Position of each activity in {@link #topological}: the tie-break that keeps zero-length activities in order. */
    final int[] rank;
    /** A period count no serial schedule can pass: every profile is this long. */
    final int horizon;

    private Project(Builder b, int[] topological) {
        int n = b.durations.size();
        this.name = b.name;
        this.labels = b.labels.toArray(String[]::new);
        this.resourceNames = b.resourceNames.clone();
        this.capacity = b.capacity;
        this.duration = b.durations.stream().mapToInt(Integer::intValue).toArray();
        this.demand = b.demands.toArray(int[][]::new);
        this.demanded = new int[n][];
        for (int j = 0; j < n; j++) {
            int[] d = demand[j];
            this.demanded[j] = java.util.stream.IntStream.range(0, d.length).filter(k -> d[k] > 0).toArray();
        }
        this.successors = new int[n][];
        this.predecessors = new int[n][];
        for (int j = 0; j < n; j++) {
            successors[j] = b.successors.get(j).stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
            predecessors[j] = b.predecessors.get(j).stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        }
        this.release = b.release.stream().mapToInt(Integer::intValue).toArray();
        this.deadline = b.deadline.stream().mapToInt(Integer::intValue).toArray();
        this.topological = topological;
        this.rank = new int[n];
        for (int i = 0; i < n; i++) {
            rank[topological[i]] = i;
        }
        // A serial schedule starts each activity by the time everything before it in the list has
        // finished, once every resource is at its steady capacity (which fits each demand).
        long h = Math.max(capacity.listedPeriods(), Arrays.stream(release).max().orElse(0));
        for (int d : duration) {
            h += d;
        }
        if (h > 50_000_000) {
            throw new IllegalArgumentException(name + ": the horizon (" + h + " periods) is too long to schedule");
        }
        this.horizon = (int) h + 1;
    }

    public static Builder builder(String name, Capacity capacity, String... resourceNames) {
        return new Builder(name, capacity, resourceNames);
    }

    public String name() {
        return name;
    }

    public int size() {
        return duration.length;
    }

    public int resources() {
        return capacity.resources();
    }

    public Capacity capacity() {
        return capacity;
    }

    public String label(int activity) {
        return labels[activity];
    }

    public String resourceName(int k) {
        return resourceNames[k];
    }

    public int duration(int activity) {
        return duration[activity];
    }

    public int demand(int activity, int k) {
        return demand[activity][k];
    }

    public int release(int activity) {
        return release[activity];
    }

    /** Latest finish, or {@link #NO_DEADLINE}. */
    public int deadline(int activity) {
        return deadline[activity];
    }

    public boolean hasDeadlines() {
        return Arrays.stream(deadline).anyMatch(d -> d != NO_DEADLINE);
    }

    public int[] successors(int activity) {
        return successors[activity].clone();
    }

    public int[] predecessors(int activity) {
        return predecessors[activity].clone();
    }

    /** Every activity after all of its predecessors. */
    public int[] topologicalOrder() {
        return topological.clone();
    }

    /** Periods a serial schedule can never reach. */
    public int horizon() {
        return horizon;
    }

    /** For each activity, every activity that must come after it, directly or through others. */
    java.util.BitSet[] transitiveSuccessors() {
        java.util.BitSet[] after = new java.util.BitSet[size()];
        for (int i = size() - 1; i >= 0; i--) {
            int j = topological[i];
            java.util.BitSet set = new java.util.BitSet(size());
            for (int s : successors[j]) {
                set.set(s);
                set.or(after[s]);
            }
            after[j] = set;
        }
        return after;
    }

    @Override
    public String toString() {
        return name + " (" + size() + " activities, " + resources() + " resources)";
    }

    /** Precedences that go round in a circle: no schedule can keep them. */
    public static final class CycleException extends IllegalArgumentException {
        private final int[] cycle;

        CycleException(String message, int[] cycle) {
            super(message);
            this.cycle = cycle;
        }

        /** The activities of one cycle in precedence order, the first repeated at the end. */
        public int[] cycle() {
            return cycle.clone();
        }
    }

    /** Collects activities and precedences; {@link #build} checks them all and says what is wrong. */
    public static final class Builder {
        private final String name;
        private final Capacity capacity;
        private final String[] resourceNames;
        private final List<String> labels = new ArrayList<>();
        private final List<Integer> durations = new ArrayList<>();
        private final List<int[]> demands = new ArrayList<>();
        private final List<List<Integer>> successors = new ArrayList<>();
        private final List<List<Integer>> predecessors = new ArrayList<>();
        private final List<Integer> release = new ArrayList<>();
        private final List<Integer> deadline = new ArrayList<>();

        private Builder(String name, Capacity capacity, String[] resourceNames) {
            if (resourceNames.length != capacity.resources()) {
                throw new IllegalArgumentException(name + ": " + resourceNames.length + " resource names for "
                        + capacity.resources() + " capacities");
            }
            this.name = name;
            this.capacity = capacity;
            this.resourceNames = resourceNames.clone();
        }

        /** Adds an activity and returns its number. */
        public int activity(String label, int duration, int... demand) {
            int j = durations.size();
            if (duration < 0) {
                throw new IllegalArgumentException(label + ": negative duration " + duration);
            }
            if (demand.length != capacity.resources()) {
                throw new IllegalArgumentException(label + ": " + demand.length + " demands for " + capacity.resources()
                        + " resources");
            }
            for (int k = 0; k < demand.length; k++) {
                if (demand[k] < 0) {
                    throw new IllegalArgumentException(label + ": negative demand " + demand[k] + " of "
                            + resourceNames[k]);
                }
            }
            labels.add(label);
            durations.add(duration);
            demands.add(demand.clone());
            successors.add(new ArrayList<>());
            predecessors.add(new ArrayList<>());
            release.add(0);
            deadline.add(NO_DEADLINE);
            return j;
        }

        /** {@code after} may start only once {@code before} has finished. */
        public Builder precedence(int before, int after) {
            check(before);
            check(after);
            if (before == after) {
                throw new IllegalArgumentException(labels.get(before) + " cannot precede itself");
            }
            successors.get(before).add(after);
            predecessors.get(after).add(before);
            return this;
        }

        /** The activity starts in period {@code period} or later. */
        public Builder release(int activity, int period) {
            check(activity);
            if (period < 0) {
                throw new IllegalArgumentException(labels.get(activity) + ": negative release " + period);
            }
            release.set(activity, period);
            return this;
        }

        /** A hard deadline: the activity finishes by {@code period} (start + duration ≤ period). */
        public Builder deadline(int activity, int period) {
            check(activity);
            deadline.set(activity, period);
            return this;
        }

        private void check(int activity) {
            if (activity < 0 || activity >= durations.size()) {
                throw new IllegalArgumentException(name + ": no activity " + activity);
            }
        }

        /**
         * The project, or an {@link IllegalArgumentException} saying which precedences form a cycle or
         * which demand no period can ever give.
         */
        public Project build() {
            int n = durations.size();
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < capacity.resources(); k++) {
                    int d = demands.get(j)[k];
                    if (d > capacity.steady(k)) {
                        throw new IllegalArgumentException(labels.get(j) + " needs " + d + " of " + resourceNames[k]
                                + " but only " + capacity.steady(k) + (capacity.isConstant() ? " are" : " are steadily")
                                + " available: no schedule exists");
                    }
                }
            }
            return new Project(this, topologicalOrder(n));
        }

        /** Kahn's algorithm, smallest number first, so the order is the same on every run. */
        private int[] topologicalOrder(int n) {
            int[] missing = new int[n];
            for (int j = 0; j < n; j++) {
                missing[j] = (int) predecessors.get(j).stream().distinct().count();
            }
            java.util.PriorityQueue<Integer> ready = new java.util.PriorityQueue<>();
            for (int j = 0; j < n; j++) {
                if (missing[j] == 0) {
                    ready.add(j);
                }
            }
            int[] order = new int[n];
            int placed = 0;
            while (!ready.isEmpty()) {
                int j = ready.poll();
                order[placed++] = j;
                for (int s : successors.get(j).stream().distinct().toList()) {
                    if (--missing[s] == 0) {
                        ready.add(s);
                    }
                }
            }
            if (placed < n) {
                int[] cycle = cycle(missing);
                throw new CycleException(name + ": the precedences form a cycle: " + String.join(" → ",
                        Arrays.stream(cycle).mapToObj(labels::get).toList()), cycle);
            }
            return order;
        }

        /** One cycle among the activities Kahn's algorithm could not place, in precedence order, first one repeated. */
        private int[] cycle(int[] missing) {
            int start = 0;
            while (missing[start] == 0) {
                start++;
            }
            // Walk backwards through unplaced predecessors until an activity repeats.
            int[] seenAt = new int[missing.length];
            Arrays.fill(seenAt, -1);
            List<Integer> path = new ArrayList<>();
            int j = start;
            while (seenAt[j] < 0) {
                seenAt[j] = path.size();
                path.add(j);
                for (int p : predecessors.get(j)) {
                    if (missing[p] > 0) {
                        j = p;
                        break;
                    }
                }
            }
            ArrayDeque<Integer> cycle = new ArrayDeque<>();
            for (int i = path.size() - 1; i >= seenAt[j]; i--) {
                cycle.add(path.get(i));
            }
            cycle.add(cycle.peekFirst());
            return cycle.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
