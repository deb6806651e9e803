package dev.baton.insight.log;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Parses the timestamps event logs carry into epoch milliseconds. A hand-written parser takes the
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

    private Timestamps() {
    }

    /**
     * Epoch milliseconds of {@code text}.
     *
     * @throws IllegalArgumentException naming the forms understood, when none matches
     */
    public static long parse(String text) {
        String s = text.trim();
        long iso = iso(s);
        if (iso != Long.MIN_VALUE) {
            return iso;
        }
        if (!s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() <= 15) {
            long n = Long.parseLong(s);
            return n < 100_000_000_000L ? n * 1000 : n;
        }
        for (DateTimeFormatter format : DAY_FIRST) {
            try {
                var parsed = format.parseBest(s, LocalDateTime::from, LocalDate::from);
                LocalDateTime time = parsed instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) parsed;
                return time.toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException ignored) {
                // try the next form
            }
        }
        throw new IllegalArgumentException("expected a timestamp (ISO-8601 such as 2024-03-01T09:15:00Z, "
                + "01/03/2024 09:15, or epoch seconds/milliseconds), found '" + text + "'");
    }

    /** The ISO-8601 forms, or Long.MIN_VALUE when {@code s} is not one. */
    private static long iso(String s) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return Long.MIN_VALUE;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
            return Long.MIN_VALUE;
        }
        int i = 10;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long nanos = 0;
        if (i < n && (s.charAt(i) == 'T' || s.charAt(i) == ' ')) {
            if (n < i + 6 || s.charAt(i + 3) != ':') {
                return Long.MIN_VALUE;
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
                        return Long.MIN_VALUE;
                    }
                }
            }
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
                return Long.MIN_VALUE;
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
                    return Long.MIN_VALUE;
                }
                offsetSeconds = (c == '-' ? -1 : 1) * (oh * 3600 + om * 60);
            }
        }
        if (i != n) {
            return Long.MIN_VALUE;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            long secondsOfDay = hour * 3600L + minute * 60L + second - offsetSeconds;
            return (epochDay * 86_400L + secondsOfDay) * 1000L + nanos / 1_000_000L;
        } catch (java.time.DateTimeException e) {
            return Long.MIN_VALUE;
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
