package dev.baton.engine.learning;

import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.model.change.ProposedChange;
import java.util.List;

/** What people do with what they learned; each is decided by {@link LearningDecider} and recorded as a {@link LearningEvent}. */
public sealed interface LearningCommand {

    /** Write (or rewrite) the post-mortem of a completed item, with the facts from the log as shown. */
    record WritePostMortem(String item, String wentWell, String toChange, List<String> facts) implements LearningCommand {
        public WritePostMortem {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    /**
     * Record an insight; with a {@code change}, the change is proposed in the same append.
     *
     * @param source    {@code post-mortem} (then {@code sourceRef} is the reviewed item), {@code experiment}
     *                  ({@code sourceRef}: the experiment's id) or {@code direct}
     */
    record RecordInsight(String title, String finding, List<String> tags, String source, String sourceRef,
                         ProposedChange change) implements LearningCommand {
        public RecordInsight {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** Propose a change to the current model version from an insight. */
    record ProposeModelChange(ProposedChange change) implements LearningCommand {
    }

    /** Create a work item to act on an insight, linked to it. */
    record CreateFollowUp(CreateItem item) implements LearningCommand {
    }

    /** The model's owner accepts a proposed change: it becomes a new model version. */
    record AcceptModelChange() implements LearningCommand {
    }

    /** The model's owner declines a proposed change, saying why. */
    record DeclineModelChange(String reason) implements LearningCommand {
    }
}
