package dev.baton.exchange.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One iCalendar file (RFC 5545): each VEVENT's instances in the window, its recurrence (RRULE,
 * RDATE, EXDATE) expanded, overrides (RECURRENCE-ID) put in place of the instances they replace,
 * and what the file cancels (STATUS:CANCELLED on an event or an override, or the whole file under
 * METHOD:CANCEL) listed apart, because a cancellation found in one calendar removes the instance
 * from every other calendar it appears in.
 *
 * <p>Files are read by {@link FastCalendarReader}, which handles what calendar exports hold; a
 * file it is not sure of (a malformed line, an unknown time zone, …) is read by ical4j
 * ({@link Ical4jEvents}), which accepts it or names the problem with its line.
 */
public final class CalendarFile {

    /** What one file holds. {@code cancelledSeries} are UIDs cancelled as a whole. */
    public record Contents(List<MeetingInstance> instances, Set<MeetingInstance.Key> cancelled,
                           Set<String> cancelledSeries) {
    }

    private CalendarFile() {
    }

    /**
     * @param name how the file is named in messages and on the events (its file name)
     */
    public static Contents read(InputStream in, String name, CalendarWindow window) throws CalendarFormatException,
            IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        CalendarEvent.Events events;
        try {
            events = FastCalendarReader.read(text, name, window);
        } catch (FastCalendarReader.NotFast e) {
            events = Ical4jEvents.read(text, name, window);
        }
        return contents(events, name, window);
    }

    /** Overrides in place of the instances they replace, cancellations apart. */
    static Contents contents(CalendarEvent.Events events, String name, CalendarWindow window) {
        Map<String, Set<Instant>> overrides = new HashMap<>();
        for (CalendarEvent e : events.events()) {
            if (e.recurrenceId() != null) {
                overrides.computeIfAbsent(e.uid(), u -> new HashSet<>()).add(e.recurrenceId());
            }
        }
        List<MeetingInstance> instances = new ArrayList<>();
        Set<MeetingInstance.Key> cancelled = new HashSet<>();
        Set<String> cancelledSeries = new HashSet<>();
        Set<MeetingInstance.Key> cancelledOverrides = new HashSet<>();
        for (CalendarEvent e : events.events()) {
            boolean cancelledHere = events.fileCancels() || e.cancelled();
            Set<Instant> replaced = Set.of();
            if (e.recurrenceId() != null) {
                MeetingInstance.Key key = new MeetingInstance.Key(e.uid(), e.recurrenceId());
                cancelled.add(key);
                if (cancelledHere) {
                    cancelledOverrides.add(key);
                    continue;
                }
                // Otherwise the override stands in for the instance it replaces, moved or not.
            } else if (cancelledHere) {
                // A cancelled event is still expanded: its instances are what the cancellation removes
                // (here and in every other calendar that shows them), and what the import counts.
                cancelledSeries.add(e.uid());
            }
            if (e.recurrenceId() == null && e.recurring()) {
                replaced = overrides.getOrDefault(e.uid(), Set.of());
            }
            for (CalendarEvent.Occurrence o : e.occurrences()) {
                if (window.contains(o.start()) && !replaced.contains(o.start())) {
                    instances.add(instance(e, o, name));
                }
            }
        }
        // An override replaces its instance here; it only cancels instances found in other calendars.
        Set<MeetingInstance.Key> overridden = new HashSet<>();
        instances.forEach(i -> overridden.add(i.key()));
        cancelled.removeIf(overridden::contains);
        cancelled.addAll(cancelledOverrides);
        return new Contents(instances, cancelled, cancelledSeries);
    }

    private static MeetingInstance instance(CalendarEvent e, CalendarEvent.Occurrence o, String name) {
        CalendarEvent.Details d = e.details();
        return new MeetingInstance(e.uid(), o.start(), o.end().isBefore(o.start()) ? o.start() : o.end(), o.allDay(),
                e.recurring(), d.title(), d.description(), d.organizer(), d.attendees(), name, e.index());
    }

    /** A calendar time as an instant: zoned and UTC times are what they say; floating times and dates in the window's zone. */
    static Instant instant(Temporal t, ZoneId zone) {
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof LocalDateTime l) {
            return l.atZone(zone).toInstant();
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(zone).toInstant();
        }
        throw new IllegalArgumentException("not a calendar time: " + t);
    }
}
