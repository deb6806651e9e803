package dev.baton.engine.approval;

import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Rights;
import dev.baton.model.Gate;
import dev.baton.model.GateMode;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import java.util.List;
import java.util.function.Supplier;

/**
 * A stage's gate: the approvals needed to leave it. The approvers are parties; a person holds an
 * approver's right as that person, as a member of that team or as someone of that function
 * ({@link Rights}). With {@code all} every approver party must approve, with {@code any} one
 * approval is enough. Approvals may come in any order and need no request first.
 */
public final class Gates {

    private Gates() {
    }

    public static boolean satisfied(Gate gate, Approvals approvals) {
        if (gate == null || gate.approvers().isEmpty()) {
            return true;
        }
        if (gate.mode() == GateMode.ANY) {
            return !approvals.granted().isEmpty();
        }
        return approvals.granted().containsAll(gate.approvers());
    }

    /**
     * Why the item can't leave the stage yet, or null when its gate is satisfied.
     *
     * @param before how the sentence ends: "before Launch", "before it is completed"
     */
    public static Rejection unmet(OperatingModel model, WorkType type, Stage stage, Approvals approvals,
                                  Supplier<String> before) {
        Gate gate = stage.gate();
        if (satisfied(gate, approvals)) {
            return null;
        }
        List<String> names = gate.approvers().stream().map(p -> Names.party(model, p)).toList();
        String needs = Names.stage(type, stage.id()) + " needs approval from "
                + (gate.mode() == GateMode.ANY ? Names.or(names) : Names.and(names)) + " " + before.get() + "; ";
        List<String> waiting = waitingOn(gate, approvals);
        String nobody = gate.mode() == GateMode.ANY && waiting.size() > 1
                ? "nobody has approved yet"
                : notYet(model, waiting);
        return new Rejection(Code.APPROVAL_MISSING, needs + nobody);
    }

    /**
     * The approver parties a gate still waits on: at an {@code all} gate those who have not
     * approved, at an {@code any} gate every approver (any one of them will do); none when it is
     * satisfied. The weekly status report names them as whom a decision waits on.
     */
    public static List<String> waitingOn(Gate gate, Approvals approvals) {
        if (satisfied(gate, approvals)) {
            return List.of();
        }
        return gate.mode() == GateMode.ANY ? gate.approvers()
                : gate.approvers().stream().filter(p -> !approvals.granted().contains(p)).toList();
    }

    /**
     * Why the person may not approve or deny at this stage, or null when they may. Approving a
     * gate that is already satisfied, or twice for the same party, is refused too.
     */
    public static Rejection mayDecide(Rights rights, WorkType type, Stage stage, Approvals approvals,
                                      String personId, boolean approving) {
        OperatingModel model = rights.model();
        String stageName = Names.stage(type, stage.id());
        Gate gate = stage.gate();
        if (gate == null || gate.approvers().isEmpty()) {
            return new Rejection(Code.WRONG_STATE, stageName + " has no approval gate, so there is nothing to "
                    + (approving ? "approve" : "deny"));
        }
        List<String> held = rights.heldBy(personId, gate.approvers());
        if (held.isEmpty()) {
            return new Rejection(Code.NOT_ALLOWED, "Only " + Names.or(gate.approvers().stream()
                    .map(p -> Names.party(model, p)).toList()) + " can " + (approving ? "approve " : "deny ")
                    + stageName + "; " + Names.person(model, personId) + " holds no approval right here");
        }
        if (!approving) {
            return null;
        }
        if (satisfied(gate, approvals)) {
            return new Rejection(Code.WRONG_STATE, stageName + " is already approved by "
                    + Names.and(approvals.granted().stream().map(p -> Names.party(model, p)).toList()));
        }
        if (approvals.granted().containsAll(held)) {
            return new Rejection(Code.WRONG_STATE, Names.and(held.stream().map(p -> Names.party(model, p)).toList())
                    + " already approved " + stageName);
        }
        return null;
    }

    /** The approver party on whose behalf the person approves: the first they hold that has not approved. */
    public static String onBehalfOf(Rights rights, Stage stage, Approvals approvals, String personId) {
        List<String> held = rights.heldBy(personId, stage.gate().approvers());
        return held.stream().filter(p -> !approvals.granted().contains(p)).findFirst().orElse(held.get(0));
    }

    /** "Maya Chen has not approved", "Nora Haddad and Maya Chen have not approved", "nobody from Legal has approved". */
    private static String notYet(OperatingModel model, List<String> parties) {
        List<String> people = parties.stream().filter(p -> model.party(p).map(x -> x instanceof Person).orElse(false))
                .map(p -> Names.party(model, p)).toList();
        List<String> clauses = new java.util.ArrayList<>();
        if (!people.isEmpty()) {
            clauses.add(Names.and(people) + (people.size() == 1 ? " has" : " have") + " not approved");
        }
        parties.stream().filter(p -> !model.party(p).map(x -> x instanceof Person).orElse(false))
                .forEach(p -> clauses.add("nobody from " + Names.party(model, p) + " has approved"));
        return Names.and(clauses);
    }
}
