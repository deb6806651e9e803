package dev.baton.exchange.calendar;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Which instances an import expands: those starting in [{@code from}, {@code to}). A series
 * without an end repeats forever, so the window is what bounds it; by default it ends now,
 * because a meeting that has not happened yet was not held. {@code zone} places floating times
 * and all-day dates, which carry no zone of their own.
 */
public record CalendarWindow(Instant from, Instant to, ZoneId zone) {

    public static CalendarWindow until(Instant to) {
        return new CalendarWindow(Instant.parse("1970-01-01T00:00:00Z"), to, ZoneId.of("UTC"));
    }

    public boolean contains(Instant start) {
        return !start.isBefore(from) && start.isBefore(to);
    }
}
