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

    public Search withSteps(long n) {
        return new Search(seed, n, Math.min(unimprovedSteps, n), timeLimit);
    }
}
