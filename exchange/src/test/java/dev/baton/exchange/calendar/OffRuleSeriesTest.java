package dev.baton.exchange.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Series whose DTSTART their rule does not produce (a Tuesday start for BYDAY=MO,WE,FR): calendar
 * apps never write them, so the benchmark's generator no longer does, but a hand-edited or
 * converted file may. RFC 5545 leaves them undefined; ical4j expands them, and the import must read them as ical4j does and merge them across calendars
 * as any other series.
 */
class OffRuleSeriesTest {

    private static final CalendarWindow YEAR = new CalendarWindow(Instant.parse("2026-01-05T00:00:00Z"),
            Instant.parse("2027-01-05T00:00:00Z"), ZoneId.of("UTC"));

    private static final String[][] OFF_RULE = {
            {"Europe/Berlin", "20260106T100000", "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=156"},
            {"America/New_York", "20260108T100000", "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=30"},
            {"Europe/Berlin", "20260107T093000", "FREQ=MONTHLY;BYDAY=1MO;COUNT=6"},
    };

    @Test
    void readAsIcal4jReadsThem() throws Exception {
        String text = calendar("p1", "p2");
        CalendarFile.Contents read = CalendarFile.read(in(text), "p1.ics", YEAR);
        CalendarFile.Contents reference = CalendarFile.contents(Ical4jEvents.read(text, "p1.ics", YEAR), "p1.ics", YEAR);
        assertThat(read).isEqualTo(reference);
        List<MeetingInstance> weekly = read.instances().stream().filter(i -> i.uid().equals("off-0@x")).toList();
        assertThat(weekly).hasSize(156);
    }

    @Test
    void mergedAcrossCalendarsOnce(@TempDir Path dir) throws Exception {
        Path first = Files.writeString(dir.resolve("p1.ics"), calendar("p1", "p2"));
        Path second = Files.writeString(dir.resolve("p2.ics"), calendar("p1", "p2"));
        CalendarImport.Result one = CalendarImport.read(List.of(first), YEAR, new AttendeeMapping(null, null));
        CalendarImport.Result both = CalendarImport.read(List.of(first, second), YEAR, new AttendeeMapping(null, null));
        assertThat(both.copies()).isEqualTo(2 * one.copies());
        assertThat(both.events()).hasSize(one.events().size());
        assertThat(both.events()).extracting(e -> e.eventId())
                .containsExactlyElementsOf(one.events().stream().map(e -> e.eventId()).toList());
    }

    private static ByteArrayInputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String calendar(String organizer, String attendee) {
        StringBuilder s = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
        for (int i = 0; i < OFF_RULE.length; i++) {
            String[] c = OFF_RULE[i];
            s.append("BEGIN:VEVENT\r\nUID:off-").append(i).append("@x\r\nDTSTAMP:20260101T000000Z\r\n")
                    .append("DTSTART;TZID=").append(c[0]).append(':').append(c[1]).append("\r\n")
                    .append("DTEND;TZID=").append(c[0]).append(':').append(c[1], 0, 11).append("4500\r\n")
                    .append("RRULE:").append(c[2]).append("\r\nSUMMARY:Off-rule ").append(i).append("\r\n")
                    .append("ORGANIZER:mailto:").append(organizer).append("@x.example\r\n")
                    .append("ATTENDEE;PARTSTAT=ACCEPTED:mailto:").append(attendee).append("@x.example\r\n")
                    .append("END:VEVENT\r\n");
        }
        return s.append("END:VCALENDAR\r\n").toString();
    }
}
