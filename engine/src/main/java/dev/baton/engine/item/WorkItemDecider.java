package dev.baton.engine.item;

import dev.baton.engine.Actor;
import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.field.FieldValues;
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
import dev.baton.engine.item.WorkItemCommand.RecordExperimentResults;
import dev.baton.engine.item.WorkItemCommand.Reopen;
import dev.baton.engine.item.WorkItemCommand.RequestApproval;
import dev.baton.engine.item.WorkItemCommand.SetPriorityInputs;
import dev.baton.engine.item.WorkItemCommand.Unblock;
import dev.baton.engine.item.WorkItemCommand.UpdateFields;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.ExperimentResultsRecorded;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemBlocked;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemUnblocked;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.PriorityInputsSet;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Reasons;
import dev.baton.engine.rights.Rights;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import java.util.HashMap;
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
    private final Movements movements;
    private final Approving approving;

    public WorkItemDecider(OperatingModel model) {
        this.model = model;
        this.rights = new Rights(model);
        for (WorkType type : model.workTypes()) {
            if (type.id() != null && !type.stages().isEmpty()) {
                flows.put(type.id(), Flow.of(model, type));
            }
        }
        this.priorityInputs = new PriorityInputs(model);
        this.movements = new Movements(model, rights);
        this.approving = new Approving(model, rights);
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
            return Decision.reject(Code.INVALID_INPUT, "A new " + flow.what()
                    + " needs a title");
        }
        FieldValues.Checked fields = FieldValues.check(model, flow.template(), Names.workType(flow.type()),
                command.fields(), false);
        if (!fields.ok()) {
            return Decision.reject(Code.INVALID_INPUT, fields.sentence());
        }
        if (parent != null && flow.type().parent() != null && !flow.type().parent().equals(parent.workType())) {
            return Decision.reject(Code.INVALID_INPUT, Names.capital(Names.a(flow.what()))
                    + " belongs under " + Names.a(Names.lower(flowName(flow.type().parent()))) + ", not under "
                    + Names.a(Names.lower(flowName(parent.workType()))));
        }
        // Required fields must be filled when an item is created (docs/model-reference.md); an item
        // accepted from intake carries what its form required, checked when it was submitted.
        if (command.fromRequest() == null) {
            java.util.List<String> missing = FieldValues.missingRequired(flow.template(), fields.values()).stream()
                    .map(id -> Names.field(flow.template(), id)).toList();
            if (!missing.isEmpty()) {
                return Decision.reject(Code.INVALID_INPUT, "A new " + flow.what() + " needs " + Names.and(missing)
                        + " filled when it is created");
            }
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
            return Decision.reject(Code.WRONG_STATE, "This " + flow.what() + " already exists");
        }
        if (item.completed() && !(command instanceof Reopen) && !(command instanceof Comment)) {
            return Decision.reject(Code.WRONG_STATE, "This " + flow.what() + " is completed; reopen it first");
        }
        if (command instanceof MoveTo m) {
            return movements.move(item, flow, m.stage());
        } else if (command instanceof UpdateFields u) {
            return updateFields(item, flow, u);
        } else if (command instanceof Comment c) {
            return Reasons.missing(c.text()) ? Decision.reject(Code.INVALID_INPUT, "A comment needs some text")
                    : Decision.record(new CommentAdded(c.text().strip()));
        } else if (command instanceof Approve a) {
            return approving.approve(item, flow, actor, a.comment());
        } else if (command instanceof Deny d) {
            return approving.deny(item, flow, actor, d.comment());
        } else if (command instanceof RequestApproval) {
            return approving.requestApproval(item, flow);
        } else if (command instanceof HandOff h) {
            return movements.handOff(item, flow, h.toStage());
        } else if (command instanceof AcceptHandoff) {
            return movements.receive(item, flow, actor, null, true);
        } else if (command instanceof RejectHandoff r) {
            return movements.receive(item, flow, actor, r.reason(), false);
        } else if (command instanceof AssignOwner a) {
            return assign(item, flow, a.owner());
        } else if (command instanceof Block b) {
            return block(item, flow, b.reason());
        } else if (command instanceof Unblock u) {
            return item.blocked() ? Decision.record(new ItemUnblocked(Reasons.orNull(u.reason())))
                    : Decision.reject(Code.WRONG_STATE, "This " + flow.what() + " is not blocked");
        } else if (command instanceof MarkUrgent m) {
            return item.urgent() ? Decision.reject(Code.WRONG_STATE, "This " + flow.what() + " is already urgent")
                    : Decision.record(new MarkedUrgent(Reasons.orNull(m.reason())));
        } else if (command instanceof SetPriorityInputs p) {
            Rejection bad = priorityInputs.check(p.inputs());
            return bad != null ? Decision.reject(bad) : Decision.record(new PriorityInputsSet(Map.copyOf(p.inputs())));
        } else if (command instanceof Complete) {
            return movements.complete(item, flow);
        } else if (command instanceof Reopen r) {
            return movements.reopen(item, flow, r);
        } else if (command instanceof RecordExperimentResults r) {
            return r.statistics() == null || r.statistics().isEmpty() || Reasons.missing(r.upload())
                    ? Decision.reject(Code.INVALID_INPUT, "Experiment results need their statistics")
                    : Decision.record(new ExperimentResultsRecorded(r.upload(), r.format(), r.file(),
                            r.statistics(), r.summary()));
        }
        throw new IllegalArgumentException("unknown command " + command);
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
            return Decision.reject(Code.WRONG_STATE, Names.person(model, owner) + " already owns this " + flow.what());
        }
        return Decision.record(new OwnerAssigned(owner, item.owner()));
    }

    private Decision block(WorkItem item, Flow flow, String reason) {
        if (item.blocked()) {
            return Decision.reject(Movements.blocked(item, flow));
        }
        if (Reasons.missing(reason)) {
            return Decision.reject(Code.INVALID_INPUT, "Blocking needs a reason, so that others know what it waits for");
        }
        return Decision.record(new ItemBlocked(reason.strip()));
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

    private String flowName(String workType) {
        return model.workType(workType).map(Names::workType).orElse(Names.words(workType));
    }
}
