package dev.baton.app.notify;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The people a comment mentions: {@code @maya.chen} (a person of the model) or {@code @maya} (a
 * user name). An e-mail address is not a mention, and the full stop that ends a sentence is not
 * part of the name.
 */
final class Mentions {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w.@])@([A-Za-z0-9][A-Za-z0-9._-]*)");

    private Mentions() {
    }

    /** The persons mentioned, in order, each once; {@code person} answers a name's person or null. */
    static Set<String> in(String text, Function<String, String> person) {
        Set<String> people = new LinkedHashSet<>();
        if (text == null) {
            return people;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            String name = m.group(1).replaceAll("[._-]+$", "");
            String found = person.apply(name);
            if (found != null) {
                people.add(found);
            }
        }
        return people;
    }
}
