package dev.baton.plan.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@link Method#GENETIC}: a steady elitist genetic algorithm on activity lists.
 *
 * <ul>
 *   <li>Start: one individual per {@link PriorityRule}, the rest by regret-based biased random
 *       sampling on latest finish times (Drexl 1991), all justified.
 *   <li>Each generation: parents by binary tournament; Hartmann's (1998) two-point crossover, which
 *       keeps lists precedence-feasible; a shift mutation that moves one activity anywhere between
 *       its last predecessor and first successor; every child decoded by the serial scheme and
 *       justified (forward-backward improvement), and its list replaced by the justified order so
 *       the improvement is inherited (Valls, Ballestín and Quintanilla 2008).
 *   <li>Survival: parents and children together, shortest first, identical schedules once.
 *   <li>Population: 3 per activity, at least 64 and at most 400.
 *   <li>When the best makespan has not improved for 40 generations, all but the best three are
 *       replaced by new samples and the population doubles (up to twice its first size): a
 *       restart keeps the search from circling one family of schedules.
 * </ul>
 * Stops at the lower bound, at the schedule limit or at the time limit. One random stream,
 * seeded, and no unordered collections, so the same seed gives the same schedule.
 */
final class GeneticSearch {

    private final Project p;
    private final int n;
    private final int bound;
    private final Budget budget;
    private final Budget.Stopwatch stopwatch;
    private final SerialSgs sgs;
    private final SplittableRandom random;
    private final int[] latestFinish;
    private int size;
    private final int maxSize;
    private final int restartAfter;
    private final int[] position;
    private final boolean[] taken;
    private Individual best;

    GeneticSearch(Project project, int bound, Budget budget) {
        this.p = project;
        this.n = project.size();
        this.bound = bound;
        this.budget = budget;
        this.stopwatch = budget.start();
        this.sgs = new SerialSgs(project);
        this.random = new SplittableRandom(budget.seed());
        TimeWindows windows = TimeWindows.of(project);
        this.latestFinish = new int[n];
        for (int j = 0; j < n; j++) {
            latestFinish[j] = windows.latestFinish(project, j);
        }
        // Measured on PSPLIB (docs/adr/0007): larger populations keep improving up to a few hundred on
        // j120 at millions of schedules; j30 does as well with 64 to 128.
        this.size = Math.max(64, Math.min(400, 3 * n));
        this.maxSize = 2 * size;
        this.restartAfter = 40;
        this.position = new int[n];
        this.taken = new boolean[n];
    }

    /** One activity list and the justified schedule it decodes to. */
    private static final class Individual {
        final int[] list;
        final int[] starts;
        int makespan;
        long finishes;

        Individual(int[] list, int n) {
            this.list = list;
            this.starts = new int[n];
        }

        boolean sameSchedule(Individual o) {
            return makespan == o.makespan && finishes == o.finishes && Arrays.equals(starts, o.starts);
        }
    }

    private static final Comparator<Individual> SHORTEST_FIRST =
            Comparator.<Individual>comparingInt(i -> i.makespan).thenComparingLong(i -> i.finishes);

    Scheduling.Found run() {
        List<Individual> population = new ArrayList<>();
        TimeWindows windows = TimeWindows.of(p);
        for (PriorityRule rule : PriorityRule.values()) {
            int[] list = new int[n];
            int[] starts = new int[n];
            sgs.decodePriorities(rule.priorities(p, windows), starts);
            sgs.activityList(starts, list);
            population.add(evaluate(list));
            if (done()) {
                return found();
            }
        }
        fill(population);
        int stale = 0;
        while (!done()) {
            int before = best.makespan;
            population = generation(population);
            stale = best.makespan < before ? 0 : stale + 1;
            if (stale >= restartAfter && !done()) {
                population = new ArrayList<>(population.subList(0, Math.min(3, population.size())));
                size = Math.min(maxSize, 2 * size);
                fill(population);
                stale = 0;
            }
        }
        return found();
    }

    private Scheduling.Found found() {
        return new Scheduling.Found(best.starts.clone(), sgs.schedules());
    }

    private boolean done() {
        return best != null && (best.makespan <= bound || sgs.schedules() >= budget.schedules()
                || stopwatch.over());
    }

    /** Tops the population up with sampled individuals. */
    private void fill(List<Individual> population) {
        while (population.size() < size && !done()) {
            population.add(evaluate(sample()));
        }
        population.sort(SHORTEST_FIRST);
    }

    private List<Individual> generation(List<Individual> population) {
        List<Individual> pool = new ArrayList<>(population);
        for (int c = 0; c < size && !done(); c += 2) {
            Individual mother = tournament(population);
            Individual father = tournament(population);
            int q1 = random.nextInt(n + 1);
            int q2 = random.nextInt(n + 1);
            int lo = Math.min(q1, q2);
            int hi = Math.max(q1, q2);
            pool.add(evaluate(mutate(crossover(mother.list, father.list, lo, hi))));
            if (!done()) {
                pool.add(evaluate(mutate(crossover(father.list, mother.list, lo, hi))));
            }
        }
        pool.sort(SHORTEST_FIRST);
        List<Individual> next = new ArrayList<>(size);
        for (Individual candidate : pool) {
            if (next.size() == size) {
                break;
            }
            boolean twin = false;
            for (int i = next.size() - 1; i >= 0 && next.get(i).makespan == candidate.makespan; i--) {
                if (next.get(i).sameSchedule(candidate)) {
                    twin = true;
                    break;
                }
            }
            if (!twin) {
                next.add(candidate);
            }
        }
        fill(next);
        return next;
    }

    private Individual tournament(List<Individual> population) {
        Individual a = population.get(random.nextInt(population.size()));
        Individual b = population.get(random.nextInt(population.size()));
        return SHORTEST_FIRST.compare(a, b) <= 0 ? a : b;
    }

    /** Decodes, justifies, and writes the justified order back into the list. */
    private Individual evaluate(int[] list) {
        Individual x = new Individual(list, n);
        int makespan = sgs.decode(list, x.starts);
        x.makespan = sgs.justify(x.starts, makespan);
        sgs.activityList(x.starts, list);
        long finishes = 0;
        for (int j = 0; j < n; j++) {
            finishes += x.starts[j] + p.duration[j];
        }
        x.finishes = finishes;
        if (best == null || SHORTEST_FIRST.compare(x, best) < 0) {
            best = x;
        }
        return x;
    }

    /**
     * Hartmann's two-point crossover: the first {@code lo} activities from the mother, up to
     * {@code hi} the father's next ones in his order, the rest in the mother's order.
     */
    private int[] crossover(int[] mother, int[] father, int lo, int hi) {
        Arrays.fill(taken, false);
        int[] child = new int[n];
        int i = 0;
        for (; i < lo; i++) {
            child[i] = mother[i];
            taken[mother[i]] = true;
        }
        for (int f = 0; i < hi && f < n; f++) {
            if (!taken[father[f]]) {
                child[i++] = father[f];
                taken[father[f]] = true;
            }
        }
        for (int m = 0; i < n; m++) {
            if (!taken[mother[m]]) {
                child[i++] = mother[m];
                taken[mother[m]] = true;
            }
        }
        return child;
    }

    /** Moves one or two activities to a random place between their last predecessor and first successor. */
    private int[] mutate(int[] list) {
        int shifts = 1 + random.nextInt(2);
        for (int m = 0; m < shifts; m++) {
            for (int i = 0; i < n; i++) {
                position[list[i]] = i;
            }
            int from = random.nextInt(n);
            int a = list[from];
            int lo = 0;
            for (int q : p.predecessors[a]) {
                lo = Math.max(lo, position[q] + 1);
            }
            int hi = n - 1;
            for (int s : p.successors[a]) {
                hi = Math.min(hi, position[s] - 1);
            }
            int to = lo + random.nextInt(hi - lo + 1);
            if (to > from) {
                System.arraycopy(list, from + 1, list, from, to - from);
            } else if (to < from) {
                System.arraycopy(list, to, list, to + 1, from - to);
            }
            list[to] = a;
        }
        return list;
    }

    /**
     * Regret-based biased random sampling on latest finish times: among the eligible activities, one
     * whose latest finish is further below the latest one is more likely next.
     */
    private int[] sample() {
        int[] missing = new int[n];
        int[] eligible = new int[n];
        int count = 0;
        for (int j = 0; j < n; j++) {
            missing[j] = p.predecessors[j].length;
            if (missing[j] == 0) {
                eligible[count++] = j;
            }
        }
        int[] list = new int[n];
        double[] weight = new double[n];
        for (int i = 0; i < n; i++) {
            int worst = 0;
            for (int e = 0; e < count; e++) {
                worst = Math.max(worst, latestFinish[eligible[e]]);
            }
            double total = 0;
            for (int e = 0; e < count; e++) {
                weight[e] = worst - latestFinish[eligible[e]] + 1;
                total += weight[e];
            }
            double pick = random.nextDouble() * total;
            int chosen = count - 1;
            for (int e = 0; e < count; e++) {
                pick -= weight[e];
                if (pick < 0) {
                    chosen = e;
                    break;
                }
            }
            int j = eligible[chosen];
            eligible[chosen] = eligible[--count];
            list[i] = j;
            for (int s : p.successors[j]) {
                if (--missing[s] == 0) {
                    eligible[count++] = s;
                }
            }
        }
        return list;
    }
}
