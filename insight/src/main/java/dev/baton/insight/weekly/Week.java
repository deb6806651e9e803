package dev.baton.insight.weekly;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO week in a time zone: from Monday 00:00 (inclusive) to the next Monday 00:00 (exclusive)
 * on that zone's clocks, so an event at Monday 00:00 belongs to the new week. Named as ISO 8601
 * names it, {@code 2026-W49}; week 1 is the week with the year's first Thursday.
 *
 * @param key   {@code 2026-W49}
 * @param start the Monday 00:00 that opens it
 * @param end   the next Monday 00:00, the first instant after it
 */
public record Week(String key, ZoneId zone, Instant start, Instant end) {

    private static final Pattern KEY = Pattern.compile("(\\d{4})-W(\\d{2})");

    /**
     * The week a person typed.
     *
     * @throws IllegalArgumentException saying what was expected, for a one-line error
     */
    public static Week parse(String text, ZoneId zone) {
        String typed = text == null ? "" : text.strip();
        Matcher m = KEY.matcher(typed.toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected --week like 2026-W49, found '" + typed + "'");
        }
        int year = Integer.parseInt(m.group(1));
        int number = Integer.parseInt(m.group(2));
        LocalDate jan4 = LocalDate.of(year, 1, 4);
        long weeksInYear = IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(jan4).getMaximum();
        if (number < 1 || number > weeksInYear) {
            throw new IllegalArgumentException("expected --week like 2026-W49 with a week from 01 to " + weeksInYear
                    + " of " + year + ", found '" + typed + "'");
        }
        return of(jan4.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY), zone);
    }

    /** The week an instant falls in, on the zone's clocks. */
    public static Week containing(Instant at, ZoneId zone) {
        return of(at.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), zone);
    }

    /** The last week that ended by this instant: the one before the week it falls in. */
    public static Week lastCompleteBefore(Instant at, ZoneId zone) {
        return containing(at, zone).previous();
    }

    private static Week of(LocalDate monday, ZoneId zone) {
        String key = String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new Week(key, zone, monday.atStartOfDay(zone).toInstant(), monday.plusWeeks(1).atStartOfDay(zone).toInstant());
    }

    public Week previous() {
        return of(monday().minusWeeks(1), zone);
    }

    public LocalDate monday() {
        return start.atZone(zone).toLocalDate();
    }

    /** The Sunday that closes it. */
    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
