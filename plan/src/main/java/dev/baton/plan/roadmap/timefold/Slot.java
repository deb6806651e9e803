package dev.baton.plan.roadmap.timefold;

/** A start quarter, by index from the plan's first quarter: the planning value. */
public record Slot(int index) {
}
