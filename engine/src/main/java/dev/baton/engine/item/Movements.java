package dev.baton.engine.item;

import dev.baton.engine.Actor;
import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.approval.Gates;
import dev.baton.engine.handoff.Handoffs;
import dev.baton.engine.item.WorkItemCommand.Reopen;
import dev.baton.engine.item.WorkItemEvent.HandoffAccepted;
import dev.baton.engine.item.WorkItemEvent.HandoffRejected;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Reasons;
import dev.baton.engine.rights.Rights;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rules for changing stage: moves along the flow (exit criteria and gates going forward,
 * rework going back), handoffs sent, accepted and rejected, completion and reopening.
 */
final class Movements {

    private final OperatingModel model;
    private final Rights rights;

    Movements(OperatingModel model, Rights rights) {
        this.model = model;
        this.rights = rights;
    }

    Decision move(WorkItem item, Flow flow, String to) {
        Stage target = to == null ? null : flow.stage(to);
        if (target == null) {
            return Decision.reject(Code.NOT_FOUND, Names.capital(Names.a(flow.what()))
                    + " has no stage '" + to + "'; its stages are " + String.join(", ", flow.order().keySet()
                    .stream().sorted((a, b) -> flow.order().get(a) - flow.order().get(b)).toList()));
        }
        Rejection state = movable(item, flow);
        if (state != null) {
            return Decision.reject(state);
        }
        if (to.equals(item.stage())) {
            return Decision.reject(Code.WRONG_STATE, "This " + flow.what() + " is already in "
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
            // The sentence is only written when a rule refuses: deciding stays cheap on the happy path.
            Supplier<String> before = () -> "before " + Names.stage(flow.type(), to);
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

    Decision handOff(WorkItem item, Flow flow, String toStage) {
        List<dev.baton.model.Handoff> declared = flow.handoffsFrom(item.stage());
        if (declared.size() == 1 && (toStage == null || toStage.equals(declared.get(0).at().to()))) {
            return move(item, flow, declared.get(0).at().to());
        }
        if (toStage != null && declared.stream().anyMatch(h -> h.at().to().equals(toStage))) {
            return move(item, flow, toStage);
        }
        String from = Names.stage(flow.type(), item.stage());
        if (declared.isEmpty()) {
            return Decision.reject(Code.TRANSITION_NOT_ALLOWED, "No handoff is declared out of " + from
                    + "; move the " + flow.what() + " instead");
        }
        String ways = Names.or(declared.stream().map(h -> Names.stage(flow.type(), h.at().to())).toList());
        if (toStage == null) {
            return Decision.reject(Code.INVALID_INPUT, "From " + from + " work is handed off to " + ways
                    + "; name the stage");
        }
        return Decision.reject(Code.TRANSITION_NOT_ALLOWED, "No handoff is declared from " + from + " to "
                + Names.stage(flow.type(), toStage) + "; from " + from + " work is handed off to " + ways);
    }

    Decision receive(WorkItem item, Flow flow, Actor actor, String reason, boolean accept) {
        if (item.pendingHandoff() == null) {
            return Decision.reject(Code.WRONG_STATE, "This " + flow.what() + " has no handoff waiting to be "
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

    Decision complete(WorkItem item, Flow flow) {
        Rejection state = movable(item, flow);
        if (state != null) {
            return Decision.reject(state);
        }
        String name = Names.stage(flow.type(), item.stage());
        if (!flow.finals().contains(item.stage())) {
            return Decision.reject(Code.TRANSITION_NOT_ALLOWED, Names.capital(Names.a(flow.what()))
                    + " is completed in " + Names.or(flow.finals().stream().map(s -> Names.stage(flow.type(), s))
                    .toList()) + ", not in " + name);
        }
        Stage stage = flow.stage(item.stage());
        Rejection exit = Moves.exitCriteria(flow, stage, item.fields(), () -> "before it is completed");
        if (exit != null) {
            return Decision.reject(exit);
        }
        Rejection gate = Gates.unmet(model, flow.type(), stage, item.approvals(), () -> "before it is completed");
        return gate != null ? Decision.reject(gate) : Decision.record(new ItemCompleted(item.stage()));
    }

    Decision reopen(WorkItem item, Flow flow, Reopen r) {
        if (!item.completed()) {
            return Decision.reject(Code.WRONG_STATE, "This " + flow.what() + " is not completed, so it can't be reopened");
        }
        String into = r.stage() == null ? flow.first() : r.stage();
        if (flow.stage(into) == null) {
            return Decision.reject(Code.NOT_FOUND, Names.capital(Names.a(flow.what()))
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
            return new Rejection(Code.WRONG_STATE, "This " + flow.what() + " is waiting for "
                    + Names.party(model, item.pendingHandoff().toFunction()) + " to accept the handoff to "
                    + Names.stage(flow.type(), item.pendingHandoff().toStage()));
        }
        return null;
    }

    static Rejection blocked(WorkItem item, Flow flow) {
        return new Rejection(Code.WRONG_STATE, "This " + flow.what() + " is blocked"
                + (Reasons.missing(item.blockedReason()) ? "" : " (" + item.blockedReason() + ")") + "; unblock it first");
    }
}
