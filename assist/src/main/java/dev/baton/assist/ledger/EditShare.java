package dev.baton.assist.ledger;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How much of a draft a person changed before taking it: the Levenshtein distance between the
 * draft's text and the accepted text, divided by the longer of the two (0 unchanged, 1 nothing
 * kept). A draft's text is its fields as {@code id: value} lines in id order, a list's values
 * joined by commas, so that moving nothing changes nothing. The one rule: the engine's accept
 * command records it in {@code DraftAccepted}, the ledger averages it.
 */
public final class EditShare {

    private EditShare() {
    }

    public static double of(Map<String, ?> offered, Map<String, ?> accepted) {
        return of(text(offered), text(accepted));
    }

    public static double of(String a, String b) {
        int longer = Math.max(a.length(), b.length());
        return longer == 0 ? 0 : (double) distance(a, b) / longer;
    }

    /** A draft's fields as text: {@code id: value} lines, ids in order, empty values left out. */
    public static String text(Map<String, ?> fields) {
        StringBuilder text = new StringBuilder();
        for (String key : new TreeSet<>(fields.keySet())) {
            Object v = fields.get(key);
            String value = v instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                    : v instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue())
                    : v == null ? "" : String.valueOf(v);
            if (!value.isEmpty()) {
                text.append(key).append(": ").append(value).append('\n');
            }
        }
        return text.toString();
    }

    /** Levenshtein distance in two rows: drafts are a few hundred characters. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
