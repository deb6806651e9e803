package dev.baton.measure.crm;

import dev.baton.engine.time.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Dates as CRM exports write them. Salesforce writes the exporting user's locale, in the US
 * {@code 3/31/2026} and {@code 3/31/2026, 2:15 PM}; HubSpot {@code 2026-03-31 14:22}. Slashed dates
 * with the year last are month first unless the mapping says {@code dates: day-first}; every other
 * form (ISO-8601 with or without a zone, day-first with dots or dashes, epoch milliseconds) follows
 * Baton's one timestamp rule ({@link Timestamps}). A time without a zone is UTC.
 */
final class CrmDates {

    static final String EXPECTED = "a date like 2026-03-31";

    private CrmDates() {
    }

    /** The instant written, or null when {@code text} is no date this reader knows. */
    static Instant parse(String text, boolean dayFirst) {
        String s = text.trim();
        // By hand, not by regular expression or formatter: a million touchpoints have a date each.
        Slashed slashed = Slashed.of(s);
        if (slashed != null) {
            return slashed.instant(dayFirst);
        }
        if (s.length() < 10 && allDigits(s)) {
            return null; // "20260331" or "2026" are not epoch seconds in a CRM export
        }
        return Timestamps.parseOrNull(s);
    }

    /** A hint when the other order of day and month would read the text. */
    static String hint(String text, boolean dayFirst) {
        Slashed slashed = Slashed.of(text.trim());
        if (slashed != null && slashed.instant(!dayFirst) != null) {
            return dayFirst ? " (it reads month first: set 'dates: month-first' in the mapping)"
                    : " (it reads day first: set 'dates: day-first' in the mapping)";
        }
        return "";
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A slashed date with the year last, {@code a/b/yyyy}, optionally followed by a comma, spaces
     * and a time {@code h:mm[:ss]} with an optional AM or PM: 3/31/2026, 3/31/2026 2:15 PM,
     * 31/3/2026, 14:15. {@code ampm} is 0, 'a' or 'p'.
     */
    private record Slashed(int a, int b, int year, int hour, int minute, int second, char ampm) {

        static Slashed of(String s) {
            int n = s.length();
            int[] at = {0};
            int a = number(s, at, 1, 2);
            if (a < 0 || !take(s, at, '/')) {
                return null;
            }
            int b = number(s, at, 1, 2);
            if (b < 0 || !take(s, at, '/')) {
                return null;
            }
            int year = number(s, at, 4, 4);
            if (year < 0) {
                return null;
            }
            if (at[0] == n) {
                return new Slashed(a, b, year, 0, 0, 0, (char) 0);
            }
            take(s, at, ',');
            int spaces = at[0];
            while (at[0] < n && space(s.charAt(at[0]))) {
                at[0]++;
            }
            if (at[0] == spaces) {
                return null;
            }
            int hour = number(s, at, 1, 2);
            if (hour < 0 || !take(s, at, ':')) {
                return null;
            }
            int minute = number(s, at, 2, 2);
            if (minute < 0) {
                return null;
            }
            int second = 0;
            if (take(s, at, ':')) {
                second = number(s, at, 2, 2);
                if (second < 0) {
                    return null;
                }
            }
            while (at[0] < n && space(s.charAt(at[0]))) {
                at[0]++;
            }
            char ampm = 0;
            if (at[0] + 2 == n && "AaPp".indexOf(s.charAt(at[0])) >= 0 && (s.charAt(at[0] + 1) == 'M' || s.charAt(at[0] + 1) == 'm')) {
                ampm = Character.toLowerCase(s.charAt(at[0]));
                at[0] += 2;
            }
            return at[0] == n ? new Slashed(a, b, year, hour, minute, second, ampm) : null;
        }

        Instant instant(boolean dayFirst) {
            int month = dayFirst ? b : a;
            int day = dayFirst ? a : b;
            int h = hour;
            if (ampm != 0) {
                if (h < 1 || h > 12) {
                    return null;
                }
                h = h % 12 + (ampm == 'p' ? 12 : 0);
            }
            if (h > 23 || minute > 59 || second > 59) {
                return null;
            }
            try {
                return LocalDate.of(year, month, day).atTime(h, minute, second).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                return null;
            }
        }

        /** {@code min} to {@code max} ASCII digits at {@code at[0]} (moved past them), or -1. */
        private static int number(String s, int[] at, int min, int max) {
            int i = at[0];
            int value = 0;
            while (i < s.length() && i - at[0] < max && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
            }
            if (i - at[0] < min) {
                return -1;
            }
            at[0] = i;
            return value;
        }

        private static boolean take(String s, int[] at, char c) {
            if (at[0] < s.length() && s.charAt(at[0]) == c) {
                at[0]++;
                return true;
            }
            return false;
        }

        /** What {@code \\s} matches. */
        private static boolean space(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }
    }
}
