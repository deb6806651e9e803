package dev.baton.app.web;

import dev.baton.engine.batch.BatchEvent.BatchImported;
import dev.baton.engine.batch.BatchEvent.ImportRetracted;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.intake.IntakeEvent.RequestAccepted;
import dev.baton.engine.intake.IntakeEvent.RequestDeclined;
import dev.baton.engine.intake.IntakeEvent.RequestDeferred;
import dev.baton.engine.intake.IntakeEvent.RequestSubmitted;
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
import dev.baton.engine.rights.Names;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.time.Instant;
import java.util.List;

/**
 * Events as the sentences of an item's timeline ("Maya Chen approved Brief review for Maya
 * Chen"), named the way the engine's rejections name things. {@code bad} marks what went wrong or
 * back: denials, rejected handoffs, blocks, rework.
 */
final class EventSentences {

    record Line(Instant at, String type, String actor, String sentence, String detail, boolean bad) {
    }

    private EventSentences() {
    }

    static Line of(OperatingModel model, RecordedEvent e) {
        WorkType type = e.workType() == null ? null : model.workType(e.workType()).orElse(null);
        Template template = type == null || type.template() == null ? null : model.template(type.template()).orElse(null);
        String who = "baton".equals(e.actor()) ? "Baton" : Names.person(model, e.actor());
        Object ev = e.event();
        String sentence;
        String detail = null;
        boolean bad = false;
        if (ev instanceof ItemCreated c) {
            sentence = "created it in " + stage(type, c.stage());
        } else if (ev instanceof FieldsUpdated u) {
            sentence = "updated " + Names.and(u.changes().keySet().stream().map(f -> Names.field(template, f)).toList());
        } else if (ev instanceof OwnerAssigned o) {
            // Imported history has unassignments (Jira's assignee cleared): an owner of null.
            sentence = o.owner() == null ? "removed the owner" : "made " + Names.person(model, o.owner()) + " the owner";
        } else if (ev instanceof StageEntered s) {
            sentence = (s.rework() ? "sent it back from " : "moved it from ") + stage(type, s.from()) + " to "
                    + stage(type, s.to());
            bad = s.rework();
        } else if (ev instanceof ApprovalRequested r) {
            sentence = "asked " + Names.and(r.approvers().stream().map(p -> Names.party(model, p)).toList())
                    + " to approve " + stage(type, r.stage());
        } else if (ev instanceof ApprovalGranted g) {
            sentence = "approved " + stage(type, g.stage()) + " for " + Names.party(model, g.onBehalfOf());
            detail = g.comment();
        } else if (ev instanceof ApprovalDenied d) {
            sentence = "denied " + stage(type, d.stage()) + " for " + Names.party(model, d.onBehalfOf());
            detail = d.comment();
            bad = true;
        } else if (ev instanceof HandoffSent h) {
            sentence = "handed it over from " + Names.party(model, h.fromFunction()) + " to "
                    + Names.party(model, h.toFunction()) + " (" + stage(type, h.fromStage()) + " → "
                    + stage(type, h.toStage()) + ")";
        } else if (ev instanceof HandoffAccepted a) {
            sentence = "accepted the handoff into " + stage(type, a.toStage());
        } else if (ev instanceof HandoffRejected r) {
            sentence = "rejected the handoff to " + stage(type, r.toStage());
            detail = r.reason();
            bad = true;
        } else if (ev instanceof ItemBlocked b) {
            sentence = "blocked it";
            detail = b.reason();
            bad = true;
        } else if (ev instanceof ItemUnblocked u) {
            sentence = "unblocked it";
            detail = u.reason();
        } else if (ev instanceof CommentAdded c) {
            sentence = "commented";
            detail = c.text();
        } else if (ev instanceof MarkedUrgent m) {
            sentence = "marked it urgent";
            detail = m.reason();
            bad = true;
        } else if (ev instanceof PriorityInputsSet p) {
            sentence = "set the priority inputs " + p.inputs();
        } else if (ev instanceof ItemCompleted c) {
            sentence = "completed it in " + stage(type, c.stage());
        } else if (ev instanceof ItemReopened r) {
            sentence = "reopened it in " + stage(type, r.stage());
            detail = r.reason();
        } else if (ev instanceof ItemMigrated m) {
            sentence = "migrated it from model version " + m.fromVersion() + " (" + Names.words(m.fromStage())
                    + ") to version " + m.toVersion() + " (" + stage(type, m.toStage()) + ")";
        } else if (ev instanceof RequestSubmitted s) {
            sentence = "submitted the request through " + s.form();
        } else if (ev instanceof RequestAccepted a) {
            sentence = "accepted the request";
            detail = a.reason();
        } else if (ev instanceof RequestDeclined d) {
            sentence = "declined the request";
            detail = d.reason();
        } else if (ev instanceof RequestDeferred d) {
            sentence = "deferred the request" + (d.until() == null ? "" : " until " + d.until());
            detail = d.reason();
        } else if (ev instanceof BatchImported b) {
            sentence = "imported " + b.events() + " events of " + b.items() + " items as batch " + b.batch();
            detail = b.file();
        } else if (ev instanceof ImportRetracted r) {
            sentence = "retracted import batch " + r.batch() + " (" + r.events() + " events)";
        } else if (ev instanceof dev.baton.engine.item.WorkItemEvent.ExperimentResultsRecorded x) {
            sentence = "recorded experiment results from " + (x.file() == null ? "an upload" : x.file());
            detail = x.summary();
        } else {
            sentence = "recorded " + e.type();
        }
        return new Line(e.at(), e.type(), who, sentence, detail, bad);
    }

    static List<Line> of(OperatingModel model, List<RecordedEvent> events) {
        return events.stream().map(e -> of(model, e)).toList();
    }

    private static String stage(WorkType type, String stage) {
        return type == null || stage == null ? String.valueOf(stage) : Names.stage(type, stage);
    }
}
