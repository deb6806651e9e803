package dev.baton.exchange.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

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

        /**
         * From an ORGANIZER or ATTENDEE line: its value (a {@code mailto:} address, or an address
         * without the scheme), CN and PARTSTAT; either part of the address may be missing.
         */
        public static Attendance of(String address, String cn, String partstat) {
            String email = null;
            if (address != null && address.regionMatches(true, 0, "mailto:", 0, 7)) {
                email = address.substring(7).trim().toLowerCase(Locale.ROOT);
            } else if (address != null && address.contains("@")) {
                email = address.trim().toLowerCase(Locale.ROOT);
            }
            return new Attendance(email == null || email.isEmpty() ? null : email, cn, "DECLINED".equalsIgnoreCase(partstat));
        }

        /** How the person is shown when the mapping does not know them: the address, else the name. */
        public String label() {
            return email != null ? email : name;
        }
    }
}
