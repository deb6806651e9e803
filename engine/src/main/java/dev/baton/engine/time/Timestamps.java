package dev.baton.engine.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The one timestamp rule of Baton's readers: what {@code baton import} and {@code baton discover}
 * accept in any export or log (docs/mapping-reference.md and docs/discovery.md list the forms).
 * Parses the timestamps event logs carry into instants. A hand-written parser takes the
 * ISO-8601 forms (XES, OCEL, most CSV exports) without allocating: {@code 2024-03-01},
 * {@code 2024-03-01T09:15}, {@code 2024-03-01 09:15:00.123}, with {@code Z}, {@code +01:00} or
 * {@code +0100} or no offset. Then day-first forms ({@code 01/03/2024 09:15[:00]},
 * {@code 01-03-2024 09:15[:00]}, {@code 01.03.2024 …}) and epoch numbers (seconds below 10^11,
 * milliseconds above). A time without an offset is read as UTC, as pm4py does.
 */
public final class Timestamps {

    private static final List<DateTimeFormatter> DAY_FIRST = List.of(
            DateTimeFormatter.ofPattern("dd/MM/yyyy[ HH:mm[:ss][.SSS]]"),
            DateTimeFormatter.ofPattern("dd-MM-yyyy[ HH:mm[:ss][.SSS]]"),
            DateTimeFormatter.ofPattern("dd.MM.yyyy[ HH:mm[:ss][.SSS]]"),
            DateTimeFormatter.ofPattern("yyyy/MM/dd[ HH:mm[:ss][.SSS]]"));

    /** The forms accepted, for messages: "expected a timestamp (FORMS), found …". */
    public static final String FORMS = "ISO-8601 such as 2024-03-01T09:15:00Z, 2024-03-01 09:15 or 2024-03-01, "
            + "day first such as 01/03/2024 09:15, or epoch seconds/milliseconds";

    private Timestamps() {
    }

    /**
     * Epoch milliseconds of {@code text}.
     *
     * @throws IllegalArgumentException naming the forms understood, when none matches
     */
    public static long parse(String text) {
        return instant(text).toEpochMilli();
    }

    /** The instant of {@code text}, or null when it is none of the forms (or blank). */
    public static Instant parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        Instant iso = iso(s);
        if (iso != null) {
            return iso;
        }
        if (!s.isEmpty() && s.length() <= 15 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long n = Long.parseLong(s);
            return n < 100_000_000_000L ? Instant.ofEpochSecond(n) : Instant.ofEpochMilli(n);
        }
        for (DateTimeFormatter format : DAY_FIRST) {
            try {
                var parsed = format.parseBest(s, LocalDateTime::from, LocalDate::from);
                LocalDateTime time = parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
                return time.toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        return null;
    }

    /**
     * The instant of {@code text}, to the nanosecond.
     *
     * @throws IllegalArgumentException naming the forms understood, when none matches
     */
    public static Instant instant(String text) {
        Instant parsed = parseOrNull(text);
        if (parsed == null) {
            throw new IllegalArgumentException("expected a timestamp (" + FORMS + "), found '" + text + "'");
        }
        return parsed;
    }

    /** The ISO-8601 forms, or null when {@code s} is not one. */
    private static Instant iso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        int i = 10;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long nanos = 0;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == ' ')) {
            if (n < i + 6 || s.charAt(i + 3) != ':') {
                return null;
            }
            hour = digits(s, i + 1, 2);
            minute = digits(s, i + 4, 2);
            i += 6;
            if (i < n && s.charAt(i) == ':') {
                second = digits(s, i + 1, 2);
                i += 3;
                if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                    i++;
                    long scale = 100_000_000;
                    int start = i;
                    while (i < n && Character.isDigit(s.charAt(i))) {
                        nanos += (s.charAt(i) - '0') * scale;
                        scale /= 10;
                        i++;
                    }
                    if (i == start) {
                        return null;
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
                return null;
            }
        }
        int offsetSeconds = 0;
        if (i < n) {
            char c = s.charAt(i);
            if (c == 'Z' || c == 'z') {
                i++;
            } else if (c == '+' || c == '-') {
                int oh = digits(s, i + 1, 2);
                int om;
                if (i + 3 < n && s.charAt(i + 3) == ':') {
                    om = digits(s, i + 4, 2);
                    i += 6;
                } else if (i + 5 <= n) {
                    om = digits(s, i + 3, 2);
                    i += 5;
                } else {
                    om = 0;
                    i += 3;
                }
                if (oh < 0 || om < 0 || oh > 18) {
                    return null;
                }
                offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            }
        }
        if (i != n) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            long secondsOfDay = hour * 3600L + minute * 60L + second - offsetSeconds;
            return Instant.ofEpochSecond(epochDay * 86_400L + secondsOfDay, nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The number written by {@code count} digits at {@code from}, or -1. */
    private static int digits(String s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
