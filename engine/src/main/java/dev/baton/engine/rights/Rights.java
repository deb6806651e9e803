package dev.baton.engine.rights;

import dev.baton.model.BusinessFunction;
import dev.baton.model.OperatingModel;
import dev.baton.model.Party;
import dev.baton.model.Person;
import dev.baton.model.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a right named in the model. A right given to a person is held by that person; given
 * to a team, by each of its members; given to a function, by every person of that function. This
 * is the one place that decides whether a person "is" a party of the model. Built once per model
 * version: every command asks it, so lookups are by map.
 */
public final class Rights {

    private final OperatingModel model;
    private final Map<String, Person> people = new HashMap<>();
    private final Map<String, Party> parties = new HashMap<>();

    public Rights(OperatingModel model) {
        this.model = model;
        for (BusinessFunction f : model.functions()) {
            parties.putIfAbsent(f.id(), f);
        }
        for (Team t : model.teams()) {
            parties.putIfAbsent(t.id(), t);
        }
        for (Person p : model.people()) {
            parties.putIfAbsent(p.id(), p);
            people.putIfAbsent(p.id(), p);
        }
    }

    public OperatingModel model() {
        return model;
    }

    /** The person of the model with this id, if any. */
    public Optional<Person> person(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    public boolean isPerson(String personId) {
        return people.containsKey(personId);
    }

    /** Whether the person holds what is given to the party (person, team or function). */
    public boolean holds(String personId, String partyId) {
        Person person = people.get(personId);
        if (person == null) {
            return false;
        }
        Party party = parties.get(partyId);
        if (party instanceof Person) {
            return personId.equals(partyId);
        }
        if (party instanceof Team team) {
            return team.members() != null && team.members().contains(personId);
        }
        // A function: everyone whose function it is.
        return party != null && partyId.equals(person.function());
    }

    /** The parties among {@code partyIds} whose rights the person holds, in the listed order. */
    public List<String> heldBy(String personId, List<String> partyIds) {
        List<String> held = new ArrayList<>(1);
        for (String id : partyIds) {
            if (holds(personId, id)) {
                held.add(id);
            }
        }
        return held;
    }
}
