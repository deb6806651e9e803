package dev.baton.insight.simulation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Office hours for simulated people: Monday to Friday, 09:00 to 17:00 UTC. Work advances only
 * inside them, so that a log looks like a team's week rather than a machine's.
 */
final class WorkingHours {

    static final int OPEN = 9;
    static final int CLOSE = 17;
    private static final long DAY_SECONDS = (CLOSE - OPEN) * 3600L;

    private WorkingHours() {
    }

    /** The same moment if it is inside office hours, else the next opening. */
    static long next(long epochSecond) {
        ZonedDateTime t = ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
        LocalDate day = t.toLocalDate();
        int secondOfDay = t.toLocalTime().toSecondOfDay();
        if (isWorkday(day) && secondOfDay >= OPEN * 3600 && secondOfDay < CLOSE * 3600) {
            return epochSecond;
        }
        if (!isWorkday(day) || secondOfDay >= CLOSE * 3600) {
            day = nextWorkday(day.plusDays(1));
        }
        return opening(day);
    }

    /** The moment {@code hours} of office time after {@code from} (from is moved into office hours first). */
    static long plus(long from, double hours) {
        long t = next(from);
        long left = Math.max(0, Math.round(hours * 3600));
        while (true) {
            LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(t, 86_400));
            long untilClose = opening(day) + DAY_SECONDS - t;
            if (left <= untilClose) {
                return t + left;
            }
            left -= untilClose;
            day = nextWorkday(day.plusDays(1));
            // Whole days at once; a remainder of exactly a day ends at that day's close.
            while (left > DAY_SECONDS) {
                left -= DAY_SECONDS;
                day = nextWorkday(day.plusDays(1));
            }
            t = opening(day);
        }
    }

    /**
     * The latest office-hours moment in (from, to], or {@code to} itself when no office hour lies
     * in between: used to end on-time work inside office hours without pushing it past its SLA.
     */
    static long latestWithin(long from, long to) {
        ZonedDateTime z = ZonedDateTime.ofInstant(Instant.ofEpochSecond(to), ZoneOffset.UTC);
        LocalDate day = z.toLocalDate();
        int secondOfDay = z.toLocalTime().toSecondOfDay();
        long candidate;
        if (isWorkday(day) && secondOfDay >= OPEN * 3600 && secondOfDay <= CLOSE * 3600) {
            return to;
        } else if (isWorkday(day) && secondOfDay > CLOSE * 3600) {
            candidate = opening(day) + DAY_SECONDS;
        } else {
            candidate = opening(previousWorkday(day.minusDays(1))) + DAY_SECONDS;
        }
        return candidate > from ? candidate : to;
    }

    /** The (UTC) day of a moment. */
    static LocalDate day(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400));
    }

    static long opening(LocalDate day) {
        return day.toEpochDay() * 86_400 + OPEN * 3600L;
    }

    static LocalDate nextWorkday(LocalDate day) {
        LocalDate d = day;
        while (!isWorkday(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    static LocalDate previousWorkday(LocalDate day) {
        LocalDate d = day;
        while (!isWorkday(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    static boolean isWorkday(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }
}
