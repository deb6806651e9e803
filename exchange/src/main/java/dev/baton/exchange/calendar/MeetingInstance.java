package dev.baton.exchange.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One occurrence of a calendar event as a calendar file shows it: a series expanded, an override
 * applied. Attendees are as the calendar writes them (addresses and names), not yet people.
 *
 * @param calendar  the file (or shared calendar) it was found in
 * @param recurring part of a series (RRULE, RDATE or an override of one)
 * @param line      where the event starts in its file, for messages
 */
public record MeetingInstance(String uid, Instant start, Instant end, boolean allDay, boolean recurring, String title,
                              String description, Attendance organizer, List<Attendance> attendees, String calendar,
                              int line) {

    /** One instance of one series: what dedupes the same meeting found in several attendees' calendars. */
    public record Key(String uid, Instant start) {
    }

    public Key key() {
        return new Key(uid, start);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /**
     * Someone on the invitation: the address (lower case, without {@code mailto:}) and the common
     * name, either may be missing; {@code declined} when their PARTSTAT says so.
     */
    public record Attendance(String email, String name, boolean declined) {

        /** How the person is shown when the mapping does not know them: the address, else the name. */
        public String label() {
            return email != null ? email : name;
        }
    }
}
