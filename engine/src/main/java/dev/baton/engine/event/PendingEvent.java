package dev.baton.engine.event;

import java.time.Instant;

/** An event decided by a command, not yet stored: the store assigns position and version. */
public record PendingEvent(Instant at, String actor, String workType, int modelVersion, BatonEvent event) {
}
