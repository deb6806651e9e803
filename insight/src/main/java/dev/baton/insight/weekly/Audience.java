package dev.baton.insight.weekly;

import dev.baton.engine.rights.Rights;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Team;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whom a weekly report is about, and so which items it covers. Everyone: every item with
 * something to report. A person or a team: the items its people owned or acted on during the
 * week, own at its end, whose stage at the week's end they own, or whose decision waits on them.
 * An initiative: that item and every item under it (by {@code ItemCreated.parent}, at any depth).
 *
 * @param kind   everyone, team, person or initiative
 * @param id     the team's, person's or initiative item's id; null for everyone
 * @param name   how the report names it ("Writers", "Ana Silva", the initiative's id)
 * @param people the model's people it stands for (a team's members); empty for everyone and an initiative
 */
public record Audience(String kind, String id, String name, Set<String> people) {

    public static final Audience EVERYONE = new Audience("everyone", null, "Everyone", Set.of());

    public Audience {
        people = Set.copyOf(people);
    }

    /**
     * A team of the model.
     *
     * @throws IllegalArgumentException naming the teams there are
     */
    public static Audience team(OperatingModel model, String id) {
        Team team = model.teams().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> unknown("--team", "a team", id, model.teams().stream().map(Team::id).toList()));
        return new Audience("team", id, team.name() == null ? id : team.name(),
                team.members() == null ? Set.of() : Set.copyOf(team.members()));
    }

    /**
     * A person of the model.
     *
     * @throws IllegalArgumentException naming the people there are
     */
    public static Audience person(OperatingModel model, String id) {
        Person person = model.people().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> unknown("--person", "a person", id, model.people().stream().map(Person::id).toList()));
        return new Audience("person", id, person.name() == null ? id : person.name(), Set.of(id));
    }

    /** An initiative, or any parent item: checked against the log when it is read ({@link WeeklyAnalysis}). */
    public static Audience initiative(String itemId) {
        return new Audience("initiative", itemId, itemId, Set.of());
    }

    private static IllegalArgumentException unknown(String option, String what, String id, List<String> known) {
        return new IllegalArgumentException("expected " + option + " to be " + what + " of the model ("
                + (known.isEmpty() ? "it has none" : String.join(", ", known)) + "), found '" + id + "'");
    }

    /** Whether the report covers this item, as it stands at the week's end. */
    boolean covers(ItemWeek item, Rights rights, Map<String, String> parents) {
        return switch (kind) {
            case "everyone" -> true;
            case "initiative" -> under(item.id(), parents);
            default -> people.stream().anyMatch(p -> item.involves(p, rights)) || id.equals(item.stageOwner())
                    || people.contains(item.stageOwner());
        };
    }

    /** The item is the initiative or below it; a cycle of parents (a broken import) ends the walk. */
    private boolean under(String item, Map<String, String> parents) {
        String at = item;
        for (int depth = 0; at != null && depth < 64; depth++) {
            if (at.equals(id)) {
                return true;
            }
            at = parents.get(at);
        }
        return false;
    }
}
