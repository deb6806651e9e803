package dev.baton.engine.event;

import java.time.Instant;

/**
 * An event as stored: one row of the append-only log.
 *
 * @param position     global order in the whole log (1, 2, …), the cursor of the event feed
 * @param stream       the work item or request id
 * @param version      order within the stream (1, 2, …), for optimistic concurrency
 * @param actor        the person who caused it
 * @param workType     the work type of the item (the form's work type for a request; may be null)
 * @param modelVersion the model version the item was created with
 * @param commandId    the idempotency key of the command that recorded it (may be null)
 * @param eventId      a stable id given by the source of an imported event, so that importing the
 *                     same export twice records it once (null for events the engine recorded)
 * @param batch        the import batch that stored it (null for events the engine recorded, and for
 *                     imports from before batches were recorded in a JSONL log): a retracted batch's
 *                     events are left out by every reader (dev.baton.engine.batch)
 */
public record RecordedEvent(long position, String stream, long version, Instant at, String actor, String workType,
                            int modelVersion, String commandId, BatonEvent event, String eventId, String batch) {

    /** An event of no import batch. */
    public RecordedEvent(long position, String stream, long version, Instant at, String actor, String workType,
                         int modelVersion, String commandId, BatonEvent event, String eventId) {
        this(position, stream, version, at, actor, workType, modelVersion, commandId, event, eventId, null);
    }

    /** An event recorded by the engine, which has no source id. */
    public RecordedEvent(long position, String stream, long version, Instant at, String actor, String workType,
                         int modelVersion, String commandId, BatonEvent event) {
        this(position, stream, version, at, actor, workType, modelVersion, commandId, event, null, null);
    }

    /** The same event as stored by an import batch, at another place in the log and its stream. */
    public RecordedEvent inBatch(String batchId, long newPosition, long newVersion) {
        return new RecordedEvent(newPosition, stream, newVersion, at, actor, workType, modelVersion, commandId, event,
                eventId, batchId);
    }

    public String type() {
        return event.type();
    }
}
