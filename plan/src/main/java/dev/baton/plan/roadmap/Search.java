package dev.baton.plan.roadmap;

import java.time.Duration;

/**
 * How long the local search runs: a step count and a count of steps without improvement (the
 * same seed then gives the same plan on every machine), and a time limit only when asked for
 * (interactive use; the plan then depends on the machine's speed).
 */
public record Search(long seed, long steps, long unimprovedSteps, Duration timeLimit) {

    public static final Search DEFAULT = new Search(0, 20_000, 2_000, null);

    public Search withSeed(long s) {
        return new Search(s, steps, unimprovedSteps, timeLimit);
    }

    /** Steps of a re-plan's search at most: it only places the released and the unplanned around kept work. */
    public static final long REPLAN_STEPS = 2_000;

    /**
     * The search of a re-plan: at most {@link #REPLAN_STEPS} steps and 500 without improvement (on
     * the 300-initiative bench the longer search found nothing beyond the greedy repair, and a
     * re-plan should answer in about a second).
     */
    public Search forReplan() {
        return new Search(seed, Math.min(steps, REPLAN_STEPS), Math.min(unimprovedSteps, 500), timeLimit);
    }

    public Search withSteps(long n) {
        return new Search(seed, n, Math.min(unimprovedSteps, n), timeLimit);
    }
}
