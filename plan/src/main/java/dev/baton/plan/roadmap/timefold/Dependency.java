package dev.baton.plan.roadmap.timefold;

/** {@code dependent} may start only after {@code prerequisite} has ended. */
public record Dependency(String dependent, String prerequisite) {
}
