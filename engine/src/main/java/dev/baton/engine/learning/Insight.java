package dev.baton.engine.learning;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.learning.LearningEvent.FollowUpCreated;
import dev.baton.engine.learning.LearningEvent.InsightRecorded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An insight as its stream left it: what was learned, its component tags and where it came from,
 * and the follow-up work it started.
 *
 * @param modelVersion the model version its tags were checked against
 */
public record Insight(String id, String title, String finding, List<String> tags, String source, String sourceRef,
                      String recordedBy, Instant recordedAt, int modelVersion, List<FollowUp> followUps, long version) {

    /** Where an insight comes from. */
    public static final String POST_MORTEM = "post-mortem";
    public static final String EXPERIMENT = "experiment";
    public static final String DIRECT = "direct";
    public static final List<String> SOURCES = List.of(POST_MORTEM, EXPERIMENT, DIRECT);

    /** A work item created to act on the insight. */
    public record FollowUp(String item, String workType, String title, String createdBy, Instant createdAt) {
    }

    public static Insight start(RecordedEvent e) {
        return e.event() instanceof InsightRecorded r ? new Insight(e.stream(), r.title(), r.finding(), r.tags(), r.source(),
                r.sourceRef(), e.actor(), e.at(), e.modelVersion(), List.of(), e.version()) : null;
    }

    public Insight apply(RecordedEvent e) {
        List<FollowUp> followUps = this.followUps;
        if (e.event() instanceof FollowUpCreated f) {
            followUps = new ArrayList<>(this.followUps);
            followUps.add(new FollowUp(f.item(), f.itemType(), f.title(), e.actor(), e.at()));
            followUps = List.copyOf(followUps);
        }
        return new Insight(id, title, finding, tags, source, sourceRef, recordedBy, recordedAt, modelVersion, followUps,
                e.version());
    }
}
