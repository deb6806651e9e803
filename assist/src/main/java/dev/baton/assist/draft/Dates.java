package dev.baton.assist.draft;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as requests write them: {@code 2026-03-15}, {@code 15 March 2026}, {@code March 15},
 * {@code Mar 15th, 2026}; a date without a year is its next occurrence from today. Day/month with
 * slashes is left alone (03/04 is March in one country and April in another), and so is a month
 * without a day: a draft does not choose a day the request did not state. A quarter
 * ({@code Q3 2026}) is found as a range, used only where a brief has both a start and an end.
 */
final class Dates {

    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern ISO = Pattern.compile("(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d-])");
    private static final Pattern DAY_MONTH = Pattern.compile("(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"
            + MONTH + "(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile("(?<![\\p{L}\\d])" + MONTH
            + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?(?![\\p{L}\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUARTER = Pattern.compile("(?<![\\p{L}\\d])Q([1-4])(?:\\s*(?:of\\s+)?(\\d{4})|\\s*'?(\\d{2})(?!\\d))?(?![\\p{L}\\d])");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec");

    private Dates() {
    }

    /** Every date the text states, in order; a quarter as a {@link Mention.Kind#QUARTER} whose value is its first day. */
    static List<Mention> find(String text, LocalDate today) {
        List<Mention> found = new ArrayList<>();
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            add(found, m, date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        m = DAY_MONTH.matcher(text);
        while (m.find()) {
            add(found, m, date(m.group(3), month(m.group(2)), Integer.parseInt(m.group(1)), today));
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            add(found, m, date(m.group(3), month(m.group(1)), Integer.parseInt(m.group(2)), today));
        }
        m = QUARTER.matcher(text);
        while (m.find()) {
            int q = Integer.parseInt(m.group(1));
            int year = m.group(2) != null ? Integer.parseInt(m.group(2))
                    : m.group(3) != null ? 2000 + Integer.parseInt(m.group(3)) : -1;
            LocalDate first;
            if (year < 0) {
                first = LocalDate.of(today.getYear(), 3 * q - 2, 1);
                if (first.plusMonths(3).isBefore(today) || first.plusMonths(3).isEqual(today)) {
                    first = first.plusYears(1);
                }
            } else {
                first = LocalDate.of(year, 3 * q - 2, 1);
            }
            int start = m.start();
            int end = m.end();
            if (found.stream().noneMatch(f -> f.overlaps(start, end))) {
                found.add(new Mention(start, end, first, Mention.Kind.QUARTER));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Mention::start));
        return found;
    }

    /** The last day of the quarter that starts on {@code first}. */
    static LocalDate quarterEnd(LocalDate first) {
        return first.plusMonths(3).minusDays(1);
    }

    /** The first date stated in a value ("15 March", "2026-03-15"), or null. */
    static LocalDate parse(String value, LocalDate today) {
        return find(value, today).stream().filter(d -> d.kind() == Mention.Kind.DATE)
                .map(d -> (LocalDate) d.value()).findFirst().orElse(null);
    }

    private static void add(List<Mention> found, Matcher m, LocalDate date) {
        int start = m.start();
        int end = m.end();
        if (date != null && found.stream().noneMatch(f -> f.overlaps(start, end))) {
            found.add(new Mention(start, end, date, Mention.Kind.DATE));
        }
    }

    private static int month(String name) {
        return MONTHS.indexOf(name.toLowerCase(Locale.ROOT).substring(0, 3)) + 1;
    }

    private static LocalDate date(String year, int month, int day, LocalDate today) {
        if (year != null) {
            return date(Integer.parseInt(year), month, day);
        }
        LocalDate thisYear = date(today.getYear(), month, day);
        if (thisYear == null) {
            return null;
        }
        return thisYear.isBefore(today) ? date(today.getYear() + 1, month, day) : thisYear;
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
