package dev.baton.plan.roadmap;

import dev.baton.plan.roadmap.timefold.TimefoldPlanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * The plan of {@code roadmap}. With a published plan, it is a re-plan: the published plan
     * repaired ({@link Repair}: kept where its rules still hold, pinned there) and the rest
     * searched; {@code greedyValue} is then the repair's.
     */
    public Result plan(Roadmap roadmap, Search search) {
        return plan(roadmap, Set.of(), search);
    }

    /**
     * A re-plan after a change: {@code previous}'s plan is the published one, and the
     * initiatives whose inputs changed are the first released where capacity no longer holds.
     */
    public Result replan(Plan previous, Roadmap changed, Search search) {
        Map<String, Quarter> published = new HashMap<>();
        Instance before = previous.instance();
        for (int i = 0; i < before.size(); i++) {
            if (previous.planned(i)) {
                published.put(before.initiative(i).id(), before.roadmap().quarters().get(previous.start(i)));
            }
        }
        return plan(changed.withPublished(published), Repair.changed(before.roadmap(), changed), search);
    }

    private Result plan(Roadmap roadmap, Set<String> changed, Search search) {
        long t0 = System.nanoTime();
        Instance in = new Instance(roadmap);
        Plan start;
        boolean[] fixed;
        if (Repair.applies(roadmap)) {
            Repair repair = Repair.of(in, changed);
            start = repair.plan();
            fixed = repair.kept();
        } else {
            start = GreedyPacker.pack(in);
            fixed = new boolean[in.size()];
        }
        Plan plan = this == GREEDY ? start : TimefoldPlanner.improve(in, start, search, fixed);
        return new Result(this, plan, Verdicts.of(plan), start.plannedValue(), (System.nanoTime() - t0) / 1_000_000);
    }
}
