package dev.baton.engine.learning;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import java.util.List;
import java.util.Map;

/**
 * What a team learned and what it did about it: post-mortems of finished work, insights tagged to
 * the model's components, the follow-up work they started and the changes to the operating model
 * they proposed, with the model owner's decision (docs/learning-loops.md). These are about work,
 * not work: their streams ({@code post-mortem:<item>}, {@code insight-…}, {@code change-…}) are
 * never items, so no count of items, flow map or debt figure sees them ({@link #isLearning}).
 * Who and when are on the envelope.
 */
public sealed interface LearningEvent extends BatonEvent {

    /** Every post-mortem's stream starts so: {@code post-mortem:<item id>}, one per reviewed item. */
    String POST_MORTEM_PREFIX = "post-mortem:";

    static String postMortemStream(String item) {
        return POST_MORTEM_PREFIX + item;
    }

    /** Whether the event is learning about work rather than work: readers of the flow leave it out. */
    static boolean isLearning(RecordedEvent e) {
        return e.event() instanceof LearningEvent;
    }

    /**
     * A post-mortem of a finished item was written (again, when its stream has one already: the
     * latest text stands).
     *
     * @param item     the reviewed item
     * @param title    its title when it was reviewed
     * @param facts    the facts from the log as the team saw them (sentences: dates, SLA overruns,
     *                 rework, approval waits, rejected handoffs, outcomes)
     * @param wentWell what went well, in the team's words
     * @param toChange what to change
     */
    record PostMortemWritten(String item, String title, List<String> facts, String wentWell, String toChange)
            implements LearningEvent {
        public PostMortemWritten {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    /**
     * Something learned, tagged to components of the model.
     *
     * @param source    where it comes from: {@code post-mortem}, {@code experiment} or {@code direct}
     * @param sourceRef the reviewed item of a post-mortem, the experiment's id; null when direct
     */
    record InsightRecorded(String title, String finding, List<String> tags, String source, String sourceRef)
            implements LearningEvent {
        public InsightRecorded {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** Work started because of the insight: the item (of work type {@code itemType}) was created in the same append. */
    record FollowUpCreated(String item, String itemType, String title) implements LearningEvent {
    }

    /**
     * A change to the operating model proposed from an insight, kept as its members
     * ({@code dev.baton.model.change.ProposedChange}) so that it can be written again on a newer
     * version than {@code baseVersion}, the version it was proposed on.
     */
    record ModelChangeProposed(String insight, Map<String, Object> change, int baseVersion, String summary)
            implements LearningEvent {
    }

    /**
     * The model's owner accepted the change: it became model version {@code newVersion}. {@code reapplied}
     * when a newer version than the base was current, so the change was written again on its text.
     */
    record ModelChangeAccepted(String insight, int newVersion, int baseVersion, boolean reapplied) implements LearningEvent {
    }

    /** The model's owner declined the change, saying why. */
    record ModelChangeDeclined(String insight, String reason) implements LearningEvent {
    }
}
