package dev.baton.engine.item;

import dev.baton.engine.event.BatonEvent;
import java.util.List;
import java.util.Map;

/**
 * What happened to a work item. Field values are kept as the JSON-friendly values the template
 * types map to: text, url, date (ISO-8601 text), enum, person, metric and component as String;
 * number as Double; list as List of String.
 */
public sealed interface WorkItemEvent extends BatonEvent {

    /** Created in its first stage; {@code parent} and {@code fromRequest} may be null. */
    record ItemCreated(String title, String stage, Map<String, Object> fields, String parent, String fromRequest)
            implements WorkItemEvent {
    }

    /** Fields set (a null value clears a field). */
    record FieldsUpdated(Map<String, Object> changes) implements WorkItemEvent {
    }

    /** The single accountable owner (a person id). */
    record OwnerAssigned(String owner, String previousOwner) implements WorkItemEvent {
    }

    /** Moved to another stage; {@code rework} when the move goes back in the listed stage order. */
    record StageEntered(String from, String to, boolean rework) implements WorkItemEvent {
    }

    /** Approval requested at the current stage from the gate's approvers (party ids). */
    record ApprovalRequested(String stage, List<String> approvers) implements WorkItemEvent {
    }

    /** Approved at a stage, on behalf of the party (function, team or person) whose right was used. */
    record ApprovalGranted(String stage, String onBehalfOf, String comment) implements WorkItemEvent {
    }

    /** Denied at a stage, on behalf of a party; the stage's approvals start over. */
    record ApprovalDenied(String stage, String onBehalfOf, String comment) implements WorkItemEvent {
    }

    /** Sent across a declared handoff; the item stays in {@code at.from} until accepted. */
    record HandoffSent(String fromFunction, String toFunction, String fromStage, String toStage,
                       Map<String, Object> handedOver) implements WorkItemEvent {
    }

    /** Accepted by the receiving function; a {@link StageEntered} follows in the same command. */
    record HandoffAccepted(String fromStage, String toStage) implements WorkItemEvent {
    }

    /** Rejected by the receiving function: a bounce-back, the item stays where it was. */
    record HandoffRejected(String fromStage, String toStage, String reason) implements WorkItemEvent {
    }

    record ItemBlocked(String reason) implements WorkItemEvent {
    }

    record ItemUnblocked(String reason) implements WorkItemEvent {
    }

    record CommentAdded(String text) implements WorkItemEvent {
    }

    /** Marked urgent: reactive work, counted by the debt report. */
    record MarkedUrgent(String reason) implements WorkItemEvent {
    }

    /** Inputs of the model's prioritisation scheme (reach, impact, … or the weighted fields). */
    record PriorityInputsSet(Map<String, Double> inputs) implements WorkItemEvent {
    }

    /** Finished in a final stage. */
    record ItemCompleted(String stage) implements WorkItemEvent {
    }

    /** Reopened after completion, into a stage of its flow. */
    record ItemReopened(String stage, String reason) implements WorkItemEvent {
    }

    /**
     * Moved from the model version it ran under to another one, into the stage the migration's
     * mapping names ({@code toStage} may equal {@code fromStage}). From here on the engine decides
     * the item's commands against {@code toVersion} and records its events with that version.
     */
    record ItemMigrated(int fromVersion, int toVersion, String fromStage, String toStage) implements WorkItemEvent {
    }

    /**
     * Results of an experiment were recorded on it (docs/experiments.md): the sufficient statistics
     * the upload was reduced to, never the uploaded file. {@code statistics} is the stored form of
     * {@code dev.baton.app.experiment.ExperimentData} (arms, users, settings, per metric and arm n and
     * sums); {@code summary} says it in a line for the timeline.
     *
     * @param upload the upload's id, unique within the item
     * @param format {@code units}, {@code stats}, {@code growthbook} or {@code optimizely}
     * @param file   the uploaded file's name (may be null)
     */
    record ExperimentResultsRecorded(String upload, String format, String file, Map<String, Object> statistics,
                                     String summary) implements WorkItemEvent {
    }
}
