package dev.baton.insight.debt;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;

/** ISO weeks as the report names them ({@code 2026-W03}). */
public final class Weeks {

    private Weeks() {
    }

    /** The ISO week of a day, {@code 2026-W03}: the one key every weekly figure is grouped by. */
    public static String of(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        return String.format(java.util.Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR),
                d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The Monday of a week key. */
    public static LocalDate monday(String week) {
        int year = Integer.parseInt(week.substring(0, week.indexOf("-W")));
        int number = Integer.parseInt(week.substring(week.indexOf("-W") + 2));
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number).with(DayOfWeek.MONDAY);
    }

    /** Weeks from one key to a later one: 1 for consecutive weeks. */
    public static long between(String from, String to) {
        return ChronoUnit.WEEKS.between(monday(from), monday(to));
    }
}
