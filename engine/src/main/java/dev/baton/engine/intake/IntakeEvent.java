package dev.baton.engine.intake;

import dev.baton.engine.event.BatonEvent;
import java.util.Map;

/** What happened to an intake request. "No" and "later" are explicit decisions with reasons. */
public sealed interface IntakeEvent extends BatonEvent {

    record RequestSubmitted(String form, String title, Map<String, Object> fields) implements IntakeEvent {
    }

    /** Accepted: a work item was created from it. */
    record RequestAccepted(String itemId, String reason) implements IntakeEvent {
    }

    record RequestDeclined(String reason) implements IntakeEvent {
    }

    /** Deferred: stays out of the queue until {@code until} (ISO date, may be null). */
    record RequestDeferred(String until, String reason) implements IntakeEvent {
    }
}
