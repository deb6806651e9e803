package dev.baton.plan.roadmap;

/**
 * What the local search reports while it runs, each time it finds a better plan: seconds since it
 * started, the score in words, and the value planned. (Timefold's public events do not count steps.)
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (seconds, score, valuePlanned) -> { };

    void improved(double seconds, String score, double valuePlanned);
}
