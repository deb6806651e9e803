package dev.baton.exchange.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.engine.meeting.MeetingEvent.MeetingHeld;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.mapping.MappingReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calendar exports as Google Calendar and Outlook write them (src/test/resources/calendar):
 * recurrences with EXDATE, RDATE and a moved override, the Europe/Berlin (29 March 2026) and
 * America/New_York (8 March 2026) DST changes, an all-day event, a cancelled event, a cancelled
 * instance sent by METHOD:CANCEL from another calendar, declined attendees and an unmatched guest.
 */
class CalendarImportTest {

    private static final CalendarWindow MARCH_APRIL = new CalendarWindow(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-05-01T00:00:00Z"), ZoneId.of("UTC"));
    private static final ImportMapping PEOPLE = MappingReader.read("""
            people:
              maya@example.com: maya
              Sam Lee: sam
              lee@example.com: lee
            """).mapping();

    @Test
    void everyInstanceIsWhereTheCalendarsPutIt() throws Exception {
        CalendarImport.Result read = read("maya.ics", "sam.ics", "cancel-sales-sync.ics");

        assertThat(lines(read.events())).containsExactly(
                // Brief review: cancelled (STATUS:CANCELLED), not held.
                "copy-review-ut27@example.com 2026-03-18T14:00:00Z–2026-03-18T14:45:00Z [sam, maya] declined []",
                // All-day: kept as such, never counted as hours (the analysis reads allDay).
                "offsite-2026@example.com 2026-04-02T00:00:00Z–2026-04-03T00:00:00Z all-day [sam, maya] declined []",
                // New York: 09:00 EST is 14:00Z, 09:00 EDT (from 8 March) 13:00Z; 10 March cancelled by the organiser; RDATE 19 March.
                "sales-sync-ny@example.com 2026-03-03T14:00:00Z–2026-03-03T14:30:00Z [sam, jordan@sales.example] declined []",
                "sales-sync-ny@example.com 2026-03-17T13:00:00Z–2026-03-17T13:30:00Z [sam, jordan@sales.example] declined []",
                "sales-sync-ny@example.com 2026-03-19T13:00:00Z–2026-03-19T13:30:00Z [sam, jordan@sales.example] declined []",
                // Berlin: 10:00 CET is 09:00Z; 23 March excluded (EXDATE); 30 March moved to 14:00 CEST
                // (12:00Z), where Lee accepted; 6 April 10:00 CEST is 08:00Z. Lee declined the series.
                "status-sync-001@example.com 2026-03-16T09:00:00Z–2026-03-16T10:00:00Z [sam, pat@agency.example, maya] declined [lee]",
                "status-sync-001@example.com 2026-03-30T12:00:00Z–2026-03-30T13:00:00Z [sam, lee, maya] declined []",
                "status-sync-001@example.com 2026-04-06T08:00:00Z–2026-04-06T09:00:00Z [sam, pat@agency.example, maya] declined [lee]");
        // The same meeting in Maya's and Sam's calendars is one instance: 14 copies found, 8 held.
        assertThat(read.copies()).isEqualTo(14);
        assertThat(read.cancelled()).isEqualTo(2);
        assertThat(read.solo()).isEqualTo(1);
        assertThat(read.allDay()).isEqualTo(1);
        assertThat(read.unmatched()).isEqualTo(Map.of("jordan@sales.example", 3L, "pat@agency.example", 2L));
        RecordedEvent moved = read.events().get(6);
        assertThat(moved.actor()).isEqualTo("maya");
        assertThat(moved.eventId()).isEqualTo("calendar:status-sync-001@example.com:" + Instant.parse("2026-03-30T12:00:00Z").getEpochSecond());
        assertThat(((MeetingHeld) moved.event()).title()).isEqualTo("Campaign status sync (moved)");
        assertThat(((MeetingHeld) moved.event()).calendars()).containsExactly("maya.ics", "sam.ics");
        assertThat(((MeetingHeld) moved.event()).recurring()).isTrue();
    }

    @Test
    void importingTheSameCalendarsAgainAddsNothing(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.jsonl");
        CalendarImport.Result first = CalendarImport.into(log, read("maya.ics"), batch(), false);
        CalendarImport.Result second = CalendarImport.into(log, read("maya.ics", "sam.ics", "cancel-sales-sync.ics"),
                batch(), false);
        CalendarImport.Result third = CalendarImport.into(log, read("sam.ics", "maya.ics", "cancel-sales-sync.ics"),
                batch(), false);

        assertThat(first.written()).isEqualTo(5);
        assertThat(second.written()).isEqualTo(3);
        assertThat(second.alreadyInLog()).isEqualTo(5);
        assertThat(third.written()).isZero();
        List<RecordedEvent> events = new ArrayList<>();
        EventLogJsonl.read(log, events::add);
        // 8 meetings and the two batches' own records; read back exactly as written.
        assertThat(events).hasSize(10);
        assertThat(events.stream().filter(e -> e.event() instanceof MeetingHeld).map(e -> e.stream() + "#" + e.version()))
                .contains("meeting:status-sync-001@example.com#1", "meeting:status-sync-001@example.com#3");
    }

    @Test
    void aMalformedFileIsNamedWithItsLineAndNothingIsRead() {
        assertThatThrownBy(() -> read("maya.ics", "broken-line.ics", "broken-date.ics"))
                .isInstanceOf(CalendarImport.Refused.class)
                .satisfies(e -> assertThat(((CalendarImport.Refused) e).problems()).satisfiesExactly(
                        p -> assertThat(p).isEqualTo("broken-line.ics:9: error: Expected [VEVENT], read [VCALENDAR] "
                                + "(expected an iCalendar file, RFC 5545)"),
                        p -> assertThat(p).isEqualTo("broken-date.ics:6: error: Text '2026031T090000Z' could not be parsed at "
                                + "index 6 (expected an iCalendar file, RFC 5545)")));
    }

    private static LogImport.Batch batch() {
        return new LogImport.Batch("000000000001", "calendar", "maya.ics", "test", Instant.parse("2026-05-01T00:00:00Z"), null);
    }

    private static CalendarImport.Result read(String... names) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String n : names) {
            files.add(fixture(n));
        }
        return CalendarImport.read(files, MARCH_APRIL, new AttendeeMapping(PEOPLE, null));
    }

    static Path fixture(String name) throws URISyntaxException {
        return Path.of(CalendarImportTest.class.getResource("/calendar/" + name).toURI());
    }

    private static List<String> lines(List<RecordedEvent> events) {
        return events.stream().map(e -> {
            MeetingHeld m = (MeetingHeld) e.event();
            return m.uid() + " " + e.at() + "–" + m.end() + (m.allDay() ? " all-day" : "") + " " + m.attendees()
                    + " declined " + m.declined();
        }).toList();
    }
}
