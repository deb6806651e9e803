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
     * Appends to several streams in one transaction, all or nothing: each part as {@link #append}
     * would, but when any stream has moved past its expected version nothing is appended to any
     * stream. A part whose command id was used before appends nothing and answers with that id's
     * events, as a retried append does; the other parts still append (so a retry of the whole
     * records nothing twice). Accepting an intake request records its decision and the new item
     * this way, so the log never holds one without the other.
     *
     * @return each part's events as stored (or as stored earlier), in the parts' order
     * @throws ConcurrencyConflict      for the first part whose stream moved past its expected version
     * @throws IllegalArgumentException when two parts name the same stream
     */
    List<List<RecordedEvent>> appendAll(List<StreamAppend> parts);

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
