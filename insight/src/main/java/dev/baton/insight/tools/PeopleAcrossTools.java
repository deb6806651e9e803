package dev.baton.insight.tools;

import dev.baton.insight.tools.PersonMatch.How;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One person across tools: a user as a tool shows them (a Jira display name or account e-mail, a
 * GitLab user, a Trello member, a GitHub login, a calendar attendee, a CRM owner) matched to the
 * model's people. The import mapping's {@code people} section has usually turned the tool's user
 * into a person id already; what is left is matched by explicit overrides, then by the e-mail
 * address the model declares for a person, then by name. A name or address two people share is
 * ambiguous and reported as such: merging two people's work into one would invent switches.
 */
public final class PeopleAcrossTools {

    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, List<String>> byEmail = new HashMap<>();
    private final Map<String, List<String>> byName = new HashMap<>();
    private final Map<String, String> overrides = new HashMap<>();
    private final Map<String, String> overridesIgnoringCase = new HashMap<>();
    private final Map<String, PersonMatch> cache = new HashMap<>();

    /**
     * @param overrides tool user → person id, as an import mapping's {@code people} section writes
     *                  them; matched exactly, then ignoring case
     */
    public PeopleAcrossTools(OperatingModel model, Map<String, String> overrides) {
        for (Person p : model.people()) {
            ids.put(p.id(), p.id());
            if (p.email() != null && !p.email().isBlank()) {
                byEmail.computeIfAbsent(p.email().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p.id());
            }
            TreeSet<String> keys = new TreeSet<>(List.of(normal(p.id())));
            if (p.name() != null) {
                keys.add(normal(p.name()));
            }
            keys.forEach(k -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(p.id()));
        }
        overrides.forEach((user, person) -> {
            this.overrides.put(user, person);
            this.overridesIgnoringCase.putIfAbsent(user.toLowerCase(Locale.ROOT), person);
        });
    }

    /** The model's people, without overrides. */
    public static PeopleAcrossTools of(OperatingModel model) {
        return new PeopleAcrossTools(model, Map.of());
    }

    /** Who this tool user is. */
    public PersonMatch match(String user) {
        return cache.computeIfAbsent(user, this::decide);
    }

    private PersonMatch decide(String user) {
        if (ids.containsKey(user)) {
            return PersonMatch.of(user, How.PERSON_ID);
        }
        String override = overrides.get(user);
        if (override == null) {
            override = overridesIgnoringCase.get(user.toLowerCase(Locale.ROOT));
        }
        if (override != null) {
            return PersonMatch.of(override, How.OVERRIDE);
        }
        if (user.indexOf('@') > 0) {
            PersonMatch byAddress = unique(byEmail.get(user.strip().toLowerCase(Locale.ROOT)), How.EMAIL);
            if (byAddress != null) {
                return byAddress;
            }
        }
        PersonMatch named = unique(byName.get(normal(user)), How.NAME);
        return named != null ? named : new PersonMatch(null, How.UNMATCHED, List.of());
    }

    private static PersonMatch unique(List<String> people, How how) {
        if (people == null || people.isEmpty()) {
            return null;
        }
        List<String> distinct = people.stream().distinct().sorted().toList();
        return distinct.size() == 1 ? PersonMatch.of(distinct.get(0), how)
                : new PersonMatch(null, How.AMBIGUOUS, distinct);
    }

    /** "Zoë  O'Neil" and "zoe o'neil" are one name: case, accents and spacing are how tools differ. */
    static String normal(String name) {
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }
}
