package dev.baton.engine.handoff;

import java.time.Instant;

/** A handoff sent and not yet accepted or rejected; the item waits in {@code fromStage}. */
public record PendingHandoff(String fromFunction, String toFunction, String fromStage, String toStage,
                             Instant sentAt) {
}
