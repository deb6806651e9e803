package dev.baton.exchange.calendar;

import dev.baton.exchange.calendar.MeetingInstance.Attendance;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.util.CompatibilityHints;

/**
 * One iCalendar file (RFC 5545) read through ical4j: each VEVENT's instances in the window, its
 * recurrence (RRULE, RDATE, EXDATE) expanded by ical4j, overrides (RECURRENCE-ID) put in place of
 * the instances they replace, and what the file cancels (STATUS:CANCELLED on an event or an
 * override, or the whole file under METHOD:CANCEL) listed apart, because a cancellation found in
 * one calendar removes the instance from every other calendar it appears in.
 */
public final class CalendarFile {

    /** What one file holds. {@code cancelledSeries} are UIDs cancelled as a whole. */
    public record Contents(List<MeetingInstance> instances, Set<MeetingInstance.Key> cancelled,
                           Set<String> cancelledSeries) {
    }

    static {
        // Files saved on Unix often fold long lines with LF alone; RFC 5545 says CRLF. Reading
        // both is what every calendar client does, so a name folded mid-word stays one name.
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
    }

    private CalendarFile() {
    }

    /**
     * @param name how the file is named in messages and on the events (its file name)
     */
    public static Contents read(InputStream in, String name, CalendarWindow window) throws CalendarFormatException,
            IOException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (ParserException e) {
            throw new CalendarFormatException(name, e.getLineNo(), describe(e), e);
        } catch (RuntimeException e) {
            // ical4j reports some malformed values (a date of the wrong form) without a line.
            throw new CalendarFormatException(name, 0, String.valueOf(e.getMessage()), e);
        }
        boolean fileCancels = calendar.getProperty(Property.METHOD).map(m -> "CANCEL".equalsIgnoreCase(m.getValue()))
                .orElse(false);
        List<VEvent> events = calendar.getComponents(VEvent.VEVENT);
        Map<String, Map<Instant, VEvent>> overrides = new HashMap<>();
        List<MeetingInstance> instances = new ArrayList<>();
        Set<MeetingInstance.Key> cancelled = new HashSet<>();
        Set<String> cancelledSeries = new HashSet<>();
        Set<MeetingInstance.Key> cancelledOverrides = new HashSet<>();
        int index = 0;
        for (VEvent event : events) {
            index++;
            Optional<Property> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isPresent()) {
                String uid = uid(event, name, index);
                Instant replaced = instant(temporal(recurrenceId.get(), name, index), window.zone());
                overrides.computeIfAbsent(uid, u -> new HashMap<>()).put(replaced, event);
            }
        }
        index = 0;
        for (VEvent event : events) {
            index++;
            String uid = uid(event, name, index);
            boolean cancelledHere = fileCancels || isCancelled(event);
            Optional<Property> recurrenceId = event.getProperty(Property.RECURRENCE_ID);
            if (recurrenceId.isPresent()) {
                Instant replaced = instant(temporal(recurrenceId.get(), name, index), window.zone());
                cancelled.add(new MeetingInstance.Key(uid, replaced));
                if (cancelledHere) {
                    cancelledOverrides.add(new MeetingInstance.Key(uid, replaced));
                } else {
                    // The override stands in for the instance it replaces, moved or not.
                    single(event, uid, true, name, index, window).ifPresent(instances::add);
                }
                continue;
            }
            // A cancelled event is still expanded: its instances are what the cancellation removes
            // (here and in every other calendar that shows them), and what the import counts.
            if (cancelledHere) {
                cancelledSeries.add(uid);
            }
            boolean recurring = event.getProperty(Property.RRULE).isPresent()
                    || event.getProperty(Property.RDATE).isPresent();
            if (!recurring) {
                single(event, uid, false, name, index, window).ifPresent(instances::add);
                continue;
            }
            Map<Instant, VEvent> replaced = overrides.getOrDefault(uid, Map.of());
            for (Period<Temporal> p : expand(event, window, name, index)) {
                Instant start = instant(p.getStart(), window.zone());
                if (!window.contains(start) || replaced.containsKey(start)) {
                    continue;
                }
                Instant end = p.getEnd() == null ? start : instant(p.getEnd(), window.zone());
                instances.add(instance(event, uid, start, end, p.getStart() instanceof LocalDate, true, name, index));
            }
        }
        // An override replaces its instance here; it only cancels instances found in other calendars.
        Set<MeetingInstance.Key> overridden = new HashSet<>();
        instances.forEach(i -> overridden.add(i.key()));
        cancelled.removeIf(overridden::contains);
        cancelled.addAll(cancelledOverrides);
        return new Contents(instances, cancelled, cancelledSeries);
    }

    private static Optional<MeetingInstance> single(VEvent event, String uid, boolean recurring, String name, int index,
                                                    CalendarWindow window) throws CalendarFormatException {
        Property dtStart = event.getProperty(Property.DTSTART).orElseThrow(() ->
                new CalendarFormatException(name, 0, "event " + index + " (UID " + uid + ") has no DTSTART", null));
        Temporal startTime = temporal(dtStart, name, index);
        Instant start = instant(startTime, window.zone());
        if (!window.contains(start)) {
            return Optional.empty();
        }
        Instant end = end(event, startTime, start, window, name, index);
        return Optional.of(instance(event, uid, start, end, startTime instanceof LocalDate, recurring, name, index));
    }

    /** DTEND, else DTSTART + DURATION, else a day for an all-day event and nothing for a moment (RFC 5545 3.6.1). */
    private static Instant end(VEvent event, Temporal startTime, Instant start, CalendarWindow window, String name,
                               int index) throws CalendarFormatException {
        Optional<Property> dtEnd = event.getProperty(Property.DTEND);
        if (dtEnd.isPresent()) {
            return instant(temporal(dtEnd.get(), name, index), window.zone());
        }
        Optional<Property> duration = event.getProperty(Property.DURATION);
        if (duration.isPresent()) {
            return instant(startTime.plus(((net.fortuna.ical4j.model.property.Duration) duration.get()).getDuration()),
                    window.zone());
        }
        return startTime instanceof LocalDate d ? instant(d.plusDays(1), window.zone()) : start;
    }

    @SuppressWarnings("unchecked")
    private static List<Period<Temporal>> expand(VEvent event, CalendarWindow window, String name, int index)
            throws CalendarFormatException {
        try {
            Period<ZonedDateTime> range = new Period<>(window.from().atZone(window.zone()),
                    window.to().atZone(window.zone()));
            return new ArrayList<>((Set<Period<Temporal>>) (Set<?>) event.calculateRecurrenceSet(range));
        } catch (RuntimeException e) {
            throw new CalendarFormatException(name, 0, "cannot expand the recurrence of event " + index + " ("
                    + event.getUid().map(Property::getValue).orElse("no UID") + "): " + e.getMessage(), e);
        }
    }

    private static MeetingInstance instance(VEvent event, String uid, Instant start, Instant end, boolean allDay,
                                            boolean recurring, String name, int index) {
        String title = event.getProperty(Property.SUMMARY).map(Property::getValue).orElse("");
        String description = event.getProperty(Property.DESCRIPTION).map(Property::getValue).orElse("");
        Attendance organizer = event.getProperty(Property.ORGANIZER).map(o -> attendance((Organizer) o)).orElse(null);
        List<Attendance> attendees = new ArrayList<>();
        for (Property p : event.getProperties(Property.ATTENDEE)) {
            attendees.add(attendance((Attendee) p));
        }
        return new MeetingInstance(uid, start, end.isBefore(start) ? start : end, allDay, recurring, title,
                description, organizer, attendees, name, index);
    }

    private static Attendance attendance(Property p) {
        String address = p.getValue();
        String email = null;
        if (address != null && address.regionMatches(true, 0, "mailto:", 0, 7)) {
            email = address.substring(7).trim().toLowerCase(Locale.ROOT);
        } else if (address != null && address.contains("@")) {
            email = address.trim().toLowerCase(Locale.ROOT);
        }
        String cn = p.getParameter(Parameter.CN).map(Parameter::getValue).orElse(null);
        boolean declined = p.getParameter(Parameter.PARTSTAT).map(s -> "DECLINED".equalsIgnoreCase(s.getValue()))
                .orElse(false);
        return new Attendance(email == null || email.isEmpty() ? null : email, cn, declined);
    }

    private static boolean isCancelled(VEvent event) {
        return event.getProperty(Property.STATUS).map(s -> "CANCELLED".equalsIgnoreCase(s.getValue())).orElse(false);
    }

    private static String uid(VEvent event, String name, int index) throws CalendarFormatException {
        return event.getUid().map(Property::getValue).filter(u -> !u.isBlank()).orElseThrow(() ->
                new CalendarFormatException(name, 0, "event " + index + " has no UID (RFC 5545 requires one; "
                        + "without it the same meeting in two calendars cannot be told apart)", null));
    }

    private static Temporal temporal(Property p, String name, int index) throws CalendarFormatException {
        try {
            return ((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate();
        } catch (RuntimeException e) {
            throw new CalendarFormatException(name, 0, "event " + index + ": " + p.getName() + " '" + p.getValue()
                    + "' is not a date or date-time (" + e.getMessage() + ")", e);
        }
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
