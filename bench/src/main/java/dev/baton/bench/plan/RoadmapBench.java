package dev.baton.bench.plan;

import dev.baton.plan.roadmap.Assumptions;
import dev.baton.plan.roadmap.CapacityTable;
import dev.baton.plan.roadmap.Deadline;
import dev.baton.plan.roadmap.GreedyPacker;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.Instance;
import dev.baton.plan.roadmap.Plan;
import dev.baton.plan.roadmap.Quarter;
import dev.baton.plan.roadmap.Roadmap;
import dev.baton.plan.roadmap.Search;
import dev.baton.plan.roadmap.timefold.TimefoldPlanner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The roadmap at scale: 300 generated initiatives (seed 42) × 12 functions × 8 quarters. Prints the
 * greedy packer's time and value, the local search's (default steps) time and value, a longer run's,
 * and a re-plan after one change (a value doubled) started from the plan and held to it by stability.
 *   java -cp bench/target/benchmarks.jar dev.baton.bench.plan.RoadmapBench [steps] [longSteps]
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

    public static void main(String[] args) {
        long steps = args.length > 0 ? Long.parseLong(args[0]) : 20_000;
        long longSteps = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
        Roadmap roadmap = generate(42);
        Instance in = new Instance(roadmap);
        for (int warm = 0; warm < 2; warm++) {
            TimefoldPlanner.improve(in, GreedyPacker.pack(in), new Search(0, 2000, 500, null));
        }
        long t0 = System.nanoTime();
        Plan greedy = GreedyPacker.pack(in);
        long t1 = System.nanoTime();
        Plan solved = TimefoldPlanner.improve(in, greedy, new Search(0, steps, steps / 5, null));
        long t2 = System.nanoTime();
        Plan longer = TimefoldPlanner.improve(in, greedy, new Search(0, longSteps, longSteps / 5, null));
        long t3 = System.nanoTime();
        System.out.printf("greedy:  %.1f ms, value %.0f, %d planned, violations %d%n", (t1 - t0) / 1e6,
                greedy.plannedValue(), greedy.plannedCount(), greedy.violations().size());
        System.out.printf("search:  %.2f s (%d steps), value %.0f, %d planned, violations %d%n", (t2 - t1) / 1e9, steps,
                solved.plannedValue(), solved.plannedCount(), solved.violations().size());
        System.out.printf("longer:  %.2f s (%d steps), value %.0f (search is %.2f%% below)%n", (t3 - t2) / 1e9, longSteps,
                longer.plannedValue(), 100 * (longer.plannedValue() - solved.plannedValue()) / longer.plannedValue());
        Map<String, Quarter> published = new HashMap<>();
        for (int i = 0; i < in.size(); i++) {
            if (solved.planned(i)) {
                published.put(roadmap.initiatives().get(i).id(), roadmap.quarters().get(solved.start(i)));
            }
        }
        List<Initiative> changed = new ArrayList<>(roadmap.initiatives());
        changed.set(7, changed.get(7).withValue(changed.get(7).value() * 2));
        Instance again = new Instance(roadmap.withInitiatives(changed).withPublished(published));
        long t4 = System.nanoTime();
        Plan replanned = TimefoldPlanner.improve(again, new Plan(again, solved.starts()), new Search(0, steps / 4, steps / 20, null));
        long t5 = System.nanoTime();
        int moved = 0;
        for (int i = 0; i < in.size(); i++) {
            moved += replanned.start(i) != solved.start(i) ? 1 : 0;
        }
        System.out.printf("replan:  %.2f s after one value doubled, %d initiatives moved, violations %d%n", (t5 - t4) / 1e9,
                moved, replanned.violations().size());
    }
}
