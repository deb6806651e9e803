package dev.baton.engine.item;

import java.util.Objects;

/** The id of a work item; also the id of its event stream. */
public record WorkItemId(String value) {

    /** Longest id a person or a program may give an item. */
    public static final int MAX_LENGTH = 100;

    public WorkItemId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * What is wrong with an id a person or a program chose, or null when it is fine. An id is the
     * last segment of the item's URL and a file-safe name: 1 to 100 letters, digits, '-', '_', '.'
     * or ':', starting with a letter or digit (so never '.', '..' or a path). Ids Baton generates
     * and imported keys (UT-26, issue-42) already are.
     */
    public static String problem(String id) {
        if (id == null || id.isEmpty()) {
            return "expected an id, found none";
        }
        if (id.length() > MAX_LENGTH) {
            return "expected an id of at most " + MAX_LENGTH + " characters, found " + id.length();
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            if (i == 0 && !letterOrDigit) {
                return "expected an id starting with a letter or digit, found '" + printable(id) + "'";
            }
            if (!letterOrDigit && c != '-' && c != '_' && c != '.' && c != ':') {
                return "expected an id of letters, digits, '-', '_', '.' and ':' only, found "
                        + (c == ' ' ? "a space" : c < 32 || c == 127 ? "a control character" : "'" + c + "'")
                        + " in '" + printable(id) + "'";
            }
        }
        return null;
    }

    private static String printable(String id) {
        StringBuilder out = new StringBuilder();
        id.codePoints().limit(60).forEach(c -> out.append(c < 32 || c == 127 ? "\\u" + String.format("%04x", c)
                : new String(Character.toChars(c))));
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }
}
