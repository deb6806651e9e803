package dev.baton.plan.roadmap;

import dev.baton.plan.roadmap.timefold.TimefoldPlanner;
import java.util.List;

/**
 * The roadmap's one entry point, with named variants: {@link #GREEDY} (the explainable packer)
 * and {@link #TIMEFOLD} (the packer's plan improved by Timefold's local search under the same
 * rules). Either way every initiative gets a verdict, computed from the plan alone.
 */
public enum Planner {
    GREEDY, TIMEFOLD;

    /** A plan, its verdicts and what it took. */
    public record Result(Planner planner, Plan plan, List<Verdict> verdicts, double greedyValue, long millis) {
    }

    public Result plan(Roadmap roadmap, Search search) {
        long t0 = System.nanoTime();
        Instance in = new Instance(roadmap);
        Plan greedy = GreedyPacker.pack(in);
        Plan plan = this == GREEDY ? greedy : TimefoldPlanner.improve(in, greedy, search);
        return new Result(this, plan, Verdicts.of(plan), greedy.plannedValue(), (System.nanoTime() - t0) / 1_000_000);
    }
}
