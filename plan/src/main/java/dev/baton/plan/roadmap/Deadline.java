package dev.baton.plan.roadmap;

/** The quarter an initiative must (hard) or should (soft) be finished in. */
public record Deadline(Quarter quarter, boolean hard) {
}
