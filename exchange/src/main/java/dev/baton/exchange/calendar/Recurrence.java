package dev.baton.exchange.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The instances of a recurring event (RFC 5545 3.3.10, 3.8.5) for the rules calendars use for
 * meetings: FREQ=DAILY, WEEKLY or MONTHLY with INTERVAL, COUNT or UNTIL, BYDAY (with ordinals
 * such as 2TU or -1FR in a monthly rule), BYMONTHDAY and WKST, plus RDATE and EXDATE. Expanding
 * these with java.time is some hundred times faster than ical4j; every other rule (YEARLY,
 * BYSETPOS, BYMONTH, several RRULEs, a DTSTART the rule does not produce, …) is
 * {@link Unsupported} and left to ical4j. The expansion walks from DTSTART, because COUNT counts
 * from there, and stops at the window's end.
 */
final class Recurrence {

    /** A recurrence this class does not expand; ical4j does. */
    static final class Unsupported extends Exception {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private enum Freq { DAILY, WEEKLY, MONTHLY }

    /** A BYDAY entry: the weekday and, in a monthly rule, which one of the month (0: every one). */
    private record WeekdayNum(int ordinal, DayOfWeek day) {
    }

    private final Freq freq;
    private final int interval;
    private final int count;
    private final Temporal until;
    private final List<WeekdayNum> byDay;
    private final List<Integer> byMonthDay;
    private final DayOfWeek weekStart;

    private Recurrence(Freq freq, int interval, int count, Temporal until, List<WeekdayNum> byDay,
                       List<Integer> byMonthDay, DayOfWeek weekStart) {
        this.freq = freq;
        this.interval = interval;
        this.count = count;
        this.until = until;
        this.byDay = byDay;
        this.byMonthDay = byMonthDay;
        this.weekStart = weekStart;
    }

    /** An RRULE value; {@code times} reads its UNTIL. */
    static Recurrence parse(String rule, CalendarTimes times) throws Unsupported {
        Freq freq = null;
        int interval = 1;
        int count = -1;
        Temporal until = null;
        List<WeekdayNum> byDay = List.of();
        List<Integer> byMonthDay = List.of();
        DayOfWeek weekStart = DayOfWeek.MONDAY;
        try {
            for (String part : rule.split(";")) {
                int eq = part.indexOf('=');
                String key = eq < 0 ? part : part.substring(0, eq);
                String value = part.substring(eq + 1);
                switch (key) {
                    case "FREQ" -> freq = Freq.valueOf(value);
                    case "INTERVAL" -> interval = positive(value);
                    case "COUNT" -> count = positive(value);
                    case "UNTIL" -> until = times.value(value, null);
                    case "BYDAY" -> byDay = byDay(value);
                    case "BYMONTHDAY" -> byMonthDay = byMonthDay(value);
                    case "WKST" -> weekStart = day(value);
                    default -> throw new Unsupported(key);
                }
            }
        } catch (IllegalArgumentException | FastCalendarReader.NotFast e) {
            throw new Unsupported(rule);
        }
        if (freq == null || count > 0 && until != null) {
            throw new Unsupported(rule);
        }
        boolean ordinals = byDay.stream().anyMatch(d -> d.ordinal() != 0);
        if (ordinals && freq != Freq.MONTHLY || !byMonthDay.isEmpty() && freq == Freq.WEEKLY) {
            throw new Unsupported(rule);
        }
        return new Recurrence(freq, interval, count, until, byDay, byMonthDay, weekStart);
    }

    /**
     * The instances starting in the window, by start, each as long as {@code duration}: the
     * rule's from DTSTART, with the RDATEs, without the EXDATEs (all as DTSTART's kind of value:
     * dates with a date, date-times with a date-time).
     */
    List<CalendarEvent.Occurrence> expand(Temporal dtStart, TemporalAmount duration, List<Temporal> rdates,
                                          List<Temporal> exdates, CalendarWindow window) throws Unsupported {
        Kind kind = Kind.of(dtStart);
        for (Temporal t : rdates) {
            kind.check(t);
        }
        for (Temporal t : exdates) {
            kind.check(t);
        }
        if (until != null) {
            kind.checkUntil(until);
        }
        Set<Instant> excluded = new TreeSet<>();
        for (Temporal t : exdates) {
            excluded.add(CalendarFile.instant(t, window.zone()));
        }
        Map<Instant, CalendarEvent.Occurrence> out = new TreeMap<>();
        LocalDate first = kind.date(dtStart);
        LocalTime time = kind.time(dtStart);
        // Far enough after the window's end whatever the zones: a period starting later adds nothing.
        LocalDate last = LocalDate.ofInstant(window.to(), ZoneOffset.UTC).plusDays(2);
        int emitted = 0;
        for (long period = 0; ; period += interval) {
            LocalDate periodStart = periodStart(first, period);
            if (periodStart.isAfter(last)) {
                break;
            }
            boolean done = false;
            for (LocalDate day : candidates(periodStart, first)) {
                if (day.isBefore(first)) {
                    continue;
                }
                Temporal start = kind.at(day, time, dtStart);
                if (emitted == 0 && !day.equals(first)) {
                    // RFC 5545 leaves such a set undefined, and ical4j keeps DTSTART or not by the rule.
                    throw new Unsupported("DTSTART is not an instance of its rule");
                }
                if (count > 0 && emitted >= count || until != null && kind.after(start, until)) {
                    done = true;
                    break;
                }
                emitted++;
                add(start, duration, excluded, window, out);
            }
            if (done) {
                break;
            }
        }
        for (Temporal t : rdates) {
            add(t, duration, excluded, window, out);
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Temporal start, TemporalAmount duration, Set<Instant> excluded, CalendarWindow window,
                            Map<Instant, CalendarEvent.Occurrence> out) {
        Instant at = CalendarFile.instant(start, window.zone());
        if (window.contains(at) && !excluded.contains(at)) {
            out.put(at, new CalendarEvent.Occurrence(at, CalendarFile.instant(start.plus(duration), window.zone()),
                    start instanceof LocalDate));
        }
    }

    private LocalDate periodStart(LocalDate first, long period) {
        return switch (freq) {
            case DAILY -> first.plusDays(period);
            case WEEKLY -> first.with(TemporalAdjusters.previousOrSame(weekStart)).plusWeeks(period);
            case MONTHLY -> first.withDayOfMonth(1).plusMonths(period);
        };
    }

    /** The days of one period (a day, a week from WKST, a month) the rule picks, in order. */
    private List<LocalDate> candidates(LocalDate periodStart, LocalDate first) {
        List<LocalDate> days = new ArrayList<>(8);
        switch (freq) {
            case DAILY -> {
                if ((byDay.isEmpty() || hasDay(periodStart.getDayOfWeek()))
                        && (byMonthDay.isEmpty() || monthDays(YearMonth.from(periodStart)).contains(periodStart))) {
                    days.add(periodStart);
                }
            }
            case WEEKLY -> {
                for (int i = 0; i < 7; i++) {
                    LocalDate d = periodStart.plusDays(i);
                    if (byDay.isEmpty() ? d.getDayOfWeek() == first.getDayOfWeek() : hasDay(d.getDayOfWeek())) {
                        days.add(d);
                    }
                }
            }
            case MONTHLY -> {
                YearMonth month = YearMonth.from(periodStart);
                TreeSet<LocalDate> picked = new TreeSet<>();
                if (byDay.isEmpty() && byMonthDay.isEmpty()) {
                    if (first.getDayOfMonth() <= month.lengthOfMonth()) {
                        picked.add(month.atDay(first.getDayOfMonth()));
                    }
                } else if (byDay.isEmpty()) {
                    picked.addAll(monthDays(month));
                } else {
                    picked.addAll(weekdaysOf(month));
                    if (!byMonthDay.isEmpty()) {
                        picked.retainAll(monthDays(month));
                    }
                }
                days.addAll(picked);
            }
        }
        return days;
    }

    private boolean hasDay(DayOfWeek day) {
        for (WeekdayNum d : byDay) {
            if (d.day() == day) {
                return true;
            }
        }
        return false;
    }

    /** BYMONTHDAY in one month: negative days count from its end; days it does not have are skipped. */
    private Set<LocalDate> monthDays(YearMonth month) {
        Set<LocalDate> days = new TreeSet<>();
        int length = month.lengthOfMonth();
        for (int d : byMonthDay) {
            int day = d > 0 ? d : length + 1 + d;
            if (day >= 1 && day <= length) {
                days.add(month.atDay(day));
            }
        }
        return days;
    }

    /** BYDAY in one month: 2TU the second Tuesday, -1FR the last Friday, TU every Tuesday. */
    private Set<LocalDate> weekdaysOf(YearMonth month) {
        Set<LocalDate> days = new TreeSet<>();
        for (WeekdayNum w : byDay) {
            List<LocalDate> all = new ArrayList<>(5);
            for (LocalDate d = month.atDay(1).with(TemporalAdjusters.nextOrSame(w.day())); !d.isAfter(month.atEndOfMonth());
                 d = d.plusWeeks(1)) {
                all.add(d);
            }
            if (w.ordinal() == 0) {
                days.addAll(all);
            } else {
                int i = w.ordinal() > 0 ? w.ordinal() - 1 : all.size() + w.ordinal();
                if (i >= 0 && i < all.size()) {
                    days.add(all.get(i));
                }
            }
        }
        return days;
    }

    private static int positive(String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(value);
        }
        return n;
    }

    private static List<WeekdayNum> byDay(String value) {
        List<WeekdayNum> days = new ArrayList<>();
        for (String d : value.split(",")) {
            int split = d.length() - 2;
            int ordinal = split == 0 ? 0 : Integer.parseInt(d.substring(0, split));
            if (split > 0 && (ordinal == 0 || Math.abs(ordinal) > 5)) {
                throw new IllegalArgumentException(d);
            }
            days.add(new WeekdayNum(ordinal, day(d.substring(split))));
        }
        return days;
    }

    private static List<Integer> byMonthDay(String value) {
        List<Integer> days = new ArrayList<>();
        for (String d : value.split(",")) {
            int day = Integer.parseInt(d);
            if (day == 0 || Math.abs(day) > 31) {
                throw new IllegalArgumentException(d);
            }
            days.add(day);
        }
        return days;
    }

    private static DayOfWeek day(String twoLetters) {
        return switch (twoLetters) {
            case "MO" -> DayOfWeek.MONDAY;
            case "TU" -> DayOfWeek.TUESDAY;
            case "WE" -> DayOfWeek.WEDNESDAY;
            case "TH" -> DayOfWeek.THURSDAY;
            case "FR" -> DayOfWeek.FRIDAY;
            case "SA" -> DayOfWeek.SATURDAY;
            case "SU" -> DayOfWeek.SUNDAY;
            default -> throw new IllegalArgumentException(twoLetters);
        };
    }

    /**
     * DTSTART's kind of value, which every instance keeps: a date (all day), a floating
     * date-time, a date-time in a zone (the wall-clock time kept across DST changes), or UTC.
     */
    private enum Kind {
        DATE, FLOATING, ZONED, UTC;

        static Kind of(Temporal t) throws Unsupported {
            if (t instanceof LocalDate) {
                return DATE;
            } else if (t instanceof LocalDateTime) {
                return FLOATING;
            } else if (t instanceof ZonedDateTime) {
                return ZONED;
            } else if (t instanceof Instant) {
                return UTC;
            }
            throw new Unsupported("DTSTART " + t);
        }

        /** RDATE and EXDATE: a date with a date, a date-time (in any zone) with a date-time. */
        void check(Temporal t) throws Unsupported {
            if ((this == DATE) != (t instanceof LocalDate)) {
                throw new Unsupported("a date and a date-time mixed: " + t);
            }
        }

        /** UNTIL: a date with a date; UTC with a zoned or UTC start; a floating time with a floating start. */
        void checkUntil(Temporal until) throws Unsupported {
            boolean fits = switch (this) {
                case DATE -> until instanceof LocalDate;
                case FLOATING -> until instanceof LocalDateTime;
                case ZONED, UTC -> until instanceof Instant;
            };
            if (!fits) {
                throw new Unsupported("UNTIL " + until + " with a " + this + " start");
            }
        }

        LocalDate date(Temporal t) {
            return switch (this) {
                case DATE -> (LocalDate) t;
                case FLOATING -> ((LocalDateTime) t).toLocalDate();
                case ZONED -> ((ZonedDateTime) t).toLocalDate();
                case UTC -> LocalDate.ofInstant((Instant) t, ZoneOffset.UTC);
            };
        }

        LocalTime time(Temporal t) {
            return switch (this) {
                case DATE -> LocalTime.MIDNIGHT;
                case FLOATING -> ((LocalDateTime) t).toLocalTime();
                case ZONED -> ((ZonedDateTime) t).toLocalTime();
                case UTC -> LocalTime.ofInstant((Instant) t, ZoneOffset.UTC);
            };
        }

        Temporal at(LocalDate day, LocalTime time, Temporal dtStart) {
            return switch (this) {
                case DATE -> day;
                case FLOATING -> day.atTime(time);
                // A wall-clock time the DST change skips moves forward by the gap (RFC 5545 3.3.5).
                case ZONED -> ZonedDateTime.of(day, time, ((ZonedDateTime) dtStart).getZone());
                case UTC -> day.atTime(time).toInstant(ZoneOffset.UTC);
            };
        }

        boolean after(Temporal start, Temporal until) {
            return switch (this) {
                case DATE -> ((LocalDate) start).isAfter((LocalDate) until);
                case FLOATING -> ((LocalDateTime) start).isAfter((LocalDateTime) until);
                case ZONED -> ((ZonedDateTime) start).toInstant().isAfter((Instant) until);
                case UTC -> ((Instant) start).isAfter((Instant) until);
            };
        }
    }
}
