package dev.baton.engine.handoff;

import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.field.FieldValues;
import dev.baton.engine.rights.Names;
import dev.baton.engine.rights.Rights;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declared handoffs and their contracts. A stage change with a declared handoff does not happen
 * at once: the handoff is sent, and the item enters the next stage only when someone of the
 * receiving function accepts it. A rejection (with a reason) leaves the item where it was.
 */
public final class Handoffs {

    private Handoffs() {
    }

    /** Why the contract is not met (required fields empty), or null when it is. */
    public static Rejection contractUnmet(OperatingModel model, Template template, Handoff handoff,
                                          Map<String, Object> fields) {
        List<String> missing = FieldValues.missing(handoff.requires(), fields);
        if (missing.isEmpty()) {
            return null;
        }
        List<String> names = missing.stream().map(id -> Names.field(template, id)).toList();
        return new Rejection(Code.HANDOFF_CONTRACT, Names.party(model, handoff.from()) + " can't hand this over to "
                + Names.party(model, handoff.to()) + " yet: the handoff needs " + Names.and(names)
                + (names.size() == 1 ? ", which is empty" : ", which are empty"));
    }

    /** What goes along with the handoff: the required fields and their values. */
    public static Map<String, Object> handedOver(Handoff handoff, Map<String, Object> fields) {
        Map<String, Object> over = new LinkedHashMap<>();
        for (String id : handoff.requires()) {
            over.put(id, fields.get(id));
        }
        return over;
    }

    /** Why the person may not accept or reject the pending handoff, or null when they may. */
    public static Rejection mayReceive(Rights rights, PendingHandoff pending, String personId) {
        OperatingModel model = rights.model();
        if (rights.holds(personId, pending.toFunction())) {
            return null;
        }
        String who = Names.person(model, personId);
        return new Rejection(Code.NOT_ALLOWED, "Only someone from " + Names.party(model, pending.toFunction())
                + " can accept or reject this handoff; " + who + " is not");
    }
}
