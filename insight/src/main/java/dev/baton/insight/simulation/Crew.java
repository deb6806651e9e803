package dev.baton.insight.simulation;

import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Team;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of the model as the simulator schedules them. A person works on at most one item
 * per eight hours of weekly capacity at once (a slot each); work given to a team or a function
 * goes to the member whose next slot frees up first, so load spreads the way a lead would spread it.
 */
final class Crew {

    /** Hours a week per concurrent item: 36h/week gives five items at once. */
    static final double HOURS_PER_SLOT = 8;
    private static final double DEFAULT_HOURS = 32;

    private final OperatingModel model;
    private final Map<String, long[]> slots = new HashMap<>();
    private final Map<String, List<String>> candidates = new HashMap<>();
    private final List<String> everyone;

    /**
     * @param scale how many items a slot-hour stands for: above 1 when the simulation asks for more
     *              work than the declared people could carry in the period (see {@link Simulator})
     */
    Crew(OperatingModel model, double scale) {
        this.model = model;
        this.everyone = model.people().stream().map(Person::id).filter(id -> id != null).toList();
        for (Person p : model.people()) {
            if (p.id() == null) {
                continue;
            }
            double hours = p.capacity() == null ? DEFAULT_HOURS : p.capacity().hoursPerWeek();
            slots.put(p.id(), new long[Math.max(1, (int) Math.round(hours / HOURS_PER_SLOT * scale))]);
        }
    }

    /** Concurrent slots of the whole team at scale 1. */
    static double slots(OperatingModel model) {
        return model.people().stream().filter(p -> p.id() != null)
                .mapToDouble(p -> Math.max(1, Math.round((p.capacity() == null ? DEFAULT_HOURS : p.capacity().hoursPerWeek())
                        / HOURS_PER_SLOT))).sum();
    }

    boolean isEmpty() {
        return everyone.isEmpty();
    }

    /** The people who can act for a party: the person, the team's members, the function's people. */
    List<String> candidates(String party) {
        return candidates.computeIfAbsent(party == null ? "" : party, this::resolve);
    }

    private List<String> resolve(String party) {
        List<String> people = new ArrayList<>();
        model.party(party).ifPresent(p -> {
            if (p instanceof Person person) {
                people.add(person.id());
            } else if (p instanceof Team team) {
                team.members().stream().filter(slots::containsKey).forEach(people::add);
            } else {
                model.people().stream().filter(x -> party.equals(x.function()) && x.id() != null)
                        .forEach(x -> people.add(x.id()));
            }
        });
        return people.isEmpty() ? everyone : people;
    }

    /** The candidate for a party whose earliest slot frees first (the first listed on ties). */
    String pick(String party) {
        String best = null;
        long bestFree = Long.MAX_VALUE;
        for (String person : candidates(party)) {
            long free = earliestFree(person);
            if (free < bestFree) {
                best = person;
                bestFree = free;
            }
        }
        return best;
    }

    /** When the person can next take up an item. */
    long earliestFree(String person) {
        long[] s = slots.get(person);
        long min = Long.MAX_VALUE;
        for (long free : s) {
            min = Math.min(min, free);
        }
        return min;
    }

    /** Books the person's earliest free slot until {@code until}. */
    void occupy(String person, long until) {
        long[] s = slots.get(person);
        int earliest = 0;
        for (int i = 1; i < s.length; i++) {
            if (s[i] < s[earliest]) {
                earliest = i;
            }
        }
        s[earliest] = Math.max(s[earliest], until);
    }
}
