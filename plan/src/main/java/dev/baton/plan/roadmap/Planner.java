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
        return plan(roadmap, Set.of(), search, Progress.NONE);
    }

    /** As {@link #plan(Roadmap, Search)}, reporting each better plan the search finds. */
    public Result plan(Roadmap roadmap, Search search, Progress progress) {
        return plan(roadmap, Set.of(), search, progress);
    }

    /**
     * A re-plan after a change: {@code previous}'s plan is the published one, and the
     * initiatives whose inputs changed are the first released where capacity no longer holds.
     */
    public Result replan(Plan previous, Roadmap changed, Search search) {
        return replan(previous, changed, search, Progress.NONE);
    }

    /** As {@link #replan(Plan, Roadmap, Search)}, reporting each better plan the search finds. */
    public Result replan(Plan previous, Roadmap changed, Search search, Progress progress) {
        Map<String, Quarter> published = new HashMap<>();
        Instance before = previous.instance();
        for (int i = 0; i < before.size(); i++) {
            if (previous.planned(i)) {
                published.put(before.initiative(i).id(), before.roadmap().quarters().get(previous.start(i)));
            }
        }
        return plan(changed.withPublished(published), Repair.changed(before.roadmap(), changed), search, progress);
    }

    /**
     * The search's plan with every unplanned initiative that fits added, by the packer, in priority
     * order: a search stopped by a step count can leave room it did not get to use.
     */
    static Plan filled(Plan p) {
        boolean[] planned = new boolean[p.instance().size()];
        for (int i = 0; i < planned.length; i++) {
            planned[i] = p.planned(i) || p.instance().pinned(i) != Instance.NONE;
        }
        return new Plan(p.instance(), GreedyPacker.fill(p.instance(), p.starts(), planned));
    }

    private Result plan(Roadmap roadmap, Set<String> changed, Search search, Progress progress) {
        long t0 = System.nanoTime();
        Instance in = new Instance(roadmap);
        Plan start;
        boolean[] fixed;
        if (Repair.applies(roadmap)) {
            search = search.forReplan();
            Repair repair = Repair.of(in, changed);
            start = repair.plan();
            fixed = repair.kept();
        } else {
            start = GreedyPacker.pack(in);
            fixed = new boolean[in.size()];
        }
        if (this == TIMEFOLD) {
            progress.improved(0, Repair.applies(roadmap) ? "start: the greedy repair" : "start: the greedy plan",
                    start.plannedValue());
        }
        Plan plan = this == GREEDY ? start : filled(TimefoldPlanner.improve(in, start, search, fixed, progress));
        return new Result(this, plan, Verdicts.of(plan), start.plannedValue(), (System.nanoTime() - t0) / 1_000_000);
    }
}
