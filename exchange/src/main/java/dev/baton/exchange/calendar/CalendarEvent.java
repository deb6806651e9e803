package dev.baton.exchange.calendar;

import dev.baton.exchange.calendar.MeetingInstance.Attendance;
import java.time.Instant;
import java.util.List;

/**
 * One VEVENT as the import needs it, whichever reader read it ({@link FastCalendarReader} or
 * {@link Ical4jEvents}): its occurrences already expanded, so {@link CalendarFile} applies
 * overrides and cancellations in one place.
 *
 * @param index         its position among the file's events (1-based), for messages
 * @param recurrenceId  the instance an override replaces (RECURRENCE-ID), else null
 * @param recurring     part of a series: an RRULE or RDATE, or an override of one
 * @param occurrences   the series' instances that start in the window (after EXDATE), or the one
 *                      instance of a single event or an override (wherever it starts), by start
 */
record CalendarEvent(int index, String uid, boolean cancelled, Instant recurrenceId, boolean recurring,
                     List<Occurrence> occurrences, Details details) {

    /** When one instance takes place; {@code allDay} when its DTSTART is a date. */
    record Occurrence(Instant start, Instant end, boolean allDay) {
    }

    /** What every instance of the event shares. */
    record Details(String title, String description, Attendance organizer, List<Attendance> attendees) {
    }

    /** The file's events and whether the file as a whole cancels them (METHOD:CANCEL). */
    record Events(boolean fileCancels, List<CalendarEvent> events) {
    }
}
