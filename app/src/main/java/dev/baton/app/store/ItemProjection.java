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
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.ItemUnblocked;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.PriorityInputsSet;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.model.GateMode;
import dev.baton.model.Stage;
import java.sql.Timestamp;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Work items as they are now (table {@code items}), the approvals still awaited
 * ({@code pending_approvals}) and the handoffs not yet answered ({@code pending_handoffs}).
 */
@Component
public class ItemProjection implements Projection {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcModelVersions models;

    public ItemProjection(JdbcModelVersions models) {
        this.models = models;
    }

    @Override
    public void apply(JdbcTemplate jdbc, RecordedEvent e) {
        if (!(e.event() instanceof WorkItemEvent event)) {
            return;
        }
        String id = e.stream();
        Timestamp at = Timestamp.from(e.at());
        if (event instanceof ItemCreated c) {
            jdbc.update("insert into items (id, work_type, model_version, title, stage, fields, parent, from_request, "
                            + "version, created_at, created_by, updated_at) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)",
                    id, e.workType(), e.modelVersion(), c.title(), c.stage(), json(c.fields()), c.parent(),
                    c.fromRequest(), e.version(), at, e.actor(), at);
            return;
        }
        jdbc.update("update items set version = ?, updated_at = ? where id = ?", e.version(), at, id);
        if (event instanceof FieldsUpdated f) {
            jdbc.update("update items set fields = jsonb_strip_nulls(fields || ?::jsonb) where id = ?", json(f.changes()), id);
        } else if (event instanceof OwnerAssigned o) {
            jdbc.update("update items set owner = ? where id = ?", o.owner(), id);
        } else if (event instanceof StageEntered s) {
            jdbc.update("update items set stage = ? where id = ?", s.to(), id);
            jdbc.update("delete from pending_approvals where item_id = ?", id);
        } else if (event instanceof ApprovalRequested r) {
            for (String approver : r.approvers()) {
                jdbc.update("insert into pending_approvals (item_id, stage, approver, requested_at, requested_by) "
                        + "values (?, ?, ?, ?, ?) on conflict do nothing", id, r.stage(), approver, at, e.actor());
            }
        } else if (event instanceof ApprovalGranted g) {
            if (gateMode(e, g.stage()) == GateMode.ANY) {
                jdbc.update("delete from pending_approvals where item_id = ? and stage = ?", id, g.stage());
            } else {
                jdbc.update("delete from pending_approvals where item_id = ? and stage = ? and approver = ?",
                        id, g.stage(), g.onBehalfOf());
            }
        } else if (event instanceof ApprovalDenied d) {
            jdbc.update("delete from pending_approvals where item_id = ? and stage = ?", id, d.stage());
        } else if (event instanceof HandoffSent h) {
            jdbc.update("insert into pending_handoffs (item_id, from_function, to_function, from_stage, to_stage, sent_at, "
                            + "sent_by) values (?, ?, ?, ?, ?, ?, ?) on conflict (item_id) do update set "
                            + "from_function = excluded.from_function, to_function = excluded.to_function, "
                            + "from_stage = excluded.from_stage, to_stage = excluded.to_stage, sent_at = excluded.sent_at, "
                            + "sent_by = excluded.sent_by",
                    id, h.fromFunction(), h.toFunction(), h.fromStage(), h.toStage(), at, e.actor());
        } else if (event instanceof HandoffAccepted || event instanceof HandoffRejected) {
            jdbc.update("delete from pending_handoffs where item_id = ?", id);
        } else if (event instanceof ItemBlocked b) {
            jdbc.update("update items set blocked = true, block_reason = ? where id = ?", b.reason(), id);
        } else if (event instanceof ItemUnblocked) {
            jdbc.update("update items set blocked = false, block_reason = null where id = ?", id);
        } else if (event instanceof MarkedUrgent) {
            jdbc.update("update items set urgent = true where id = ?", id);
        } else if (event instanceof PriorityInputsSet p) {
            jdbc.update("update items set priority = priority || ?::jsonb where id = ?", json(p.inputs()), id);
        } else if (event instanceof ItemCompleted c) {
            jdbc.update("update items set completed = true, stage = ? where id = ?", c.stage(), id);
            jdbc.update("delete from pending_approvals where item_id = ?", id);
        } else if (event instanceof ItemReopened r) {
            jdbc.update("update items set completed = false, stage = ? where id = ?", r.stage(), id);
        }
        // CommentAdded changes only the item's version.
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

    static String json(Object value) {
        return JSON.writeValueAsString(value == null ? java.util.Map.of() : value);
    }
}
