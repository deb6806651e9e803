package dev.baton.plan.roadmap.timefold;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.Instance;
import dev.baton.plan.roadmap.Plan;
import dev.baton.plan.roadmap.Progress;
import dev.baton.plan.roadmap.Quarter;
import dev.baton.plan.roadmap.Search;
import java.util.ArrayList;
import java.util.List;

/**
 * Timefold Solver's local search (change and swap moves, late acceptance) over the
 * start quarter of every initiative, started from a given plan (the greedy packer's), in
 * reproducible mode with a fixed seed and a step limit. The best plan it has seen is returned, so
 * its score is never below the starting plan's: with a feasible start, it never plans less value.
 */
public final class TimefoldPlanner {

    /** Moves evaluated a step at most, on average: the bound when no move is ever accepted. */
    static final long MOVES_PER_STEP = 20;
    /** Steps the late-acceptance acceptor remembers. */
    static final int LATE_ACCEPTANCE = 50;

    private TimefoldPlanner() {
    }

    public static Plan improve(Instance in, Plan from, Search search) {
        return improve(in, from, search, new boolean[in.size()], Progress.NONE);
    }

    /** As {@link #improve(Instance, Plan, Search)}, with {@code fixed[i]} initiatives pinned where they are. */
    public static Plan improve(Instance in, Plan from, Search search, boolean[] fixed, Progress progress) {
        RoadmapSolution problem = solution(in, from, fixed);
        TerminationConfig termination = new TerminationConfig()
                .withStepCountLimit((int) Math.min(Integer.MAX_VALUE, search.steps()))
                .withUnimprovedStepCountLimit((int) Math.min(Integer.MAX_VALUE, search.unimprovedSteps()));
        // A step ends when a move is accepted; when none is (every move worse), the step-count
        // limits never fire, so the number of moves evaluated bounds the run as well.
        TerminationConfig solverTermination = new TerminationConfig()
                .withMoveCountLimit(Math.max(1000, search.steps() * MOVES_PER_STEP));
        if (search.timeLimit() != null) {
            solverTermination.withSpentLimit(search.timeLimit());
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(RoadmapSolution.class)
                .withEntityClasses(Placement.class)
                .withConstraintProviderClass(RoadmapConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(search.seed())
                .withTerminationConfig(solverTermination)
                .withPhases(localSearch().withTerminationConfig(termination));
        Solver<RoadmapSolution> solver = SolverFactory.<RoadmapSolution>create(config).buildSolver();
        solver.addEventListener(e -> progress.improved(e.getTimeMillisSpent() / 1000.0,
                e.getNewBestScore().toString(), plannedValue(e.getNewBestSolution())));
        RoadmapSolution solved = solver.solve(problem);
        int[] start = new int[in.size()];
        for (int i = 0; i < in.size(); i++) {
            Placement p = solved.getPlacements().get(i);
            start[i] = p.planned() ? p.startIndex() : Plan.OUT;
        }
        return new Plan(in, start);
    }

    /**
     * Late acceptance with a short memory (50 steps, Timefold's default is 400): on the 300 × 12 × 8
     * bench it plans 1-2% more value in the same step count (docs/roadmap.md), because the value
     * level improves only through rare swaps and a long memory spends the steps wandering the soft
     * level. Change and swap moves, Timefold's default selectors (a swap of a planned and an
     * unplanned initiative is the move that lets a more valuable one in).
     */
    static LocalSearchPhaseConfig localSearch() {
        return new LocalSearchPhaseConfig()
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(LATE_ACCEPTANCE))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
    }

    private static double plannedValue(RoadmapSolution solution) {
        return solution.getPlacements().stream().filter(Placement::planned).mapToLong(Placement::getValue).sum() / 100.0;
    }

    /** The instance as Timefold facts and entities, placed as {@code from} places them. */
    public static RoadmapSolution solution(Instance in, Plan from) {
        return solution(in, from, new boolean[in.size()]);
    }

    static RoadmapSolution solution(Instance in, Plan from, boolean[] fixed) {
        int horizon = in.quarters();
        int longest = 1;
        for (int i = 0; i < in.size(); i++) {
            longest = Math.max(longest, in.length(i));
        }
        List<Slot> slots = new ArrayList<>();
        for (int q = 0; q < horizon; q++) {
            slots.add(new Slot(q));
        }
        List<Room> rooms = new ArrayList<>();
        for (int f = 0; f < in.functions(); f++) {
            for (int q = 0; q < horizon + longest; q++) {
                rooms.add(new Room(f, q, q < horizon ? in.capacity(f, q) : 0));
            }
        }
        List<Dependency> deps = new ArrayList<>();
        List<Placement> placements = new ArrayList<>();
        Quarter first = in.roadmap().quarters().get(0);
        for (int i = 0; i < in.size(); i++) {
            Initiative it = in.initiative(i);
            for (int d : in.deps(i)) {
                deps.add(new Dependency(it.id(), in.initiative(d).id()));
            }
            Quarter published = in.roadmap().published().get(it.id());
            int soft = in.deadline(i) != Instance.NONE && in.hardDeadline(i) == Instance.NONE ? in.deadline(i) : Placement.NONE;
            boolean pinned = fixed[i] || in.pinned(i) != Instance.NONE || !it.estimated();
            int s = from.start(i);
            placements.add(new Placement(it.id(), in.value(i), in.effort(i), in.length(i), in.earliest(i),
                    in.hardDeadline(i) == Instance.NONE ? Placement.NONE : in.hardDeadline(i), soft,
                    published == null ? Placement.NONE : first.until(published), it.theme(), pinned,
                    s == Plan.OUT || s >= horizon ? null : slots.get(s)));
        }
        return new RoadmapSolution(slots, rooms, deps, placements);
    }
}
