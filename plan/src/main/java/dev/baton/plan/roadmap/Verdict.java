package dev.baton.plan.roadmap;

/**
 * What the plan says about one initiative: planned (and when), late (planned after its soft
 * deadline) or out, with the binding reason in one sentence and what would make it fit.
 *
 * @param start  the planned start quarter, null when out
 * @param remedy what would change the verdict; empty for an initiative planned as asked
 */
public record Verdict(String id, Status status, Quarter start, Quarter end, String reason, String remedy) {

    public enum Status { PLANNED, LATE, OUT }
}
