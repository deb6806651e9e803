package dev.baton.engine.assist;

import dev.baton.engine.assist.AssistEvent.DraftAccepted;
import dev.baton.engine.assist.AssistEvent.DraftDiscarded;
import dev.baton.engine.assist.AssistEvent.DraftOffered;
import dev.baton.engine.event.RecordedEvent;
import java.time.Instant;

/**
 * One draft as its stream tells it: who was offered what, when, and its decision if any.
 *
 * @param decision {@code accepted}, {@code discarded}, or null while it waits
 * @param item     the work item the accepted draft became, or null
 */
public record AssistDraft(String id, String stream, long version, String assistant, String workType, String offeredTo,
                          Instant offeredAt, DraftOffered offer, String decision, String decidedBy, Instant decidedAt,
                          String item) {

    /** A draft's state from its stream's first event, or null when that is not an offer. */
    public static AssistDraft start(RecordedEvent e) {
        if (!(e.event() instanceof DraftOffered o)) {
            return null;
        }
        return new AssistDraft(o.draft(), e.stream(), e.version(), o.assistant(), e.workType(), e.actor(), e.at(), o,
                null, null, null, null);
    }

    public AssistDraft apply(RecordedEvent e) {
        if (e.event() instanceof DraftAccepted a && decision == null) {
            return new AssistDraft(id, stream, e.version(), assistant, workType, offeredTo, offeredAt, offer, "accepted",
                    e.actor(), e.at(), a.item());
        }
        if (e.event() instanceof DraftDiscarded && decision == null) {
            return new AssistDraft(id, stream, e.version(), assistant, workType, offeredTo, offeredAt, offer, "discarded",
                    e.actor(), e.at(), null);
        }
        return new AssistDraft(id, stream, e.version(), assistant, workType, offeredTo, offeredAt, offer, decision,
                decidedBy, decidedAt, item);
    }

    public boolean decided() {
        return decision != null;
    }
}
