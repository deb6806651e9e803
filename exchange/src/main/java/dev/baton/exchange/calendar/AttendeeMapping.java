package dev.baton.exchange.calendar;

import dev.baton.exchange.calendar.MeetingInstance.Attendance;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who an attendee is in the model. The import mapping's {@code people} section decides first, as
 * for every other tool (an address or a display name → a person id, docs/mapping-reference.md);
 * then, with a model, a common name equal to a person's name or an address whose local part is a
 * person's id ({@code maya@example.com} → {@code maya}). An attendee none of these match keeps
 * their address and is counted, so the import can list them: never dropped, never guessed.
 */
public final class AttendeeMapping {

    private final ImportMapping mapping;
    private final Map<String, String> byName = new HashMap<>();
    private final Map<String, String> byId = new HashMap<>();
    private final Map<String, Long> unmatched = new TreeMap<>();
    /** What each attendance matched: the same few thousand are asked about a million times. */
    private final Map<Attendance, Optional<String>> matched = new HashMap<>();

    public AttendeeMapping(ImportMapping mapping, OperatingModel model) {
        this.mapping = mapping == null ? ImportMapping.NONE : mapping;
        if (model != null) {
            for (Person p : model.people()) {
                byId.put(p.id().toLowerCase(Locale.ROOT), p.id());
                if (p.name() != null) {
                    byName.put(p.name().toLowerCase(Locale.ROOT), p.id());
                }
            }
        }
    }

    /** The person id, or the attendee's address (else name) when nothing matches. */
    public String person(Attendance a) {
        Optional<String> found = matched.computeIfAbsent(a, this::match);
        if (found.isPresent()) {
            return found.get();
        }
        String label = a.label() == null ? "(no address)" : a.label();
        unmatched.merge(label, 1L, Long::sum);
        return label;
    }

    private Optional<String> match(Attendance a) {
        for (String key : new String[] {a.email(), a.name()}) {
            if (key != null) {
                Optional<ImportMapping.PersonRef> ref = mapping.person(key);
                if (ref.isPresent()) {
                    return Optional.of(ref.get().person());
                }
            }
        }
        if (a.name() != null && byName.containsKey(a.name().toLowerCase(Locale.ROOT))) {
            return Optional.of(byName.get(a.name().toLowerCase(Locale.ROOT)));
        }
        if (a.email() != null) {
            String local = a.email().substring(0, Math.max(0, a.email().indexOf('@')));
            if (byId.containsKey(local)) {
                return Optional.of(byId.get(local));
            }
        }
        return Optional.empty();
    }

    /** Attendees no rule matched, by address, with how many meeting instances named them. */
    public Map<String, Long> unmatched() {
        return unmatched;
    }
}
