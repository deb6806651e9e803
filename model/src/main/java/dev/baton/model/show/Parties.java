package dev.baton.model.show;

import dev.baton.model.BusinessFunction;
import dev.baton.model.OperatingModel;
import dev.baton.model.Party;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Looks parties up by id without trusting the model to be valid: {@link OperatingModel#party}
 * assumes every party has an id, which a model with errors may not give us.
 */
final class Parties {

    private final List<Party> parties;
    private final List<BusinessFunction> functions;

    Parties(OperatingModel model) {
        this.functions = Lenient.list(model.functions());
        this.parties = Stream.<Party>concat(Stream.concat(functions.stream(), Lenient.list(model.teams()).stream()),
                        Lenient.list(model.people()).stream())
                .filter(p -> p.id() != null)
                .toList();
    }

    Optional<Party> party(String id) {
        return parties.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The declared functions, in model order, those without an id left out. */
    List<BusinessFunction> functions() {
        return functions.stream().filter(f -> f.id() != null).toList();
    }

    /** The function a party belongs to, when both are known. */
    Optional<BusinessFunction> functionOf(String partyId) {
        return party(partyId).map(Party::functionId).filter(Objects::nonNull)
                .flatMap(f -> functions().stream().filter(b -> b.id().equals(f)).findFirst());
    }

    /** A function's display name ("Demand Gen"); the id itself for anyone else. */
    String functionName(String id) {
        if (id == null) {
            return Lenient.DASH;
        }
        return functions().stream().filter(f -> f.id().equals(id)).findFirst()
                .map(f -> Lenient.or(f.name(), id)).orElse(id);
    }

    /**
     * A party as a stage owner is shown: the id as written in the model, followed by the function
     * for a team or person ({@code alice (pmm)}), and marked when nobody by that id is declared.
     */
    String owner(String id) {
        if (id == null) {
            return "no owner";
        }
        Optional<Party> party = party(id);
        if (party.isEmpty()) {
            return id + " (unknown)";
        }
        if (party.get() instanceof BusinessFunction) {
            return id;
        }
        return id + " (" + Lenient.dash(party.get().functionId()) + ")";
    }
}
