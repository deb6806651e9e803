package dev.baton.plan.schedule;

/**
 * What a search found: the schedule, the lower bounds it is measured against, how it got there.
 *
 * @param schedules schedule passes made (each serial decode and each justification pass is one)
 * @param elapsedMillis wall-clock time of the search
 * @param reachedBound true if the makespan equals the best lower bound: proven optimal, the search stopped there
 */
public record Result(Schedule schedule, LowerBounds bounds, Method method, long schedules, long elapsedMillis,
        boolean reachedBound) {

    public int makespan() {
        return schedule.makespan();
    }

    /** (makespan − bound) / bound, 0 when optimal. */
    public double gapToBound() {
        int lb = bounds.best();
        return lb == 0 ? 0 : (makespan() - lb) / (double) lb;
    }
}
