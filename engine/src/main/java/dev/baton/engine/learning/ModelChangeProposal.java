package dev.baton.engine.learning;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.learning.LearningEvent.ModelChangeAccepted;
import dev.baton.engine.learning.LearningEvent.ModelChangeDeclined;
import dev.baton.engine.learning.LearningEvent.ModelChangeProposed;
import java.time.Instant;
import java.util.Map;

/**
 * A proposed change to the operating model as its stream left it: open until the model's owner
 * accepts it (it became model version {@code acceptedAs}) or declines it with a reason.
 *
 * @param change      the change's members ({@code dev.baton.model.change.ProposedChange#members})
 * @param baseVersion the model version it was proposed on
 * @param reapplied   accepted on a newer version than the base: written again on that version's text
 */
public record ModelChangeProposal(String id, String insight, Map<String, Object> change, int baseVersion, String summary,
                                  String proposedBy, Instant proposedAt, Status status, String decidedBy, Instant decidedAt,
                                  String reason, Integer acceptedAs, boolean reapplied, long version) {

    public enum Status {
        OPEN, ACCEPTED, DECLINED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static ModelChangeProposal start(RecordedEvent e) {
        return e.event() instanceof ModelChangeProposed p ? new ModelChangeProposal(e.stream(), p.insight(), p.change(),
                p.baseVersion(), p.summary(), e.actor(), e.at(), Status.OPEN, null, null, null, null, false, e.version()) : null;
    }

    public ModelChangeProposal apply(RecordedEvent e) {
        if (e.event() instanceof ModelChangeAccepted a) {
            return new ModelChangeProposal(id, insight, change, baseVersion, summary, proposedBy, proposedAt, Status.ACCEPTED,
                    e.actor(), e.at(), null, a.newVersion(), a.reapplied(), e.version());
        }
        if (e.event() instanceof ModelChangeDeclined d) {
            return new ModelChangeProposal(id, insight, change, baseVersion, summary, proposedBy, proposedAt, Status.DECLINED,
                    e.actor(), e.at(), d.reason(), null, false, e.version());
        }
        return new ModelChangeProposal(id, insight, change, baseVersion, summary, proposedBy, proposedAt, status, decidedBy,
                decidedAt, reason, acceptedAs, reapplied, e.version());
    }
}
