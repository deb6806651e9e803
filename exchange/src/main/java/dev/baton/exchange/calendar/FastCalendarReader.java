package dev.baton.exchange.calendar;

import dev.baton.exchange.calendar.MeetingInstance.Attendance;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a calendar file's events without ical4j's object model: content lines
 * ({@link ContentLines}), the few properties the import uses, dates with each TZID resolved once
 * ({@link CalendarTimes}), recurrences expanded by {@link Recurrence} (ical4j expands the rules
 * it does not handle, event by event). Anything it is not sure of throws {@link NotFast}, and the
 * whole file is read by ical4j instead ({@link Ical4jEvents}); so the two readers agree on every
 * file this one reads (CalendarReadersTest), and a broken file's message is ical4j's, with its line.
 */
final class FastCalendarReader {

    /** The file is ical4j's to read: it holds something this reader does not handle, or an error. */
    static final class NotFast extends Exception {
        NotFast(String why) {
            super(why, null, false, false);
        }
    }

    /** The lines of one VEVENT the import reads; the first of each, as ical4j's getProperty. */
    private static final class EventLines {
        ContentLine uid;
        ContentLine dtStart;
        ContentLine dtEnd;
        ContentLine duration;
        ContentLine recurrenceId;
        ContentLine status;
        ContentLine summary;
        ContentLine description;
        ContentLine organizer;
        final List<ContentLine> attendees = new ArrayList<>();
        final List<ContentLine> rrules = new ArrayList<>();
        final List<ContentLine> rdates = new ArrayList<>();
        final List<ContentLine> exdates = new ArrayList<>();

        void add(ContentLine line) {
            switch (line.name()) {
                case "UID" -> uid = uid == null ? line : uid;
                case "DTSTART" -> dtStart = dtStart == null ? line : dtStart;
                case "DTEND" -> dtEnd = dtEnd == null ? line : dtEnd;
                case "DURATION" -> duration = duration == null ? line : duration;
                case "RECURRENCE-ID" -> recurrenceId = recurrenceId == null ? line : recurrenceId;
                case "STATUS" -> status = status == null ? line : status;
                case "SUMMARY" -> summary = summary == null ? line : summary;
                case "DESCRIPTION" -> description = description == null ? line : description;
                case "ORGANIZER" -> organizer = organizer == null ? line : organizer;
                case "ATTENDEE" -> attendees.add(line);
                case "RRULE" -> rrules.add(line);
                case "RDATE" -> rdates.add(line);
                case "EXDATE" -> exdates.add(line);
                default -> {
                }
            }
        }
    }

    private FastCalendarReader() {
    }

    static CalendarEvent.Events read(String text, String name, CalendarWindow window) throws NotFast, IOException {
        ContentLines lines = new ContentLines(text);
        CalendarTimes times = new CalendarTimes();
        ContentLine line = lines.next();
        if (line == null || !isBegin(line, "VCALENDAR")) {
            throw new NotFast("no BEGIN:VCALENDAR");
        }
        boolean fileCancels = false;
        List<CalendarEvent> events = new ArrayList<>();
        List<String> open = new ArrayList<>(List.of("VCALENDAR"));
        EventLines event = null;
        int eventStart = 0;
        while (!open.isEmpty()) {
            line = lines.next();
            if (line == null) {
                throw new NotFast("the file ends inside " + open.get(open.size() - 1));
            }
            if (line.name().equals("BEGIN")) {
                if (open.size() == 1 && isBegin(line, "VEVENT")) {
                    event = new EventLines();
                    eventStart = lines.lineStart();
                }
                open.add(line.value());
            } else if (line.name().equals("END")) {
                if (!line.value().equals(open.remove(open.size() - 1))) {
                    throw new NotFast("END:" + line.value() + " does not close what is open");
                }
                if (event != null && open.size() == 1) {
                    String eventText = text.substring(eventStart, lines.position());
                    events.add(event(event, eventText, events.size() + 1, name, window, times));
                    event = null;
                }
            } else if (open.size() == 1 && line.name().equals("METHOD")) {
                fileCancels = line.value().equalsIgnoreCase("CANCEL");
            } else if (event != null && open.size() == 2) {
                event.add(line);
            }
        }
        if (lines.next() != null) {
            throw new NotFast("more after END:VCALENDAR");
        }
        return new CalendarEvent.Events(fileCancels, events);
    }

    private static boolean isBegin(ContentLine line, String component) {
        return line.name().equals("BEGIN") && line.value().equals(component);
    }

    private static CalendarEvent event(EventLines e, String eventText, int index, String name, CalendarWindow window,
                                       CalendarTimes times) throws NotFast, IOException {
        if (e.uid == null || e.uid.value().isBlank() || e.dtStart == null) {
            throw new NotFast("event " + index + " has no UID or no DTSTART");
        }
        String uid = e.uid.value();
        Temporal start = times.of(e.dtStart);
        TemporalAmount duration = duration(e, start, times);
        Instant recurrenceId = e.recurrenceId == null ? null
                : CalendarFile.instant(times.of(e.recurrenceId), window.zone());
        boolean series = !e.rrules.isEmpty() || !e.rdates.isEmpty();
        List<CalendarEvent.Occurrence> occurrences;
        if (series && recurrenceId == null) {
            occurrences = expand(e, start, duration, eventText, index, name, window, times);
        } else {
            Instant at = CalendarFile.instant(start, window.zone());
            occurrences = List.of(new CalendarEvent.Occurrence(at, CalendarFile.instant(start.plus(duration),
                    window.zone()), start instanceof LocalDate));
        }
        boolean cancelled = e.status != null && e.status.value().equalsIgnoreCase("CANCELLED");
        return new CalendarEvent(index, uid, cancelled, recurrenceId, series || recurrenceId != null, occurrences,
                details(e));
    }

    private static List<CalendarEvent.Occurrence> expand(EventLines e, Temporal start, TemporalAmount duration,
                                                         String eventText, int index, String name,
                                                         CalendarWindow window, CalendarTimes times)
            throws NotFast, IOException {
        List<Temporal> rdates = new ArrayList<>();
        for (ContentLine l : e.rdates) {
            rdates.addAll(times.list(l));
        }
        List<Temporal> exdates = new ArrayList<>();
        for (ContentLine l : e.exdates) {
            exdates.addAll(times.list(l));
        }
        try {
            if (e.rrules.size() > 1) {
                throw new Recurrence.Unsupported("several RRULEs");
            }
            Recurrence rule = e.rrules.isEmpty() ? null : Recurrence.parse(e.rrules.get(0).value(), times);
            if (rule == null) {
                throw new Recurrence.Unsupported("RDATE alone");
            }
            return rule.expand(start, duration, rdates, exdates, window);
        } catch (Recurrence.Unsupported unsupported) {
            try {
                return Ical4jEvents.expand(eventText, name, index, window);
            } catch (CalendarFormatException broken) {
                throw new NotFast(broken.getMessage());
            }
        }
    }

    /**
     * How long each instance lasts, as ical4j has it: DTEND − DTSTART (days between dates, else
     * exact time), else DURATION, else a day for a date and nothing for a date-time.
     */
    private static TemporalAmount duration(EventLines e, Temporal start, CalendarTimes times) throws NotFast {
        if (e.dtEnd != null) {
            Temporal end = times.of(e.dtEnd);
            if (start instanceof LocalDate s && end instanceof LocalDate d) {
                return Period.between(s, d);
            }
            if (start instanceof LocalDate || end instanceof LocalDate) {
                throw new NotFast("DTSTART and DTEND of different kinds");
            }
            return Duration.between(start, end);
        }
        if (e.duration != null) {
            String v = e.duration.value();
            try {
                if (v.matches("P\\d+W")) {
                    return Period.ofWeeks(Integer.parseInt(v.substring(1, v.length() - 1)));
                }
                if (v.matches("P\\d+D")) {
                    return Period.ofDays(Integer.parseInt(v.substring(1, v.length() - 1)));
                }
                if (v.matches("P(\\d+D)?T(\\d+H)?(\\d+M)?(\\d+S)?") && !v.endsWith("T")) {
                    return Duration.parse(v);
                }
            } catch (RuntimeException ignored) {
                // left to ical4j below
            }
            throw new NotFast("DURATION " + v);
        }
        return start instanceof LocalDate ? Period.ofDays(1) : Duration.ZERO;
    }

    private static CalendarEvent.Details details(EventLines e) {
        List<Attendance> attendees = new ArrayList<>(e.attendees.size());
        for (ContentLine a : e.attendees) {
            attendees.add(attendance(a));
        }
        return new CalendarEvent.Details(text(e.summary), text(e.description),
                e.organizer == null ? null : attendance(e.organizer), List.copyOf(attendees));
    }

    private static Attendance attendance(ContentLine line) {
        return Attendance.of(line.value(), line.param("CN"), line.param("PARTSTAT"));
    }

    /** A TEXT value unescaped (RFC 5545 3.3.11): \\n or \\N a line break, \\; \\, \\\\ the character. */
    private static String text(ContentLine line) {
        if (line == null) {
            return "";
        }
        String v = line.value();
        if (v.indexOf('\\') < 0) {
            return v;
        }
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char next = v.charAt(++i);
                out.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
