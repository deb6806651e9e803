package dev.baton.engine.jsonl;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The instants of a log in the form its writers give them, {@code 2026-03-02T09:15:00Z}, read
 * without the JDK's general ISO-8601 parser, which costs more than the rest of an event's
 * envelope. Anything else (fractions of a second, offsets, leap seconds, bad dates) is left to
 * {@link Instant#parse}.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant of {@code yyyy-MM-ddTHH:mm:ssZ}, or null when the text is not exactly a valid one of those. */
    public static Instant utcSeconds(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        if (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600L + minute * 60L + second);
    }

    /** The decimal number of {@code length} digits at {@code start}, or -1 when one is not a digit. */
    private static int digits(String text, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
