package dev.baton.plan.roadmap.timefold;

/** Person-days of one function in one quarter that a placed initiative uses. */
public record Load(int function, int quarter, int days) {
}
