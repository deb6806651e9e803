package dev.baton.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hours a week someone can give. Written {@code 32h/week} or {@code 6h/day} (a working week is
 * five days); the text is kept as written so that the model reads back the way it was declared.
 */
public record Capacity(String text, double hoursPerWeek) {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*h\\s*/\\s*(week|wk|day)");

    public static Optional<Capacity> parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double hours = Double.parseDouble(m.group(1));
        double perWeek = m.group(2).equals("day") ? hours * 5 : hours;
        if (perWeek > 168) {
            return Optional.empty();
        }
        return Optional.of(new Capacity(text.trim(), perWeek));
    }
}
