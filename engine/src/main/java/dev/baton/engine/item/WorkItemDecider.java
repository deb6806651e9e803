package dev.baton.engine.item;

import dev.baton.engine.Actor;
import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.approval.Gates;
import dev.baton.engine.field.FieldValues;
import dev.baton.engine.handoff.Handoffs;
import dev.baton.engine.item.WorkItemCommand.AcceptHandoff;
import dev.baton.engine.item.WorkItemCommand.Approve;
import dev.baton.engine.item.WorkItemCommand.AssignOwner;
import dev.baton.engine.item.WorkItemCommand.Block;
import dev.baton.engine.item.WorkItemCommand.Comment;
import dev.baton.engine.item.WorkItemCommand.Complete;
import dev.baton.engine.item.WorkItemCommand.CreateItem;
import dev.baton.engine.item.WorkItemCommand.Deny;
import dev.baton.engine.item.WorkItemCommand.HandOff;
import dev.baton.engine.item.WorkItemCommand.MarkUrgent;
import dev.baton.engine.item.WorkItemCommand.MoveTo;
import dev.baton.engine.item.WorkItemCommand.RejectHandoff;
import dev.baton.engine.item.WorkItemCommand.Reopen;
import dev.baton.engine.item.WorkItemCommand.RequestApproval;
import dev.baton.engine.item.WorkItemCommand.SetPriorityInputs;
import dev.baton.engine.item.WorkItemCommand.Unblock;
import dev.baton.engine.item.WorkItemCommand.UpdateFields;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.ItemBlocked;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.ItemUnblocked;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.PriorityInputsSet;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Reasons;
import dev.baton.engine.rights.Rights;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision function of work items under one model version: given an item's state, who asks
 * and what, it returns the events to record or a {@link Rejection}. Pure: it reads no clock and
 * stores nothing, so the engine, the simulator and tests share it.
 *
 * <p>Who may do what: approving and denying needs a gate approver's right, accepting and rejecting
 * a handoff needs membership of the receiving function; every other command may be given by any
 * person of the model, or by Baton itself ({@link Actor#SYSTEM}). Roles such as "viewer" are
 * checked by the app before a command gets here.
 */
public final class WorkItemDecider {

    private final OperatingModel model;
    private final Map<String, Flow> flows = new HashMap<>();
    private final PriorityInputs priorityInputs;
    private final Rights rights;

    public WorkItemDecider(OperatingModel model) {
        this.model = model;
        this.rights = new Rights(model);
        for (WorkType type : model.workTypes()) {
            if (type.id() != null && !type.stages().isEmpty()) {
                flows.put(type.id(), Flow.of(model, type));
            }
        }
        this.priorityInputs = new PriorityInputs(model);
    }

    public OperatingModel model() {
        return model;
    }

    /**
     * Decides a create command; {@code parent} is the parent item's state when the command names
     * one that exists (the caller answers NOT_FOUND otherwise).
     */
    public Decision create(Actor actor, CreateItem command, WorkItem parent) {
        Rejection who = person(actor);
        if (who != null) {
            return Decision.reject(who);
        }
        Flow flow = command.workType() == null ? null : flows.get(command.workType());
        if (flow == null) {
            return Decision.reject(Code.NOT_FOUND, model.name() + " has no work type '" + command.workType()
                    + "'; it has " + String.join(", ", flows.keySet().stream().sorted().toList()));
        }
        if (command.title() == null || command.title().isBlank()) {
            return Decision.reject(Code.INVALID_INPUT, "A new " + Names.lower(Names.workType(flow.type()))
                    + " needs a title");
        }
        FieldValues.Checked fields = FieldValues.check(model, flow.template(), Names.workType(flow.type()),
                command.fields(), false);
        if (!fields.ok()) {
            return Decision.reject(Code.INVALID_INPUT, fields.sentence());
        }
        if (parent != null && flow.type().parent() != null && !flow.type().parent().equals(parent.workType())) {
            return Decision.reject(Code.INVALID_INPUT, "A " + Names.lower(Names.workType(flow.type()))
                    + " belongs under a " + Names.lower(flowName(flow.type().parent())) + ", not under a "
                    + Names.lower(flowName(parent.workType())));
        }
        return Decision.record(new ItemCreated(command.title().strip(), flow.first(), fields.values(),
                command.parent(), command.fromRequest()));
    }

    /** Decides a command on an existing item (never {@link CreateItem}). */
    public Decision decide(WorkItem item, Actor actor, WorkItemCommand command) {
        Rejection who = person(actor);
        if (who != null) {
            return Decision.reject(who);
        }
        Flow flow = flows.get(item.workType());
        if (flow == null) {
            throw new IllegalStateException("work type " + item.workType() + " is not in model version "
                    + item.modelVersion());
        }
        if (command instanceof CreateItem) {
            return Decision.reject(Code.WRONG_STATE, "This " + what(flow) + " already exists");
        }
        if (item.completed() && !(command instanceof Reopen) && !(command instanceof Comment)) {
            return Decision.reject(Code.WRONG_STATE, "This " + what(flow) + " is completed; reopen it first");
        }
        if (command instanceof MoveTo m) {
            return move(item, flow, m.stage());
        } else if (command instanceof UpdateFields u) {
            return updateFields(item, flow, u);
        } else if (command instanceof Comment c) {
            return Reasons.missing(c.text()) ? Decision.reject(Code.INVALID_INPUT, "A comment needs some text")
                    : Decision.record(new CommentAdded(c.text().strip()));
        } else if (command instanceof Approve a) {
            return approve(item, flow, actor, a.comment());
        } else if (command instanceof Deny d) {
            return deny(item, flow, actor, d.comment());
        } else if (command instanceof RequestApproval) {
            return requestApproval(item, flow);
        } else if (command instanceof HandOff h) {
            return handOff(item, flow, h.toStage());
        } else if (command instanceof AcceptHandoff) {
            return receive(item, flow, actor, null, true);
        } else if (command instanceof RejectHandoff r) {
            return receive(item, flow, actor, r.reason(), false);
        } else if (command instanceof AssignOwner a) {
            return assign(item, flow, a.owner());
        } else if (command instanceof Block b) {
            return block(item, flow, b.reason());
        } else if (command instanceof Unblock u) {
            return item.blocked() ? Decision.record(new ItemUnblocked(Reasons.orNull(u.reason())))
                    : Decision.reject(Code.WRONG_STATE, "This " + what(flow) + " is not blocked");
        } else if (command instanceof MarkUrgent m) {
            return item.urgent() ? Decision.reject(Code.WRONG_STATE, "This " + what(flow) + " is already urgent")
                    : Decision.record(new MarkedUrgent(Reasons.orNull(m.reason())));
        } else if (command instanceof SetPriorityInputs p) {
            Rejection bad = priorityInputs.check(p.inputs());
            return bad != null ? Decision.reject(bad) : Decision.record(new PriorityInputsSet(Map.copyOf(p.inputs())));
        } else if (command instanceof Complete) {
            return complete(item, flow);
        } else if (command instanceof Reopen r) {
            return reopen(item, flow, r);
        }
        throw new IllegalArgumentException("unknown command " + command);
    }

    private Decision move(WorkItem item, Flow flow, String to) {
        Stage target = to == null ? null : flow.stage(to);
        if (target == null) {
            return Decision.reject(Code.NOT_FOUND, "A " + Names.lower(Names.workType(flow.type()))
                    + " has no stage '" + to + "'; its stages are " + String.join(", ", flow.order().keySet()
                    .stream().sorted((a, b) -> flow.order().get(a) - flow.order().get(b)).toList()));
        }
        Rejection state = movable(item, flow);
        if (state != null) {
            return Decision.reject(state);
        }
        if (to.equals(item.stage())) {
            return Decision.reject(Code.WRONG_STATE, "This " + what(flow) + " is already in "
                    + Names.stage(flow.type(), to));
        }
        Rejection transition = Moves.transition(flow, item.stage(), to);
        if (transition != null) {
            return Decision.reject(transition);
        }
        boolean rework = flow.rework(item.stage(), to);
        if (!rework) {
            // Going back (rework) needs no sign-off; going forward needs the stage finished and approved.
            Stage current = flow.stage(item.stage());
            String before = "before " + Names.stage(flow.type(), to);
            Rejection exit = Moves.exitCriteria(flow, current, item.fields(), before);
            if (exit != null) {
                return Decision.reject(exit);
            }
            Rejection gate = Gates.unmet(model, flow.type(), current, item.approvals(), before);
            if (gate != null) {
                return Decision.reject(gate);
            }
        }
        var handoff = flow.handoff(item.stage(), to);
        if (handoff.isPresent()) {
            Rejection contract = Handoffs.contractUnmet(model, flow.template(), handoff.get(), item.fields());
            if (contract != null) {
                return Decision.reject(contract);
            }
            return Decision.record(new WorkItemEvent.HandoffSent(handoff.get().from(), handoff.get().to(),
                    item.stage(), to, Handoffs.handedOver(handoff.get(), item.fields())));
        }
        return Decision.record(new StageEntered(item.stage(), to, rework));
    }

    private Decision handOff(WorkItem item, Flow flow, String toStage) {
        var declared = flow.handoffsFrom(item.stage());
        String from = Names.stage(flow.type(), item.stage());
        if (declared.isEmpty()) {
            return Decision.reject(Code.TRANSITION_NOT_ALLOWED, "No handoff is declared out of " + from
                    + "; move the " + what(flow) + " instead");
        }
        if (toStage == null) {
            if (declared.size() > 1) {
                return Decision.reject(Code.INVALID_INPUT, "From " + from + " work is handed off to "
                        + Names.or(declared.stream().map(h -> Names.stage(flow.type(), h.at().to())).toList())
                        + "; name the stage");
            }
            return move(item, flow, declared.get(0).at().to());
        }
        if (declared.stream().noneMatch(h -> h.at().to().equals(toStage))) {
            return Decision.reject(Code.TRANSITION_NOT_ALLOWED, "No handoff is declared from " + from + " to "
                    + Names.stage(flow.type(), toStage) + "; from " + from + " work is handed off to "
                    + Names.or(declared.stream().map(h -> Names.stage(flow.type(), h.at().to())).toList()));
        }
        return move(item, flow, toStage);
    }

    private Decision receive(WorkItem item, Flow flow, Actor actor, String reason, boolean accept) {
        if (item.pendingHandoff() == null) {
            return Decision.reject(Code.WRONG_STATE, "This " + what(flow) + " has no handoff waiting to be "
                    + (accept ? "accepted" : "rejected"));
        }
        Rejection who = Handoffs.mayReceive(rights, item.pendingHandoff(), actor.personId());
        if (who != null) {
            return Decision.reject(who);
        }
        var pending = item.pendingHandoff();
        if (!accept) {
            if (Reasons.missing(reason)) {
                return Decision.reject(Code.INVALID_INPUT, "Rejecting a handoff needs a reason, so that "
                        + Names.party(model, pending.fromFunction()) + " knows what to fix");
            }
            return Decision.record(new HandoffRejected(pending.fromStage(), pending.toStage(), reason.strip()));
        }
        if (item.blocked()) {
            return Decision.reject(blocked(item, flow));
        }
        return Decision.record(new HandoffAccepted(pending.fromStage(), pending.toStage()),
                new StageEntered(pending.fromStage(), pending.toStage(), flow.rework(pending.fromStage(),
                        pending.toStage())));
    }

    private Decision approve(WorkItem item, Flow flow, Actor actor, String comment) {
        Stage stage = flow.stage(item.stage());
        Rejection may = Gates.mayDecide(rights, flow.type(), stage, item.approvals(), actor.personId(), true);
        if (may != null) {
            return Decision.reject(may);
        }
        return Decision.record(new ApprovalGranted(stage.id(),
                Gates.onBehalfOf(rights, stage, item.approvals(), actor.personId()), Reasons.orNull(comment)));
    }

    private Decision deny(WorkItem item, Flow flow, Actor actor, String comment) {
        Stage stage = flow.stage(item.stage());
        Rejection may = Gates.mayDecide(rights, flow.type(), stage, item.approvals(), actor.personId(), false);
        if (may != null) {
            return Decision.reject(may);
        }
        if (Reasons.missing(comment)) {
            return Decision.reject(Code.INVALID_INPUT, "Denying " + Names.stage(flow.type(), stage.id())
                    + " needs a comment that says what to change");
        }
        return Decision.record(new ApprovalDenied(stage.id(),
                Gates.onBehalfOf(rights, stage, item.approvals(), actor.personId()), comment.strip()));
    }

    private Decision requestApproval(WorkItem item, Flow flow) {
        Stage stage = flow.stage(item.stage());
        String name = Names.stage(flow.type(), stage.id());
        if (stage.gate() == null || stage.gate().approvers().isEmpty()) {
            return Decision.reject(Code.WRONG_STATE, name + " has no approval gate, so there is nothing to request");
        }
        if (item.blocked()) {
            return Decision.reject(blocked(item, flow));
        }
        if (Gates.satisfied(stage.gate(), item.approvals())) {
            return Decision.reject(Code.WRONG_STATE, name + " is already approved");
        }
        if (item.approvals().requested()) {
            return Decision.reject(Code.WRONG_STATE, "Approval of " + name + " was already requested; waiting for "
                    + Names.or(stage.gate().approvers().stream().filter(p -> !item.approvals().granted().contains(p))
                    .map(p -> Names.party(model, p)).toList()));
        }
        return Decision.record(new ApprovalRequested(stage.id(), List.copyOf(stage.gate().approvers())));
    }

    private Decision updateFields(WorkItem item, Flow flow, UpdateFields u) {
        if (u.changes() == null || u.changes().isEmpty()) {
            return Decision.reject(Code.INVALID_INPUT, "Nothing to update: name at least one field");
        }
        FieldValues.Checked checked = FieldValues.check(model, flow.template(), Names.workType(flow.type()),
                u.changes(), true);
        if (!checked.ok()) {
            return Decision.reject(Code.INVALID_INPUT, checked.sentence());
        }
        return Decision.record(new FieldsUpdated(checked.values()));
    }

    private Decision assign(WorkItem item, Flow flow, String owner) {
        if (owner == null || !rights.isPerson(owner)) {
            return Decision.reject(Code.INVALID_INPUT, "The accountable owner must be one person of " + model.name()
                    + ", not '" + owner + "'");
        }
        if (owner.equals(item.owner())) {
            return Decision.reject(Code.WRONG_STATE, Names.person(model, owner) + " already owns this " + what(flow));
        }
        return Decision.record(new OwnerAssigned(owner, item.owner()));
    }

    private Decision block(WorkItem item, Flow flow, String reason) {
        if (item.blocked()) {
            return Decision.reject(blocked(item, flow));
        }
        if (Reasons.missing(reason)) {
            return Decision.reject(Code.INVALID_INPUT, "Blocking needs a reason, so that others know what it waits for");
        }
        return Decision.record(new ItemBlocked(reason.strip()));
    }

    private Decision complete(WorkItem item, Flow flow) {
        Rejection state = movable(item, flow);
        if (state != null) {
            return Decision.reject(state);
        }
        String name = Names.stage(flow.type(), item.stage());
        if (!flow.finals().contains(item.stage())) {
            return Decision.reject(Code.TRANSITION_NOT_ALLOWED, "A " + Names.lower(Names.workType(flow.type()))
                    + " is completed in " + Names.or(flow.finals().stream().map(s -> Names.stage(flow.type(), s))
                    .toList()) + ", not in " + name);
        }
        Stage stage = flow.stage(item.stage());
        Rejection exit = Moves.exitCriteria(flow, stage, item.fields(), "before it is completed");
        if (exit != null) {
            return Decision.reject(exit);
        }
        Rejection gate = Gates.unmet(model, flow.type(), stage, item.approvals(), "before it is completed");
        return gate != null ? Decision.reject(gate) : Decision.record(new ItemCompleted(item.stage()));
    }

    private Decision reopen(WorkItem item, Flow flow, Reopen r) {
        if (!item.completed()) {
            return Decision.reject(Code.WRONG_STATE, "This " + what(flow) + " is not completed, so it can't be reopened");
        }
        String into = r.stage() == null ? flow.first() : r.stage();
        if (flow.stage(into) == null) {
            return Decision.reject(Code.NOT_FOUND, "A " + Names.lower(Names.workType(flow.type()))
                    + " has no stage '" + into + "'");
        }
        ItemReopened reopened = new ItemReopened(into, Reasons.orNull(r.reason()));
        return into.equals(item.stage()) ? Decision.record(reopened)
                : Decision.record(reopened, new StageEntered(item.stage(), into, flow.rework(item.stage(), into)));
    }

    /** Blocked items and items waiting for a handoff stay where they are. */
    private Rejection movable(WorkItem item, Flow flow) {
        if (item.blocked()) {
            return blocked(item, flow);
        }
        if (item.pendingHandoff() != null) {
            return new Rejection(Code.WRONG_STATE, "This " + what(flow) + " is waiting for "
                    + Names.party(model, item.pendingHandoff().toFunction()) + " to accept the handoff to "
                    + Names.stage(flow.type(), item.pendingHandoff().toStage()));
        }
        return null;
    }

    private Rejection blocked(WorkItem item, Flow flow) {
        return new Rejection(Code.WRONG_STATE, "This " + what(flow) + " is blocked"
                + (Reasons.missing(item.blockedReason()) ? "" : " (" + item.blockedReason() + ")") + "; unblock it first");
    }

    private Rejection person(Actor actor) {
        if (actor == null) {
            return new Rejection(Code.NOT_ALLOWED, "Someone must give the command");
        }
        if (actor.equals(Actor.SYSTEM) || rights.isPerson(actor.personId())) {
            return null;
        }
        return new Rejection(Code.NOT_ALLOWED, "'" + actor.personId() + "' is not a person of " + model.name()
                + ", so they can't change work");
    }

    private String what(Flow flow) {
        return Names.lower(Names.workType(flow.type()));
    }

    private String flowName(String workType) {
        return model.workType(workType).map(Names::workType).orElse(Names.words(workType));
    }
}
