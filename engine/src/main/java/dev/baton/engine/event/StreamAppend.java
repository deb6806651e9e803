package dev.baton.engine.event;

import java.util.List;

/**
 * One stream's part of {@link EventStore#appendAll}: what one {@link EventStore#append} would take.
 *
 * @param expectedVersion the stream's version the command was decided on (0 for a new stream)
 * @param commandId       this part's idempotency key, or null
 */
public record StreamAppend(String stream, long expectedVersion, String commandId, List<PendingEvent> events) {

    public StreamAppend {
        events = List.copyOf(events);
    }
}
