package dev.baton.app.store;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
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
import dev.baton.engine.version.ModelVersions;
import dev.baton.model.GateMode;
import dev.baton.model.Stage;
import java.sql.Timestamp;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Work items as they are now (table {@code items}), the approvals still awaited
 * ({@code pending_approvals}) and the handoffs not yet answered ({@code pending_handoffs}).
 */
@Component
public class ItemProjection implements Projection {

    private final ModelVersions models;

    public ItemProjection(ModelVersions models) {
        this.models = models;
    }

    @Override
    public void changes(RecordedEvent e, Changes changes) {
        if (!(e.event() instanceof WorkItemEvent event)) {
            return;
        }
        String id = e.stream();
        Timestamp at = Timestamp.from(e.at());
        if (event instanceof ItemCreated c) {
            changes.add("insert into items (id, work_type, model_version, title, stage, fields, parent, from_request, "
                            + "version, created_at, created_by, updated_at) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)",
                    id, e.workType(), e.modelVersion(), c.title(), c.stage(), json(c.fields()), c.parent(),
                    c.fromRequest(), e.version(), at, e.actor(), at);
            return;
        }
        if (event instanceof FieldsUpdated f) {
            set(changes, e, "fields = jsonb_strip_nulls(fields || ?::jsonb)", json(f.changes()));
        } else if (event instanceof OwnerAssigned o) {
            set(changes, e, "owner = ?", o.owner());
        } else if (event instanceof StageEntered s) {
            set(changes, e, "stage = ?", s.to());
            changes.add("delete from pending_approvals where item_id = ?", id);
        } else if (event instanceof ApprovalRequested r) {
            set(changes, e, null);
            for (String approver : new java.util.LinkedHashSet<>(r.approvers())) { // one row each: one statement
                changes.add("insert into pending_approvals (item_id, stage, approver, requested_at, requested_by) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing", id, r.stage(), approver, at, e.actor());
            }
        } else if (event instanceof ApprovalGranted g) {
            set(changes, e, null);
            if (gateMode(e, g.stage()) == GateMode.ANY) {
                changes.add("delete from pending_approvals where item_id = ? and stage = ?", id, g.stage());
            } else {
                changes.add("delete from pending_approvals where item_id = ? and stage = ? and approver = ?",
                        id, g.stage(), g.onBehalfOf());
            }
        } else if (event instanceof ApprovalDenied d) {
            set(changes, e, null);
            changes.add("delete from pending_approvals where item_id = ? and stage = ?", id, d.stage());
        } else if (event instanceof HandoffSent h) {
            set(changes, e, null);
            changes.add("insert into pending_handoffs (item_id, from_function, to_function, from_stage, to_stage, sent_at, "
                            + "sent_by) values (?, ?, ?, ?, ?, ?, ?) on conflict (item_id) do update set "
                            + "from_function = excluded.from_function, to_function = excluded.to_function, "
                            + "from_stage = excluded.from_stage, to_stage = excluded.to_stage, sent_at = excluded.sent_at, "
                            + "sent_by = excluded.sent_by",
                    id, h.fromFunction(), h.toFunction(), h.fromStage(), h.toStage(), at, e.actor());
        } else if (event instanceof HandoffAccepted || event instanceof HandoffRejected) {
            set(changes, e, null);
            changes.add("delete from pending_handoffs where item_id = ?", id);
        } else if (event instanceof ItemBlocked b) {
            set(changes, e, "blocked = true, block_reason = ?", b.reason());
        } else if (event instanceof ItemUnblocked) {
            set(changes, e, "blocked = false, block_reason = null");
        } else if (event instanceof MarkedUrgent) {
            set(changes, e, "urgent = true");
        } else if (event instanceof PriorityInputsSet p) {
            set(changes, e, "priority = priority || ?::jsonb", json(p.inputs()));
        } else if (event instanceof ItemCompleted c) {
            set(changes, e, "completed = true, stage = ?", c.stage());
            changes.add("delete from pending_approvals where item_id = ?", id);
        } else if (event instanceof ItemReopened r) {
            set(changes, e, "completed = false, stage = ?", r.stage());
        } else if (event instanceof ItemMigrated m) {
            // The new version's gate starts afresh, as in WorkItem.apply.
            set(changes, e, "model_version = ?, stage = ?", m.toVersion(), m.toStage());
            changes.add("delete from pending_approvals where item_id = ?", id);
        } else {
            set(changes, e, null); // CommentAdded changes only the item's version
        }
    }

    /** One update of the item's row: its new version and time, and what the event changed ({@code assignments}). */
    private static void set(Changes changes, RecordedEvent e, String assignments, Object... args) {
        Object[] all = new Object[args.length + 3];
        all[0] = e.version();
        all[1] = Timestamp.from(e.at());
        System.arraycopy(args, 0, all, 2, args.length);
        all[all.length - 1] = e.stream();
        changes.add("update items set version = ?, updated_at = ?" + (assignments == null ? "" : ", " + assignments)
                + " where id = ?", all);
    }

    /** The gate mode of a stage in the model version the item was created with ({@code all} when unknown). */
    private GateMode gateMode(RecordedEvent e, String stageId) {
        return models.get(e.modelVersion())
                .flatMap(v -> v.model().workType(e.workType()))
                .flatMap(w -> w.stages().stream().filter(s -> Objects.equals(s.id(), stageId)).findFirst())
                .map(Stage::gate)
                .map(g -> g.mode())
                .orElse(GateMode.ALL);
    }

    /** JSON for a {@code jsonb} column, doubles written so that they read back as doubles. */
    static String json(Object value) {
        return JdbcEventStore.PAYLOAD.writeValueAsString(value == null ? java.util.Map.of() : value);
    }
}
