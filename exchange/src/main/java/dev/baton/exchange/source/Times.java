package dev.baton.exchange.source;

import dev.baton.engine.time.Timestamps;
import java.time.Instant;
import java.util.Optional;

/**
 * The timestamp shapes tools write: ISO-8601 with {@code Z}, with {@code +02:00} or Jira's
 * {@code +0200}, with or without fractions, and everything else {@link Timestamps} accepts (day
 * first, epoch seconds or milliseconds). A time without an offset is read as UTC (pm4py's rule
 * for naive OCEL and XES times), so the same log gives the same instants everywhere.
 */
public final class Times {

    private Times() {
    }

    /**
     * The common shapes ({@code 2026-03-02T09:15:00Z}, {@code 2026-03-02T09:15:00.123+0100},
     * {@code …+01:00}) read by hand: an import parses millions of them, and the general formatter
     * costs several times more. Null when the text has another shape.
     */
    static Instant fast(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || month < 1 || month > 12 || day < 1 || day > 31
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (i < n && t.charAt(i) == '.') {
            int start = ++i;
            while (i < n && Character.isDigit(t.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 9) {
                return null;
            }
            nanos = digits(t, start, length);
            for (int k = length; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && t.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            int sign = t.charAt(i) == '-' ? -1 : 1;
            int oh;
            int om;
            if (n - i == 6 && t.charAt(i + 3) == ':') {
                oh = digits(t, i + 1, 2);
                om = digits(t, i + 4, 2);
            } else if (n - i == 5) {
                oh = digits(t, i + 1, 2);
                om = digits(t, i + 3, 2);
            } else {
                return null;
            }
            if (oh < 0 || om < 0 || oh > 18 || om > 59) {
                return null;
            }
            offsetSeconds = sign * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        long seconds = epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The instant of a tool's timestamp, or empty when it is not one: the common shapes by hand,
     * then Baton's one timestamp rule ({@link Timestamps}), the same as {@code baton discover}'s.
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        Instant fast = fast(t);
        return fast != null ? Optional.of(fast) : Optional.ofNullable(Timestamps.parseOrNull(t));
    }

    /** "expected a timestamp (the forms), found 'text'", for the readers' messages. */
    public static String expected(String text) {
        return "expected a timestamp (" + Timestamps.FORMS + "), found '" + text + "'";
    }
}
