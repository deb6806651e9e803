package dev.baton.measure.crm;

import dev.baton.engine.time.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as CRM exports write them. Salesforce writes the exporting user's locale, in the US
 * {@code 3/31/2026} and {@code 3/31/2026, 2:15 PM}; HubSpot {@code 2026-03-31 14:22}. Slashed dates
 * with the year last are month first unless the mapping says {@code dates: day-first}; every other
 * form (ISO-8601 with or without a zone, day-first with dots or dashes, epoch milliseconds) follows
 * Baton's one timestamp rule ({@link Timestamps}). A time without a zone is UTC.
 */
final class CrmDates {

    private static final Pattern SLASHED = Pattern.compile(
            "(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:,?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?)?");

    static final String EXPECTED = "a date like 2026-03-31";

    private CrmDates() {
    }

    /** The instant written, or null when {@code text} is no date this reader knows. */
    static Instant parse(String text, boolean dayFirst) {
        String s = text.trim();
        Matcher m = SLASHED.matcher(s);
        if (m.matches()) {
            return slashed(m, dayFirst);
        }
        if (s.chars().allMatch(Character::isDigit) && s.length() < 10) {
            return null; // "20260331" or "2026" are not epoch seconds in a CRM export
        }
        return Timestamps.parseOrNull(s);
    }

    /** A hint when the other order of day and month would read the text. */
    static String hint(String text, boolean dayFirst) {
        Matcher m = SLASHED.matcher(text.trim());
        if (m.matches() && slashed(m, !dayFirst) != null) {
            return dayFirst ? " (it reads month first: set 'dates: month-first' in the mapping)"
                    : " (it reads day first: set 'dates: day-first' in the mapping)";
        }
        return "";
    }

    private static Instant slashed(Matcher m, boolean dayFirst) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        int year = Integer.parseInt(m.group(3));
        int month = dayFirst ? b : a;
        int day = dayFirst ? a : b;
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        if (m.group(7) != null) {
            if (hour < 1 || hour > 12) {
                return null;
            }
            boolean pm = Character.toLowerCase(m.group(7).charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day).atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
