package dev.baton.model.show;

import java.util.List;
import java.util.Objects;

/**
 * Null-tolerant reading of model records. {@code baton model show} must draw a model that failed
 * validation too (the reader keeps going and leaves nulls where values were missing), because a
 * map of a broken model is often the fastest way to see what is wrong with it.
 */
final class Lenient {

    /** Shown wherever a value is missing. */
    static final String DASH = "-";

    private Lenient() {
    }

    /** The list without null elements; empty for null. */
    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    /** The text, or {@link #DASH} when missing or blank. */
    static String dash(Object value) {
        if (value == null) {
            return DASH;
        }
        String text = value.toString();
        return text.isBlank() ? DASH : text;
    }

    /** The text, or the fallback when missing or blank. */
    static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
