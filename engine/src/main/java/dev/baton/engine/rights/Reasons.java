package dev.baton.engine.rights;

/** Reasons and comments people type: blank means none given. */
public final class Reasons {

    private Reasons() {
    }

    public static boolean missing(String text) {
        return text == null || text.isBlank();
    }

    /** The text without surrounding blanks, or null when none was given. */
    public static String orNull(String text) {
        return missing(text) ? null : text.strip();
    }
}
