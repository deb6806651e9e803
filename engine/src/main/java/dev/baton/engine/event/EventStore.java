package dev.baton.engine.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only event log, the system of record. Implementations: {@link InMemoryEventStore}
 * here, a JDBC store on PostgreSQL in the app; both pass the same contract tests
 * ({@code EventStoreContract} in this module's test jar).
 */
public interface EventStore {

    /**
     * Appends events to a stream atomically.
     *
     * @param expectedVersion the stream's version the command was decided on (0 for a new stream)
     * @param commandId       idempotency key; when events were already appended under it, nothing
     *                        is appended and those events are returned
     * @return the events as stored (or as stored earlier under the same commandId)
     * @throws ConcurrencyConflict when the stream has moved past {@code expectedVersion}
     */
    List<RecordedEvent> append(String stream, long expectedVersion, String commandId, List<PendingEvent> events);

    /**
     * Appends each stream's events as a new stream (no events before, no command id), stream by
     * stream in the map's order: a demo history or a bulk load. A store may do it faster than one
     * {@link #append} per stream; the PostgreSQL store does it in one transaction, all or nothing.
     *
     * @throws ConcurrencyConflict when a stream already has events
     */
    default void appendNewStreams(Map<String, List<PendingEvent>> streams) {
        streams.forEach((stream, events) -> append(stream, 0, null, events));
    }

    /** Every event of a stream, in version order (empty when there is no such stream). */
    List<RecordedEvent> read(String stream);

    /** The stream's current version (0 when it has no events). */
    long version(String stream);

    /** Events with a position after {@code afterPosition}, oldest first, at most {@code limit}. */
    List<RecordedEvent> readAll(long afterPosition, int limit);

    /** The events an earlier command recorded under this idempotency key, if any. */
    Optional<List<RecordedEvent>> byCommandId(String commandId);
}
