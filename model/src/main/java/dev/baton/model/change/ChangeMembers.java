package dev.baton.model.change;

import dev.baton.model.change.ProposedChange.Mistake;
import dev.baton.model.change.ProposedChange.Read;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The members of a proposed change read one by one, every mistake collected with its member. */
final class ChangeMembers {

    private final Map<String, ?> members;
    private final List<Mistake> mistakes = new ArrayList<>();

    ChangeMembers(Map<String, ?> members) {
        this.members = members;
    }

    String text(String name, boolean required) {
        Object value = members.get(name);
        if (value == null || value instanceof String s && s.isBlank()) {
            if (required) {
                mistake(name, "expected " + name + " (text), found nothing");
            }
            return null;
        }
        if (!(value instanceof String s)) {
            mistake(name, "expected " + name + " to be text, found " + value);
            return null;
        }
        return s.strip();
    }

    List<String> texts(String name) {
        Object value = members.get(name);
        List<String> texts = new ArrayList<>();
        if (value == null) {
            return texts;
        }
        if (value instanceof String s) {
            for (String part : s.split("[,\\n]")) {
                if (!part.isBlank()) {
                    texts.add(part.strip());
                }
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof String s && !s.isBlank()) {
                    texts.add(s.strip());
                } else {
                    mistake(name + "[" + i + "]", "expected " + name + " to hold field ids (text), found "
                            + list.get(i));
                }
            }
        } else {
            mistake(name, "expected " + name + " to be a list of field ids, found " + value);
        }
        return texts;
    }

    void mistake(String member, String message) {
        mistakes.add(new Mistake(member, message));
    }

    Read done(ProposedChange change) {
        return mistakes.isEmpty() ? new Read(change, List.of()) : new Read(null, List.copyOf(mistakes));
    }
}
