package dev.baton.model;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration as teams write SLAs: {@code 30m}, {@code 36h}, {@code 3d}, {@code 2w} or a sum such
 * as {@code 1d12h}. Days and weeks are calendar time (a day is 24 hours), because SLA clocks in
 * the event log run on timestamps, not on office hours.
 */
public record WorkDuration(String text, Duration value) {

    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:\\.\\d+)?[wdhm])+");
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)([wdhm])");

    public static Optional<WorkDuration> parse(String text) {
        String compact = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (!WHOLE.matcher(compact).matches()) {
            return Optional.empty();
        }
        double minutes = 0;
        Matcher m = PART.matcher(compact);
        while (m.find()) {
            double amount = Double.parseDouble(m.group(1));
            minutes += amount * switch (m.group(2)) {
                case "w" -> 7 * 24 * 60;
                case "d" -> 24 * 60;
                case "h" -> 60;
                default -> 1;
            };
        }
        if (minutes <= 0 || minutes > 366L * 24 * 60) {
            return Optional.empty();
        }
        return Optional.of(new WorkDuration(text.trim(), Duration.ofSeconds(Math.round(minutes * 60))));
    }

    public double hours() {
        return value.toSeconds() / 3600.0;
    }

    @Override
    public String toString() {
        return text;
    }
}
