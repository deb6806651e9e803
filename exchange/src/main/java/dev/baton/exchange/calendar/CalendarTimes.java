package dev.baton.exchange.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.model.TimeZoneRegistry;

/**
 * DATE and DATE-TIME values of one file (RFC 5545 3.3.4, 3.3.5) as the same java.time values
 * ical4j gives: a date, a floating date-time, a date-time in its TZID's zone, or a UTC instant.
 * Each TZID is resolved once, the way ical4j resolves it (IANA names and its aliases for
 * Windows names); ical4j itself resolves it anew for every date, copying the JDK's ~600 zone
 * names each time, which made it most of the import's time.
 */
final class CalendarTimes {

    /**
     * Every TZID resolved so far, for the whole process: resolving one builds ical4j's zone rules
     * anew (its own tz data), and the answer for a TZID does not change.
     */
    private static final Map<String, ZoneId> ZONES = new ConcurrentHashMap<>();

    /** The value of a DTSTART-like line: one date or date-time. */
    Temporal of(ContentLine line) throws FastCalendarReader.NotFast {
        checkValueType(line);
        return value(line.value(), line.param("TZID"));
    }

    /** The values of an RDATE or EXDATE line, which may list several. */
    List<Temporal> list(ContentLine line) throws FastCalendarReader.NotFast {
        checkValueType(line);
        List<Temporal> values = new ArrayList<>();
        for (String v : line.value().split(",", -1)) {
            values.add(value(v, line.param("TZID")));
        }
        return values;
    }

    /** {@code yyyyMMdd}, {@code yyyyMMddTHHmmss} (in {@code tzid}'s zone when given) or {@code yyyyMMddTHHmmssZ}. */
    Temporal value(String v, String tzid) throws FastCalendarReader.NotFast {
        try {
            if (v.length() == 8 && tzid == null) {
                return LocalDate.of(digits(v, 0, 4), digits(v, 4, 6), digits(v, 6, 8));
            }
            if (v.length() >= 15 && v.charAt(8) == 'T') {
                LocalDateTime local = LocalDateTime.of(digits(v, 0, 4), digits(v, 4, 6), digits(v, 6, 8),
                        digits(v, 9, 11), digits(v, 11, 13), digits(v, 13, 15));
                if (v.length() == 15) {
                    return tzid == null ? local : local.atZone(zone(tzid));
                }
                if (v.length() == 16 && v.charAt(15) == 'Z' && tzid == null) {
                    return local.toInstant(ZoneOffset.UTC);
                }
            }
        } catch (DateTimeException e) {
            throw new FastCalendarReader.NotFast("not a date: " + v);
        }
        throw new FastCalendarReader.NotFast("not a date or date-time the fast reader knows: " + v);
    }

    private ZoneId zone(String tzid) throws FastCalendarReader.NotFast {
        ZoneId zone = ZONES.get(tzid);
        if (zone == null) {
            try {
                zone = TimeZoneRegistry.getGlobalZoneId(tzid);
            } catch (RuntimeException e) {
                throw new FastCalendarReader.NotFast("time zone " + tzid);
            }
            ZONES.putIfAbsent(tzid, zone);
        }
        return zone;
    }

    /** VALUE=PERIOD (an RDATE with a length of its own) and other kinds are ical4j's. */
    private static void checkValueType(ContentLine line) throws FastCalendarReader.NotFast {
        String type = line.param("VALUE");
        if (type != null && !type.equals("DATE") && !type.equals("DATE-TIME")) {
            throw new FastCalendarReader.NotFast("VALUE=" + type);
        }
    }

    private static int digits(String v, int from, int to) throws FastCalendarReader.NotFast {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new FastCalendarReader.NotFast("not a date: " + v);
            }
            n = n * 10 + c - '0';
        }
        return n;
    }
}
