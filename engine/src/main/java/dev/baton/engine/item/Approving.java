package dev.baton.engine.item;

import dev.baton.engine.Actor;
import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.approval.Gates;
import dev.baton.engine.item.WorkItemEvent.ApprovalDenied;
import dev.baton.engine.item.WorkItemEvent.ApprovalGranted;
import dev.baton.engine.item.WorkItemEvent.ApprovalRequested;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Reasons;
import dev.baton.engine.rights.Rights;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import java.util.List;

/** Asking for, giving and refusing the approvals of a stage's gate. */
final class Approving {

    private final OperatingModel model;
    private final Rights rights;

    Approving(OperatingModel model, Rights rights) {
        this.model = model;
        this.rights = rights;
    }

    Decision approve(WorkItem item, Flow flow, Actor actor, String comment) {
        Stage stage = flow.stage(item.stage());
        Rejection may = Gates.mayDecide(rights, flow.type(), stage, item.approvals(), actor.personId(), true);
        if (may != null) {
            return Decision.reject(may);
        }
        return Decision.record(new ApprovalGranted(stage.id(),
                Gates.onBehalfOf(rights, stage, item.approvals(), actor.personId()), Reasons.orNull(comment)));
    }

    Decision deny(WorkItem item, Flow flow, Actor actor, String comment) {
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

    Decision requestApproval(WorkItem item, Flow flow) {
        Stage stage = flow.stage(item.stage());
        String name = Names.stage(flow.type(), stage.id());
        if (stage.gate() == null || stage.gate().approvers().isEmpty()) {
            return Decision.reject(Code.WRONG_STATE, name + " has no approval gate, so there is nothing to request");
        }
        if (item.blocked()) {
            return Decision.reject(Movements.blocked(item, flow));
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
}
