package dev.baton.model;

import java.util.List;

/** How requests come in: forms, and the scheme that orders the queue (nullable). */
public record Intake(List<IntakeForm> forms, Prioritization prioritization) {

    public static final Intake NONE = new Intake(List.of(), null);
}
