package dev.baton.engine.intake;

/** A request in the intake queue, with its rank (1 = first) and score. */
public record QueuedRequest(int rank, IntakeRequest request, PriorityScore score) {
}
