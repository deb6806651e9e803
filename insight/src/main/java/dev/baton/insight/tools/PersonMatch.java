package dev.baton.insight.tools;

import java.util.List;

/**
 * Who a tool's user is among the model's people, and how that was decided.
 *
 * @param person     the person id, or null when unmatched or ambiguous
 * @param how        which rule decided
 * @param candidates for an ambiguous match, the people it could be (never guessed between)
 */
public record PersonMatch(String person, How how, List<String> candidates) {

    public PersonMatch {
        candidates = List.copyOf(candidates);
    }

    /** The rules, in the order they are tried. */
    public enum How {
        /** The tool's user is already a person id: the import mapping's {@code people} named them. */
        PERSON_ID("person-id"),
        /** An explicit override ({@code --people MAP.yaml}) names the person. */
        OVERRIDE("override"),
        /** The tool's user is an e-mail address a person of the model declares. */
        EMAIL("email"),
        /** The tool's user is the name (or id, ignoring case and accents) of exactly one person. */
        NAME("name"),
        /** Two or more people have that name or address: reported, not guessed. */
        AMBIGUOUS("ambiguous"),
        /** Nobody of the model: listed with its events, never merged into anyone. */
        UNMATCHED("unmatched");

        private final String id;

        How(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public boolean matched() {
        return person != null;
    }

    static PersonMatch of(String person, How how) {
        return new PersonMatch(person, how, List.of());
    }
}
