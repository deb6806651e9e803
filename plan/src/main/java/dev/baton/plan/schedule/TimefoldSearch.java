package dev.baton.plan.schedule;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListSwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import java.util.List;

/**
 * {@link Method#TIMEFOLD}: Timefold Solver's late-acceptance local search over the priority list
 * ({@link ActivityListPlan}), started from the best priority-rule schedule. Reproducible mode and a
 * fixed seed; it stops at the lower bound (a best-score limit), at the time limit, or after a
 * number of score calculations derived from the schedule limit (each calculation is a decode and
 * at least two justification passes, so the limit is a third of the schedule passes). Timefold
 * measures its time limit on the wall clock only.
 */
final class TimefoldSearch {

    private final Project p;
    private final int bound;
    private final Budget budget;

    TimefoldSearch(Project project, int bound, Budget budget) {
        this.p = project;
        this.bound = bound;
        this.budget = budget;
    }

    Scheduling.Found run() {
        Scheduling.Found start = Scheduling.bestRule(p);
        SerialSgs sgs = new SerialSgs(p);
        int[] first = sgs.activityList(start.starts(), new int[p.size()]);
        int[] starts = start.starts();
        if (new Schedule(p, starts).makespan() <= bound) {
            return start;
        }
        TerminationConfig termination = new TerminationConfig()
                .withBestScoreLimit("0hard/" + (-bound) + "soft");
        if (budget.schedules() != Budget.UNLIMITED) {
            termination.withScoreCalculationCountLimit(Math.max(1, (budget.schedules() - start.schedules()) / 3));
        }
        if (budget.hasTimeLimit()) {
            termination.withSpentLimit(budget.timeLimit());
        }
        SolverConfig config = new SolverConfig()
                .withSolutionClass(ActivityListPlan.class)
                .withEntityClasses(ActivityListPlan.Sequence.class)
                .withEasyScoreCalculatorClass(ActivityListPlan.MakespanScore.class)
                .withEnvironmentMode(EnvironmentMode.NO_ASSERT)
                .withRandomSeed(budget.seed())
                .withTerminationConfig(termination)
                .withPhases(new LocalSearchPhaseConfig()
                        .withMoveSelectorConfig(new UnionMoveSelectorConfig(List.of(
                                new ListChangeMoveSelectorConfig(), new ListSwapMoveSelectorConfig())))
                        .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(500))
                        .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1)));
        Solver<ActivityListPlan> solver = SolverFactory.<ActivityListPlan>create(config).buildSolver();
        ActivityListPlan solved = solver.solve(new ActivityListPlan(sgs, first));
        int[] best = new int[p.size()];
        SerialSgs decoder = new SerialSgs(p);
        decoder.justify(best, decoder.decodePriorities(solved.priorities(), best));
        return new Scheduling.Found(best, start.schedules() + sgs.schedules() + decoder.schedules());
    }
}
