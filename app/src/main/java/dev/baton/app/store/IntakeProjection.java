package dev.baton.app.store;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.intake.IntakeEvent.RequestAccepted;
import dev.baton.engine.intake.IntakeEvent.RequestDeclined;
import dev.baton.engine.intake.IntakeEvent.RequestDeferred;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
import java.sql.Timestamp;
import org.springframework.stereotype.Component;

/** Intake requests and their decisions (table {@code intake_requests}); the open ones are the queue. */
@Component
public class IntakeProjection implements Projection {

    @Override
    public void changes(RecordedEvent e, Changes changes) {
        if (!(e.event() instanceof IntakeEvent event)) {
            return;
        }
        Timestamp at = Timestamp.from(e.at());
        String id = e.stream();
        if (event instanceof RequestSubmitted s) {
            changes.add("insert into intake_requests (id, form, work_type, model_version, title, fields, status, version, "
                            + "submitted_at, submitted_by) values (?, ?, ?, ?, ?, ?::jsonb, 'open', ?, ?, ?)",
                    id, s.form(), e.workType(), e.modelVersion(), s.title(), ItemProjection.json(s.fields()), e.version(),
                    at, e.actor());
        } else if (event instanceof RequestAccepted a) {
            decide(changes, e, "accepted", a.reason(), null, a.itemId());
        } else if (event instanceof RequestDeclined d) {
            decide(changes, e, "declined", d.reason(), null, null);
        } else if (event instanceof RequestDeferred d) {
            decide(changes, e, "deferred", d.reason(), d.until(), null);
        }
    }

    private static void decide(Changes changes, RecordedEvent e, String status, String reason, String until, String itemId) {
        changes.add("update intake_requests set status = ?, reason = ?, deferred_until = ?, item_id = ?, version = ?, "
                        + "decided_at = ?, decided_by = ? where id = ?",
                status, reason, until, itemId, e.version(), Timestamp.from(e.at()), e.actor(), e.stream());
    }
}
