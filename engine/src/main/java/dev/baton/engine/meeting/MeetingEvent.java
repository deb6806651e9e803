package dev.baton.engine.meeting;

import dev.baton.engine.event.BatonEvent;
import java.util.List;

/**
 * What calendars tell about the time people spend together. Meetings are not work items: their
 * events live in streams of their own ({@link #stream}), so no count of items, flow map or
 * conformance figure ever sees them (docs/adr/0005-meetings-as-events.md). Who organised the
 * meeting is the envelope's {@code actor}, its start the envelope's {@code at}.
 */
public sealed interface MeetingEvent extends BatonEvent {

    /** Every stream of meeting events starts so: {@code meeting:<UID>}, one stream per series. */
    String STREAM_PREFIX = "meeting:";

    /** The stream of a meeting series (the iCalendar UID: one stream per series, one event per instance). */
    static String stream(String uid) {
        return STREAM_PREFIX + uid;
    }

    static boolean isMeetingStream(String stream) {
        return stream != null && stream.startsWith(STREAM_PREFIX);
    }

    /**
     * One instance of a meeting took place (its recurrence expanded, exceptions and cancellations
     * applied). Found in several attendees' calendars it is still one event: its id is the UID
     * and the instance's start, so every attendee counts it once.
     *
     * @param uid         the iCalendar UID of the series
     * @param title       SUMMARY, as written
     * @param description DESCRIPTION, cut at {@link #MAX_DESCRIPTION} characters (item ids are named early)
     * @param end         the instance's end (ISO-8601 instant); the start is the envelope's {@code at}
     * @param allDay      a date rather than a time (a day off, a conference day): never counted as meeting hours
     * @param recurring   an instance of a series (RRULE or RDATE), which the coordination rule reads
     * @param attendees   who attended: person ids of the model, or the calendar's address where unmatched;
     *                    the organiser included, those who declined left out
     * @param declined    who declined (PARTSTAT=DECLINED): kept to be seen, never counted
     * @param calendars   the calendar files (or owners) the instance was found in
     */
    record MeetingHeld(String uid, String title, String description, String end, boolean allDay, boolean recurring,
                       List<String> attendees, List<String> declined, List<String> calendars) implements MeetingEvent {

        public static final int MAX_DESCRIPTION = 500;

        public MeetingHeld {
            attendees = attendees == null ? List.of() : List.copyOf(attendees);
            declined = declined == null ? List.of() : List.copyOf(declined);
            calendars = calendars == null ? List.of() : List.copyOf(calendars);
        }
    }
}
