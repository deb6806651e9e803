package dev.baton.engine.rights;

import dev.baton.model.OperatingModel;
import dev.baton.model.Party;
import dev.baton.model.Person;
import dev.baton.model.Team;
import java.util.List;
import java.util.Optional;

/**
 * Who holds a right named in the model. A right given to a person is held by that person; given
 * to a team, by each of its members; given to a function, by every person of that function. This
 * is the one place that decides whether a person "is" a party of the model.
 */
public final class Rights {

    private Rights() {
    }

    /** The person of the model with this id, if any. */
    public static Optional<Person> person(OperatingModel model, String personId) {
        return model.people().stream().filter(p -> personId.equals(p.id())).findFirst();
    }

    /** Whether the person holds what is given to the party (person, team or function). */
    public static boolean holds(OperatingModel model, String personId, String partyId) {
        if (personId.equals(partyId)) {
            return person(model, personId).isPresent();
        }
        Optional<Party> party = model.party(partyId);
        if (party.isEmpty()) {
            return false;
        }
        if (party.get() instanceof Team team) {
            return team.members() != null && team.members().contains(personId);
        }
        if (party.get() instanceof Person) {
            return false;
        }
        // A function: everyone whose function it is.
        return person(model, personId).map(p -> partyId.equals(p.function())).orElse(false);
    }

    /** The parties among {@code partyIds} whose rights the person holds, in the listed order. */
    public static List<String> heldBy(OperatingModel model, String personId, List<String> partyIds) {
        return partyIds.stream().filter(id -> holds(model, personId, id)).toList();
    }
}
