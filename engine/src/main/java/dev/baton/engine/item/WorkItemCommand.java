package dev.baton.engine.item;

import java.util.List;
import java.util.Map;

/** What a person asks of a work item. Each is checked against the model before anything is recorded. */
public sealed interface WorkItemCommand {

    /** Create an item of a work type; {@code parent} and {@code fromRequest} may be null. */
    record CreateItem(String workType, String title, Map<String, Object> fields, String parent, String fromRequest)
            implements WorkItemCommand {
    }

    record UpdateFields(Map<String, Object> changes) implements WorkItemCommand {
    }

    record AssignOwner(String owner) implements WorkItemCommand {
    }

    /** Move to a stage; across a declared handoff this sends the handoff instead. */
    record MoveTo(String stage) implements WorkItemCommand {
    }

    record RequestApproval() implements WorkItemCommand {
    }

    record Approve(String comment) implements WorkItemCommand {
    }

    record Deny(String comment) implements WorkItemCommand {
    }

    /** Hand off to the next stage across a declared handoff ({@code toStage} null: the only one). */
    record HandOff(String toStage) implements WorkItemCommand {
    }

    record AcceptHandoff() implements WorkItemCommand {
    }

    record RejectHandoff(String reason) implements WorkItemCommand {
    }

    record Block(String reason) implements WorkItemCommand {
    }

    record Unblock(String reason) implements WorkItemCommand {
    }

    record Comment(String text) implements WorkItemCommand {
    }

    record MarkUrgent(String reason) implements WorkItemCommand {
    }

    record SetPriorityInputs(Map<String, Double> inputs) implements WorkItemCommand {
    }

    record Complete() implements WorkItemCommand {
    }

    /** Reopen a completed item into a stage ({@code stage} null: the first stage). */
    record Reopen(String stage, String reason) implements WorkItemCommand {
    }

    /**
     * Record an experiment's results, reduced to sufficient statistics by the caller (the upload is
     * read and checked before; the engine checks only that the item can still take results). Not one
     * of {@link #NAMES}: it has its own endpoint, {@code /items/{id}/experiment-results}.
     */
    record RecordExperimentResults(String upload, String format, String file, Map<String, Object> statistics,
                                   String summary) implements WorkItemCommand {
    }

    /** The names of the commands as the REST API spells them ({@code move-to}, {@code request-approval}, …). */
    List<String> NAMES = List.of("create", "update-fields", "assign-owner", "move-to", "request-approval", "approve",
            "deny", "hand-off", "accept-handoff", "reject-handoff", "block", "unblock", "comment", "mark-urgent",
            "set-priority-inputs", "complete", "reopen");
}
