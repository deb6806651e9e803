package dev.baton.engine.item;

import dev.baton.engine.approval.Approvals;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.handoff.PendingHandoff;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.HandoffSent;
import dev.baton.engine.item.WorkItemEvent.ItemBlocked;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.ItemUnblocked;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.PriorityInputsSet;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A work item as its events left it: the fold of its stream. Immutable; {@link #apply} returns
 * the next state. Nullable: {@code owner}, {@code parent}, {@code fromRequest},
 * {@code blockedReason}, {@code pendingHandoff}.
 *
 * @param modelVersion   the model version the item was created with; every command is checked
 *                       against it, so uploading a new model never changes the rules mid-flight
 * @param version        the number of events in the stream (the expected version of the next command)
 * @param approvals      approvals given at the current stage
 * @param stageEnteredAt when the item entered its current stage (for SLA clocks)
 */
public record WorkItem(WorkItemId id, String workType, int modelVersion, long version, String title, String stage,
                       Map<String, Object> fields, String owner, String parent, String fromRequest,
                       boolean blocked, String blockedReason, boolean urgent, boolean completed,
                       Approvals approvals, PendingHandoff pendingHandoff, Map<String, Double> priorityInputs,
                       int comments, Instant createdAt, Instant updatedAt, Instant stageEnteredAt) {

    /** The state of a stream, or null for a stream without an {@link ItemCreated} first. */
    public static WorkItem replay(List<RecordedEvent> events) {
        WorkItem item = null;
        for (RecordedEvent e : events) {
            item = item == null ? created(e) : item.apply(e);
        }
        return item;
    }

    /** The state after the first event of a stream, or null when that is not an {@link ItemCreated}. */
    public static WorkItem created(RecordedEvent e) {
        if (!(e.event() instanceof ItemCreated c)) {
            return null;
        }
        Map<String, Object> fields = Collections.unmodifiableMap(new LinkedHashMap<>(c.fields()));
        return new WorkItem(new WorkItemId(e.stream()), e.workType(), e.modelVersion(), e.version(), c.title(),
                c.stage(), fields, null, c.parent(), c.fromRequest(), false, null, false, false, Approvals.NONE,
                null, Map.of(), 0, e.at(), e.at(), e.at());
    }

    /** The state after one more event of this item's stream. */
    public WorkItem apply(RecordedEvent e) {
        if (!(e.event() instanceof WorkItemEvent event)) {
            return this;
        }
        return next(event, e.at()).at(e.version(), e.at());
    }

    // Java 17 has no pattern matching for switch; the chain is ordered by how often events occur.
    private WorkItem next(WorkItemEvent event, Instant at) {
        if (event instanceof StageEntered s) {
            return entered(s.to(), at);
        } else if (event instanceof FieldsUpdated u) {
            return withFields(merge(fields, u.changes()));
        } else if (event instanceof CommentAdded) {
            return withComments(comments + 1);
        } else if (event instanceof OwnerAssigned o) {
            return withOwner(o.owner());
        } else if (event instanceof ApprovalRequested) {
            return withApprovals(approvals.asked());
        } else if (event instanceof ApprovalGranted g) {
            return withApprovals(approvals.grantedBy(g.onBehalfOf()));
        } else if (event instanceof ApprovalDenied) {
            return withApprovals(Approvals.NONE);
        } else if (event instanceof HandoffSent h) {
            return withHandoff(new PendingHandoff(h.fromFunction(), h.toFunction(), h.fromStage(), h.toStage(), at));
        } else if (event instanceof HandoffAccepted || event instanceof HandoffRejected) {
            return withHandoff(null);
        } else if (event instanceof ItemBlocked b) {
            return withBlocked(true, b.reason());
        } else if (event instanceof ItemUnblocked) {
            return withBlocked(false, null);
        } else if (event instanceof MarkedUrgent) {
            return withUrgent();
        } else if (event instanceof PriorityInputsSet p) {
            return withPriorityInputs(p.inputs());
        } else if (event instanceof ItemCompleted) {
            return withCompleted(true);
        } else if (event instanceof ItemReopened) {
            return withCompleted(false);
        }
        return this; // ItemCreated again: ignored
    }

    private static Map<String, Object> merge(Map<String, Object> fields, Map<String, Object> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(fields);
        changes.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return Collections.unmodifiableMap(merged);
    }

    private WorkItem at(long newVersion, Instant at) {
        return new WorkItem(id, workType, modelVersion, newVersion, title, stage, fields, owner, parent, fromRequest,
                blocked, blockedReason, urgent, completed, approvals, pendingHandoff, priorityInputs, comments,
                createdAt, at, stageEnteredAt);
    }

    private WorkItem withFields(Map<String, Object> f) {
        return new WorkItem(id, workType, modelVersion, version, title, stage, f, owner, parent, fromRequest,
                blocked, blockedReason, urgent, completed, approvals, pendingHandoff, priorityInputs, comments,
                createdAt, updatedAt, stageEnteredAt);
    }

    private WorkItem withOwner(String o) {
        return new WorkItem(id, workType, modelVersion, version, title, stage, fields, o, parent, fromRequest,
                blocked, blockedReason, urgent, completed, approvals, pendingHandoff, priorityInputs, comments,
                createdAt, updatedAt, stageEnteredAt);
    }

    private WorkItem entered(String to, Instant at) {
        return new WorkItem(id, workType, modelVersion, version, title, to, fields, owner, parent, fromRequest,
                blocked, blockedReason, urgent, completed, Approvals.NONE, null, priorityInputs, comments,
                createdAt, updatedAt, at);
    }

    private WorkItem withApprovals(Approvals a) {
        return new WorkItem(id, workType, modelVersion, version, title, stage, fields, owner, parent, fromRequest,
                blocked, blockedReason, urgent, completed, a, pendingHandoff, priorityInputs, comments,
                createdAt, updatedAt, stageEnteredAt);
    }

    private WorkItem withHandoff(PendingHandoff h) {
        return new WorkItem(id, workType, modelVersion, version, title, stage, fields, owner, parent, fromRequest,
                blocked, blockedReason, urgent, completed, approvals, h, priorityInputs, comments,
                createdAt, updatedAt, stageEnteredAt);
    }

    private WorkItem withBlocked(boolean b, String reason) {
        return new WorkItem(id, workType, modelVersion, version, title, stage, fields, owner, parent, fromRequest,
                b, reason, urgent, completed, approvals, pendingHandoff, priorityInputs, comments,
                createdAt, updatedAt, stageEnteredAt);
    }

    private WorkItem withComments(int c) {
        return new WorkItem(id, workType, modelVersion, version, title, stage, fields, owner, parent, fromRequest,
                blocked, blockedReason, urgent, completed, approvals, pendingHandoff, priorityInputs, c,
                createdAt, updatedAt, stageEnteredAt);
    }

    private WorkItem withUrgent() {
        return new WorkItem(id, workType, modelVersion, version, title, stage, fields, owner, parent, fromRequest,
                blocked, blockedReason, true, completed, approvals, pendingHandoff, priorityInputs, comments,
                createdAt, updatedAt, stageEnteredAt);
    }

    private WorkItem withPriorityInputs(Map<String, Double> inputs) {
        Map<String, Double> merged = new LinkedHashMap<>(priorityInputs);
        merged.putAll(inputs);
        return new WorkItem(id, workType, modelVersion, version, title, stage, fields, owner, parent, fromRequest,
                blocked, blockedReason, urgent, completed, approvals, pendingHandoff,
                Collections.unmodifiableMap(merged), comments, createdAt, updatedAt, stageEnteredAt);
    }

    private WorkItem withCompleted(boolean c) {
        return new WorkItem(id, workType, modelVersion, version, title, stage, fields, owner, parent, fromRequest,
                blocked, blockedReason, urgent, c, approvals, pendingHandoff, priorityInputs, comments,
                createdAt, updatedAt, stageEnteredAt);
    }
}
