package dev.baton.plan.schedule;

/**
 * The one entry point for scheduling a {@link Project}: {@code Scheduling.solve(project,
 * Method.GENETIC, Budget.time(Duration.ofSeconds(10), seed))}. Every variant returns a schedule built
 * by the serial scheme, so precedences and capacities hold by construction (callers still check
 * with {@link Feasibility}); every variant stops early when the makespan meets the lower bound.
 */
public final class Scheduling {

    private Scheduling() {
    }

    public static Result solve(Project project, Method method, Budget budget) {
        long t0 = System.nanoTime();
        LowerBounds bounds = LowerBounds.of(project);
        Found found = switch (method) {
            case SGS -> bestRule(project);
            case GENETIC -> new GeneticSearch(project, bounds.best(), budget).run();
            case TIMEFOLD -> new TimefoldSearch(project, bounds.best(), budget).run();
        };
        Schedule schedule = new Schedule(project, found.starts());
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new Result(schedule, bounds, method, found.schedules(), millis, schedule.makespan() <= bounds.best());
    }

    /** One priority rule through the serial scheme, justified or not: the plain baseline. */
    public static Schedule priorityRule(Project project, PriorityRule rule, boolean justify) {
        SerialSgs sgs = new SerialSgs(project);
        int[] starts = new int[project.size()];
        int makespan = sgs.decodePriorities(rule.priorities(project, TimeWindows.of(project)), starts);
        if (justify) {
            sgs.justify(starts, makespan);
        }
        return new Schedule(project, starts);
    }

    /** Every rule, justified; the shortest (the earlier rule on ties). */
    static Found bestRule(Project project) {
        SerialSgs sgs = new SerialSgs(project);
        TimeWindows windows = TimeWindows.of(project);
        int[] starts = new int[project.size()];
        int[] best = null;
        int bestMakespan = Integer.MAX_VALUE;
        for (PriorityRule rule : PriorityRule.values()) {
            int makespan = sgs.justify(starts, sgs.decodePriorities(rule.priorities(project, windows), starts));
            if (makespan < bestMakespan) {
                bestMakespan = makespan;
                best = starts.clone();
            }
        }
        return new Found(best, sgs.schedules());
    }

    /** A search's answer: the starts and the schedule passes it took. */
    record Found(int[] starts, long schedules) {
    }
}
