package dev.baton.engine.item;

import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.field.FieldValues;
import dev.baton.engine.rights.Names;
import dev.baton.model.Stage;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The flow's rules for changing stage: the allowed stage changes and each stage's exit criteria. */
final class Moves {

    private Moves() {
    }

    /** Why the flow has no such stage change, or null when it has. */
    static Rejection transition(Flow flow, String from, String to) {
        if (flow.allows(from, to)) {
            return null;
        }
        List<String> next = flow.changes().stream().filter(c -> c.from().equals(from))
                .map(c -> Names.stage(flow.type(), c.to())).toList();
        String fromName = Names.stage(flow.type(), from);
        return new Rejection(Code.TRANSITION_NOT_ALLOWED, Names.capital(Names.a(flow.what()))
                + " can't go from " + fromName + " to " + Names.stage(flow.type(), to) + "; from " + fromName
                + (next.isEmpty() ? " it can only be completed" : " it can go to " + Names.or(next)));
    }

    /** Why the stage's exit criteria are not met, or null when they are. */
    static Rejection exitCriteria(Flow flow, Stage stage, Map<String, Object> fields, Supplier<String> before) {
        List<String> missing = FieldValues.missing(stage.exit(), fields);
        if (missing.isEmpty()) {
            return null;
        }
        List<String> names = missing.stream().map(id -> Names.field(flow.template(), id)).toList();
        return new Rejection(Code.EXIT_CRITERIA_MISSING, Names.stage(flow.type(), stage.id()) + " needs "
                + Names.and(names) + " filled " + before.get() + (names.size() == 1 ? "; it is empty" : "; they are empty"));
    }
}
