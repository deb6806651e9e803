package dev.baton.exchange.calendar;

import dev.baton.exchange.calendar.MeetingInstance.Attendance;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * A calendar file's events read and expanded by ical4j 4.2.3: the reference the fast reader is
 * tested against, and the reader of every file (or recurrence) the fast reader leaves to it. It
 * is slow for large calendars (it resolves the time zone of a date anew each time it is asked),
 * which is why it is not the first choice.
 */
final class Ical4jEvents {

    static {
        // Files saved on Unix often fold long lines with LF alone; RFC 5545 says CRLF. Reading
        // both is what every calendar client does, so a name folded mid-word stays one name.
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
    }

    private Ical4jEvents() {
    }

    static CalendarEvent.Events read(String text, String name, CalendarWindow window) throws CalendarFormatException,
            IOException {
        Calendar calendar = parse(text, name);
        boolean fileCancels = calendar.getProperty(Property.METHOD).map(m -> "CANCEL".equalsIgnoreCase(m.getValue()))
                .orElse(false);
        List<CalendarEvent> events = new ArrayList<>();
        int index = 0;
        for (VEvent event : calendar.<VEvent>getComponents(VEvent.VEVENT)) {
            events.add(event(event, ++index, name, window));
        }
        return new CalendarEvent.Events(fileCancels, events);
    }

    /**
     * The instances of one VEVENT's recurrence in the window, by start: what the fast reader asks
     * for a rule it does not expand itself. {@code text} is the event, BEGIN:VEVENT to END:VEVENT.
     */
    static List<CalendarEvent.Occurrence> expand(String text, String name, int index, CalendarWindow window)
            throws CalendarFormatException, IOException {
        Calendar calendar = parse("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + text + "END:VCALENDAR\r\n", name);
        return occurrences(calendar.<VEvent>getComponents(VEvent.VEVENT).get(0), name, index, window);
    }

    private static Calendar parse(String text, String name) throws CalendarFormatException, IOException {
        try {
            return new CalendarBuilder().build(new StringReader(text));
        } catch (ParserException e) {
            throw new CalendarFormatException(name, e.getLineNo(), describe(e), e);
        } catch (RuntimeException e) {
            // ical4j reports some malformed values (a date of the wrong form) without a line.
            throw new CalendarFormatException(name, 0, String.valueOf(e.getMessage()), e);
        }
    }

    private static CalendarEvent event(VEvent event, int index, String name, CalendarWindow window)
            throws CalendarFormatException {
        String uid = uid(event, name, index);
        Optional<Property> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
        Instant replaced = recurrenceId.isEmpty() ? null
                : CalendarFile.instant(temporal(recurrenceId.get(), name, index), window.zone());
        boolean series = event.getProperty(Property.RRULE).isPresent() || event.getProperty(Property.RDATE).isPresent();
        List<CalendarEvent.Occurrence> occurrences = series && replaced == null
                ? occurrences(event, name, index, window) : List.of(single(event, uid, name, index, window));
        return new CalendarEvent(index, uid, isCancelled(event), replaced, series || replaced != null, occurrences,
                details(event));
    }

    private static CalendarEvent.Occurrence single(VEvent event, String uid, String name, int index,
                                                   CalendarWindow window) throws CalendarFormatException {
        Property dtStart = event.getProperty(Property.DTSTART).orElseThrow(() ->
                new CalendarFormatException(name, 0, "event " + index + " (UID " + uid + ") has no DTSTART", null));
        Temporal startTime = temporal(dtStart, name, index);
        Instant start = CalendarFile.instant(startTime, window.zone());
        return new CalendarEvent.Occurrence(start, end(event, startTime, start, window, name, index),
                startTime instanceof LocalDate);
    }

    /** DTEND, else DTSTART + DURATION, else a day for an all-day event and nothing for a moment (RFC 5545 3.6.1). */
    private static Instant end(VEvent event, Temporal startTime, Instant start, CalendarWindow window, String name,
                               int index) throws CalendarFormatException {
        Optional<Property> dtEnd = event.getProperty(Property.DTEND);
        if (dtEnd.isPresent()) {
            return CalendarFile.instant(temporal(dtEnd.get(), name, index), window.zone());
        }
        Optional<Property> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            return CalendarFile.instant(startTime.plus(
                    ((net.fortuna.ical4j.model.property.Duration) duration.get()).getDuration()), window.zone());
        }
        return startTime instanceof LocalDate d ? CalendarFile.instant(d.plusDays(1), window.zone()) : start;
    }

    @SuppressWarnings("unchecked")
    private static List<CalendarEvent.Occurrence> occurrences(VEvent event, String name, int index,
                                                              CalendarWindow window) throws CalendarFormatException {
        Set<Period<Temporal>> periods;
        try {
            Period<ZonedDateTime> range = new Period<>(window.from().atZone(window.zone()),
                    window.to().atZone(window.zone()));
            periods = (Set<Period<Temporal>>) (Set<?>) event.calculateRecurrenceSet(range);
        } catch (RuntimeException e) {
            throw new CalendarFormatException(name, 0, "cannot expand the recurrence of event " + index + " ("
                    + event.getUid().map(Property::getValue).orElse("no UID") + "): " + e.getMessage(), e);
        }
        List<CalendarEvent.Occurrence> out = new ArrayList<>();
        for (Period<Temporal> p : periods) {
            Instant start = CalendarFile.instant(p.getStart(), window.zone());
            if (window.contains(start)) {
                Instant end = p.getEnd() == null ? start : CalendarFile.instant(p.getEnd(), window.zone());
                out.add(new CalendarEvent.Occurrence(start, end, p.getStart() instanceof LocalDate));
            }
        }
        out.sort(Comparator.comparing(CalendarEvent.Occurrence::start));
        return out;
    }

    private static CalendarEvent.Details details(VEvent event) {
        String title = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("");
        String description = event.getProperty(Property.DESCRIPTION).map(Property::getValue).orElse("");
        Attendance organizer = event.getProperty(Property.ORGANIZER).map(Ical4jEvents::attendance).orElse(null);
        List<Attendance> attendees = new ArrayList<>();
        for (Property p : event.getProperties(Property.ATTENDEE)) {
            attendees.add(attendance(p));
        }
        return new CalendarEvent.Details(title, description, organizer, List.copyOf(attendees));
    }

    private static Attendance attendance(Property p) {
        return Attendance.of(p.getValue(), p.getParameter(Parameter.CN).map(Parameter::getValue).orElse(null),
                p.getParameter(Parameter.PARTSTAT).map(Parameter::getValue).orElse(null));
    }

    private static boolean isCancelled(VEvent event) {
        return event.getProperty(Property.STATUS).map(s -> "CANCELLED".equalsIgnoreCase(s.getValue())).orElse(false);
    }

    private static String uid(VEvent event, String name, int index) throws CalendarFormatException {
        return event.getUid().map(Property::getValue).filter(u -> !u.isBlank()).orElseThrow(() ->
                CalendarFormatException.noUid(name, index));
    }

    private static Temporal temporal(Property p, String name, int index) throws CalendarFormatException {
        try {
            return ((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate();
        } catch (RuntimeException e) {
            throw new CalendarFormatException(name, 0, "event " + index + ": " + p.getName() + " '" + p.getValue()
                    + "' is not a date or date-time (" + e.getMessage() + ")", e);
        }
    }

    private static String describe(ParserException e) {
        String message = e.getMessage() == null ? "not an iCalendar file" : e.getMessage();
        // ical4j appends "[lineNo]"; the line is in front of ours already.
        message = message.replaceFirst("^Error at line \\d+:\\s*", "");
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message += ": " + cause.getMessage();
        }
        return message + " (expected an iCalendar file, RFC 5545)";
    }
}
