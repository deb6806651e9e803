package dev.baton.engine.intake;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent.RequestAccepted;
import dev.baton.engine.intake.IntakeEvent.RequestDeclined;
import dev.baton.engine.intake.IntakeEvent.RequestDeferred;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An intake request as its events left it. Nullable: {@code deferredUntil}, {@code reason} (of
 * the last decision), {@code itemId} (set once accepted), {@code decidedBy}.
 *
 * @param workType     what the request becomes when accepted (the form's work type)
 * @param modelVersion the model version it was submitted under
 */
public record IntakeRequest(RequestId id, String form, String workType, int modelVersion, long version,
                            String title, Map<String, Object> fields, String submittedBy, Instant submittedAt,
                            RequestStatus status, LocalDate deferredUntil, String reason, String itemId,
                            String decidedBy, Instant decidedAt) {

    /** The state of a request stream, or null when it does not start with {@link RequestSubmitted}. */
    public static IntakeRequest replay(List<RecordedEvent> events) {
        IntakeRequest request = null;
        for (RecordedEvent e : events) {
            request = request == null ? submitted(e) : request.apply(e);
        }
        return request;
    }

    public static IntakeRequest submitted(RecordedEvent e) {
        if (!(e.event() instanceof RequestSubmitted s)) {
            return null;
        }
        return new IntakeRequest(new RequestId(e.stream()), s.form(), e.workType(), e.modelVersion(), e.version(),
                s.title(), s.fields() == null ? Map.of() : s.fields(), e.actor(), e.at(), RequestStatus.OPEN, null, null, null, null, null);
    }

    public IntakeRequest apply(RecordedEvent e) {
        if (e.event() instanceof RequestAccepted a) {
            return decided(e, RequestStatus.ACCEPTED, null, a.reason(), a.itemId());
        } else if (e.event() instanceof RequestDeclined d) {
            return decided(e, RequestStatus.DECLINED, null, d.reason(), null);
        } else if (e.event() instanceof RequestDeferred d) {
            return decided(e, RequestStatus.DEFERRED, date(d.until()), d.reason(), null);
        }
        return this;
    }

    /** A deferral date as written; an unreadable one (from an imported log) defers without a date. */
    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** In the queue: open, or deferred to a date that has come. */
    public boolean queued(LocalDate today) {
        return status == RequestStatus.OPEN
                || status == RequestStatus.DEFERRED && deferredUntil != null && !deferredUntil.isAfter(today);
    }

    private IntakeRequest decided(RecordedEvent e, RequestStatus s, LocalDate until, String why, String item) {
        return new IntakeRequest(id, form, workType, modelVersion, e.version(), title, fields, submittedBy,
                submittedAt, s, until, why, item, e.actor(), e.at());
    }
}
