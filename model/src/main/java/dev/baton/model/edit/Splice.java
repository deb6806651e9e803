package dev.baton.model.edit;

import java.util.Comparator;
import java.util.List;

/** Text between two offsets replaced by other text; every edit is one or more of these, nothing else is rewritten. */
record Splice(int start, int end, String text) {

    static Splice insert(int at, String text) {
        return new Splice(at, at, text);
    }

    /** The splices applied from the end of the text, so that earlier offsets stay valid. */
    static String apply(String text, List<Splice> splices) {
        StringBuilder out = new StringBuilder(text);
        splices.stream().sorted(Comparator.comparingInt(Splice::start).reversed())
                .forEach(s -> out.replace(s.start(), s.end(), s.text()));
        return out.toString();
    }
}
