package dev.baton.bench.plan;

import dev.baton.plan.roadmap.Assumptions;
import dev.baton.plan.roadmap.CapacityTable;
import dev.baton.plan.roadmap.Deadline;
import dev.baton.plan.roadmap.GreedyPacker;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.Instance;
import dev.baton.plan.roadmap.Plan;
import dev.baton.plan.roadmap.Planner;
import dev.baton.plan.roadmap.Quarter;
import dev.baton.plan.roadmap.Roadmap;
import dev.baton.plan.roadmap.Scenario;
import dev.baton.plan.roadmap.Search;
import dev.baton.plan.roadmap.timefold.TimefoldPlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The roadmap at scale: 300 generated initiatives (seed 42) × 12 functions × 8 quarters. Prints the
 * greedy packer's and the local search's (reproducible: step limits) wall and process CPU time and
 * value, medians of {@code runs}; a time-limited run of {@code longSeconds} as the reference best;
 * and re-plans after one change (a value doubled, an effort grown by half, an initiative dropped)
 * from the search's plan: time, published initiatives moved, initiatives added.
 *   java -cp bench/target/benchmarks.jar dev.baton.bench.plan.RoadmapBench [steps] [runs] [longSeconds] [seed]
 */
public final class RoadmapBench {

    private RoadmapBench() {
    }

    static Roadmap generate(long seed) {
        Random rnd = new Random(seed);
        List<Quarter> qs = new ArrayList<>();
        for (int q = 0; q < 8; q++) {
            qs.add(new Quarter(2027, 1).plus(q));
        }
        List<String> fs = new ArrayList<>();
        int[][] cap = new int[12][8];
        for (int f = 0; f < 12; f++) {
            fs.add("f" + f);
            for (int q = 0; q < 8; q++) {
                cap[f][q] = 150 + rnd.nextInt(150);
            }
        }
        List<Initiative> list = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, int[]> effort = new LinkedHashMap<>();
            int len = 1 + rnd.nextInt(3);
            int used = 1 + rnd.nextInt(4);
            for (int k = 0; k < used; k++) {
                int[] e = new int[len];
                for (int j = 0; j < len; j++) {
                    e[j] = 5 + rnd.nextInt(40);
                }
                effort.put(fs.get(rnd.nextInt(12)), e);
            }
            List<String> deps = i > 10 && rnd.nextInt(5) == 0 ? List.of("i" + rnd.nextInt(i)) : List.of();
            Deadline d = rnd.nextInt(6) == 0 ? new Deadline(qs.get(2 + rnd.nextInt(6)), rnd.nextInt(3) == 0) : null;
            list.add(new Initiative("i" + i, "I" + i, "t" + rnd.nextInt(5), 1 + rnd.nextInt(100), effort, deps, null, d, null));
        }
        return new Roadmap(qs, list, new CapacityTable(fs, qs, cap, "generated"), Assumptions.DEFAULT, Map.of());
    }

    /** Wall and process CPU time (every thread, JIT and GC included: the machine is shared) of one run. */
    record Timed<T>(T result, double wallSeconds, double cpuSeconds) {
    }

    static <T> Timed<T> timed(java.util.function.Supplier<T> work) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        T r = work.get();
        return new Timed<>(r, (System.nanoTime() - t0) / 1e9, (os.getProcessCpuTime() - c0) / 1e9);
    }

    /** The run repeated: medians of wall and CPU time; the result is the last (the same seed gives the same). */
    static <T> Timed<T> median(int runs, java.util.function.Supplier<T> work) {
        List<Timed<T>> all = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            all.add(timed(work));
        }
        double[] wall = all.stream().mapToDouble(Timed::wallSeconds).sorted().toArray();
        double[] cpu = all.stream().mapToDouble(Timed::cpuSeconds).sorted().toArray();
        return new Timed<>(all.get(runs - 1).result(), wall[runs / 2], cpu[runs / 2]);
    }

    public static void main(String[] args) {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : Search.DEFAULT.steps();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long longSeconds = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Roadmap roadmap = generate(42);
        Instance in = new Instance(roadmap);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : Search.DEFAULT.seed();
        Search search = Search.DEFAULT.withSteps(steps).withSeed(seed);
        for (int warm = 0; warm < 2; warm++) {
            TimefoldPlanner.improve(in, GreedyPacker.pack(in), Search.DEFAULT.withSteps(Math.min(steps, 2000)));
        }
        Timed<Plan> greedy = median(runs, () -> GreedyPacker.pack(in));
        Timed<Plan> solved = median(runs, () -> Planner.TIMEFOLD.plan(roadmap, search).plan());
        System.out.printf("medians of %d runs; wall / process CPU%n", runs);
        System.out.printf("greedy:  %.3f s / %.3f s, value %.0f, %d planned, violations %d%n", greedy.wallSeconds(),
                greedy.cpuSeconds(), greedy.result().plannedValue(), greedy.result().plannedCount(),
                greedy.result().violations().size());
        System.out.printf("search:  %.2f s / %.2f s (%s), value %.0f (+%.2f%% on greedy), %d planned, violations %d%n",
                solved.wallSeconds(), solved.cpuSeconds(), search, solved.result().plannedValue(),
                100 * (solved.result().plannedValue() / greedy.result().plannedValue() - 1), solved.result().plannedCount(),
                solved.result().violations().size());
        if (longSeconds > 0) {
            Timed<Plan> longer = timed(() -> Planner.TIMEFOLD.plan(roadmap,
                    new Search(seed, Long.MAX_VALUE / 1000, Integer.MAX_VALUE, java.time.Duration.ofSeconds(longSeconds))).plan());
            System.out.printf("longer:  %.0f s / %.0f s, value %.0f (search is %.2f%% below), violations %d%n",
                    longer.wallSeconds(), longer.cpuSeconds(), longer.result().plannedValue(),
                    100 * (longer.result().plannedValue() - solved.result().plannedValue()) / longer.result().plannedValue(),
                    longer.result().violations().size());
        }
        Plan published = solved.result();
        List<Initiative> list = roadmap.initiatives();
        int planned = 0;
        while (!published.planned(planned)) {
            planned++;
        }
        Initiative grown = list.get(planned);
        Map<String, int[]> effort = new LinkedHashMap<>();
        grown.effort().forEach((f, e) -> effort.put(f, java.util.Arrays.stream(e).map(d -> d * 3 / 2).toArray()));
        Map<String, Roadmap> changes = new LinkedHashMap<>();
        changes.put("one value doubled", roadmap.withInitiatives(replace(list, 7, list.get(7).withValue(list.get(7).value() * 2))));
        changes.put("one effort +50%", roadmap.withInitiatives(replace(list, planned, new Initiative(grown.id(), grown.title(),
                grown.theme(), grown.value(), effort, grown.dependsOn(), grown.earliest(), grown.deadline(), grown.committed()))));
        changes.put("one dropped", new Scenario("drop", Map.of(), Map.of(), List.of(grown.id()), Map.of()).applyTo(roadmap));
        for (var change : changes.entrySet()) {
            Timed<Planner.Result> again = median(runs, () -> Planner.TIMEFOLD.replan(published, change.getValue(), search));
            Plan p = again.result().plan();
            int moved = 0;
            int added = 0;
            for (int i = 0; i < in.size(); i++) {
                int j = p.instance().indexOf(list.get(i).id());
                int now = j < 0 ? Plan.OUT : p.start(j);
                moved += published.planned(i) && j >= 0 && now != published.start(i) ? 1 : 0;
                added += !published.planned(i) && now != Plan.OUT ? 1 : 0;
            }
            System.out.printf("replan:  %.2f s / %.2f s after %s: %d planned moved, %d added, value %.0f (repair %.0f), violations %d%n",
                    again.wallSeconds(), again.cpuSeconds(), change.getKey(), moved, added, p.plannedValue(),
                    again.result().greedyValue(), p.violations().size());
        }
    }

    private static List<Initiative> replace(List<Initiative> list, int i, Initiative it) {
        List<Initiative> copy = new ArrayList<>(list);
        copy.set(i, it);
        return copy;
    }
}
