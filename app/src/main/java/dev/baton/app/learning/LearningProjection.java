package dev.baton.app.learning;

import dev.baton.app.json.Json;
import dev.baton.app.store.Changes;
import dev.baton.app.store.Projection;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.learning.LearningEvent.FollowUpCreated;
import dev.baton.engine.learning.LearningEvent.InsightRecorded;
import dev.baton.engine.learning.LearningEvent.ModelChangeAccepted;
import dev.baton.engine.learning.LearningEvent.ModelChangeDeclined;
import dev.baton.engine.learning.LearningEvent.ModelChangeProposed;
import dev.baton.engine.learning.LearningEvent.PostMortemWritten;
import java.sql.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The learning tables of {@code V8__learning.sql}, kept by the learning events in the statement
 * that appends them: post-mortems, the insight log, follow-ups (completed when their item is) and
 * proposed model changes with their decisions.
 */
@Component
public class LearningProjection implements Projection {

    @Override
    public void changes(RecordedEvent e, Changes changes) {
        Timestamp at = Timestamp.from(e.at());
        Object event = e.event();
        if (event instanceof PostMortemWritten w) {
            changes.add("insert into post_mortems (item_id, work_type, title, went_well, to_change, facts, written_by, "
                            + "written_at, version) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) on conflict (item_id) do update "
                            + "set title = excluded.title, went_well = excluded.went_well, to_change = excluded.to_change, "
                            + "facts = excluded.facts, written_by = excluded.written_by, written_at = excluded.written_at, "
                            + "version = excluded.version",
                    w.item(), e.workType(), w.title(), w.wentWell(), w.toChange(), Json.write(w.facts()), e.actor(), at,
                    e.version());
        } else if (event instanceof InsightRecorded r) {
            changes.add("insert into insights (id, title, finding, tags, source, source_ref, recorded_by, recorded_at, "
                            + "model_version, version) values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)",
                    e.stream(), r.title(), r.finding(), Json.write(r.tags()), r.source(), r.sourceRef(), e.actor(), at,
                    e.modelVersion(), e.version());
        } else if (event instanceof FollowUpCreated f) {
            changes.add("insert into insight_follow_ups (item_id, insight_id, work_type, title, created_by, created_at) "
                    + "values (?, ?, ?, ?, ?, ?)", f.item(), e.stream(), f.itemType(), f.title(), e.actor(), at);
        } else if (event instanceof ModelChangeProposed p) {
            changes.add("insert into model_change_proposals (id, insight_id, kind, change, base_version, summary, status, "
                            + "proposed_by, proposed_at, version) values (?, ?, ?, ?::jsonb, ?, ?, 'open', ?, ?, ?)",
                    e.stream(), p.insight(), String.valueOf(p.change().get("kind")), Json.write(p.change()), p.baseVersion(),
                    p.summary(), e.actor(), at, e.version());
        } else if (event instanceof ModelChangeAccepted a) {
            changes.add("update model_change_proposals set status = 'accepted', decided_by = ?, decided_at = ?, accepted_as = ?, "
                    + "reapplied = ?, version = ? where id = ?", e.actor(), at, a.newVersion(), a.reapplied(), e.version(),
                    e.stream());
        } else if (event instanceof ModelChangeDeclined d) {
            changes.add("update model_change_proposals set status = 'declined', decided_by = ?, decided_at = ?, reason = ?, "
                    + "version = ? where id = ?", e.actor(), at, d.reason(), e.version(), e.stream());
        } else if (event instanceof ItemCompleted && e.eventId() == null) {
            // a follow-up's result; the first completion counts, a reopening takes it back
            changes.add("update insight_follow_ups set completed_at = ? where item_id = ? and completed_at is null", at,
                    e.stream());
        } else if (event instanceof ItemReopened && e.eventId() == null) {
            changes.add("update insight_follow_ups set completed_at = null where item_id = ?", e.stream());
        }
    }
}
