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
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
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
 * @param modelVersion   the model version the item runs under: the one it was created with, or the
 *                       one it was last migrated to ({@link ItemMigrated}); every command is checked
 *                       against it, so uploading a new model never changes the rules mid-flight
 * @param version        the number of events in the stream (the expected version of the next command)
 * @param approvals      approvals given at the current stage
 * @param stageEnteredAt when the item entered its current stage (for SLA clocks)
 * @param migratedFrom   the version the item's last migration came from, 0 when it never migrated
 */
public record WorkItem(WorkItemId id, String workType, int modelVersion, long version, String title, String stage,
                       Map<String, Object> fields, String owner, String parent, String fromRequest,
                       boolean blocked, String blockedReason, boolean urgent, boolean completed,
                       Approvals approvals, PendingHandoff pendingHandoff, Map<String, Double> priorityInputs,
                       int comments, Instant createdAt, Instant updatedAt, Instant stageEnteredAt,
                       int migratedFrom) {

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
        // Imported logs may carry nulls where the engine never writes them: fold them as "nothing".
        Map<String, Object> fields = c.fields() == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(c.fields()));
        return new WorkItem(new WorkItemId(e.stream()), e.workType(), e.modelVersion(), e.version(), c.title(),
                c.stage(), fields, null, c.parent(), c.fromRequest(), false, null, false, false, Approvals.NONE,
                null, Map.of(), 0, e.at(), e.at(), e.at(), 0);
    }

    /** The state after one more event of this item's stream. */
    public WorkItem apply(RecordedEvent e) {
        if (!(e.event() instanceof WorkItemEvent event)) {
            return this;
        }
        Next n = new Next(this);
        n.version = e.version();
        n.updatedAt = e.at();
        // Java 17 has no pattern matching for switch; the chain is ordered by how often events occur.
        if (event instanceof StageEntered s) {
            n.stage = s.to();
            n.approvals = Approvals.NONE;
            n.pendingHandoff = null;
            n.stageEnteredAt = e.at();
        } else if (event instanceof FieldsUpdated u && u.changes() != null) {
            n.fields = merge(fields, u.changes());
        } else if (event instanceof CommentAdded) {
            n.comments++;
        } else if (event instanceof OwnerAssigned o) {
            n.owner = o.owner();
        } else if (event instanceof ApprovalRequested) {
            n.approvals = approvals.asked();
        } else if (event instanceof ApprovalGranted g) {
            n.approvals = approvals.grantedBy(g.onBehalfOf());
        } else if (event instanceof ApprovalDenied) {
            n.approvals = Approvals.NONE;
        } else if (event instanceof HandoffSent h) {
            n.pendingHandoff = new PendingHandoff(h.fromFunction(), h.toFunction(), h.fromStage(), h.toStage(), e.at());
        } else if (event instanceof HandoffAccepted || event instanceof HandoffRejected) {
            n.pendingHandoff = null;
        } else if (event instanceof ItemBlocked b) {
            n.blocked = true;
            n.blockedReason = b.reason();
        } else if (event instanceof ItemUnblocked) {
            n.blocked = false;
            n.blockedReason = null;
        } else if (event instanceof MarkedUrgent) {
            n.urgent = true;
        } else if (event instanceof PriorityInputsSet p && p.inputs() != null) {
            Map<String, Double> merged = new LinkedHashMap<>(priorityInputs);
            merged.putAll(p.inputs());
            n.priorityInputs = Collections.unmodifiableMap(merged);
        } else if (event instanceof ItemCompleted) {
            n.completed = true;
        } else if (event instanceof ItemReopened) {
            n.completed = false;
        } else if (event instanceof ItemMigrated m) {
            // The new version's gate starts afresh; the stage clock only when the stage changes.
            n.modelVersion = m.toVersion();
            n.migratedFrom = m.fromVersion();
            n.approvals = Approvals.NONE;
            if (!java.util.Objects.equals(m.toStage(), stage)) {
                n.stageEnteredAt = e.at();
            }
            n.stage = m.toStage();
        }
        return n.done();
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

    /** The next state while an event is applied to it. */
    private static final class Next {
        final WorkItem from;
        int modelVersion;
        int migratedFrom;
        long version;
        String stage;
        Map<String, Object> fields;
        String owner;
        boolean blocked;
        String blockedReason;
        boolean urgent;
        boolean completed;
        Approvals approvals;
        PendingHandoff pendingHandoff;
        Map<String, Double> priorityInputs;
        int comments;
        Instant updatedAt;
        Instant stageEnteredAt;

        Next(WorkItem w) {
            from = w;
            modelVersion = w.modelVersion;
            migratedFrom = w.migratedFrom;
            stage = w.stage;
            fields = w.fields;
            owner = w.owner;
            blocked = w.blocked;
            blockedReason = w.blockedReason;
            urgent = w.urgent;
            completed = w.completed;
            approvals = w.approvals;
            pendingHandoff = w.pendingHandoff;
            priorityInputs = w.priorityInputs;
            comments = w.comments;
            stageEnteredAt = w.stageEnteredAt;
        }

        WorkItem done() {
            return new WorkItem(from.id, from.workType, modelVersion, version, from.title, stage, fields, owner,
                    from.parent, from.fromRequest, blocked, blockedReason, urgent, completed, approvals,
                    pendingHandoff, priorityInputs, comments, from.createdAt, updatedAt, stageEnteredAt, migratedFrom);
        }
    }
}
