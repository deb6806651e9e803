package dev.baton.plan.roadmap.timefold;

/** Person-days one function has in one quarter (0 beyond the plan's quarters). */
public record Room(int function, int quarter, int days) {
}
