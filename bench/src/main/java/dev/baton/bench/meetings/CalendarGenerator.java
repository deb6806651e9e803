package dev.baton.bench.meetings;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A year of calendars for a company: teams of ten (half in Europe/Berlin, half in
 * America/New_York), each with a daily stand-up and pipeline check, a weekly status with two
 * EXDATEs and a moved instance, weekly 1:1s with the lead; every person organises a series three
 * times a week with three colleagues and 150 one-off meetings with three, one in twenty of them
 * cancelled. Series start on a day their rule produces (the three-times-weekly one on a Monday or a
 * Wednesday), as calendar apps write them. Every meeting is written into each attendee's file, as a calendar export has it: about
 * 1,850 instances per calendar after expansion, 0.9–1M for 500 people. Same seed, same files.
 */
public final class CalendarGenerator {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final String[] ZONES = {"Europe/Berlin", "America/New_York"};
    private static final String[] TOPICS = {"Campaign sync", "Content planning", "Pipeline review", "Launch approval",
            "Design workshop", "Webinar dry run", "Brief review", "Budget check-in", "Partner sync", "Messaging workshop"};

    private final List<StringBuilder> calendars = new ArrayList<>();
    private final int people;
    private final Random random;
    private final LocalDate start;

    public CalendarGenerator(int people, long seed, LocalDate start) {
        this.people = people;
        this.random = new Random(seed);
        this.start = start;
        for (int p = 0; p < people; p++) {
            calendars.add(new StringBuilder(1 << 16));
        }
    }

    /** Writes {@code person-N.ics} files into {@code dir}; returns them. */
    public List<Path> write(Path dir) throws IOException {
        int teams = Math.max(1, people / 10);
        for (int t = 0; t < teams; t++) {
            List<Integer> team = new ArrayList<>();
            for (int p = t * 10; p < Math.min(people, t * 10 + 10); p++) {
                team.add(p);
            }
            String zone = ZONES[t % 2];
            series("standup-" + t, "Daily stand-up", zone, start.atTime(9, 15), 15, "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=260",
                    team, List.of(), null);
            series("pipeline-" + t, "Pipeline check", zone, start.atTime(16, 0), 20, "FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR;COUNT=260",
                    team, List.of(), null);
            LocalDateTime status = start.atTime(11, 0);
            series("status-" + t, "Weekly marketing status", zone, status, 45, "FREQ=WEEKLY;BYDAY=" + weekday(start) + ";COUNT=52",
                    team, List.of(status.plusWeeks(10), status.plusWeeks(30)), status.plusWeeks(20));
            for (int i = 1; i < team.size(); i++) {
                series("one-on-one-" + t + "-" + i, "1:1", zone, start.atTime(14, 0).plusDays(i % 5), 30,
                        "FREQ=WEEKLY;COUNT=52", List.of(team.get(0), team.get(i)), List.of(), null);
            }
        }
        for (int p = 0; p < people; p++) {
            String zone = ZONES[(p / 10) % 2];
            series("series-" + p, TOPICS[p % TOPICS.length], zone, start.atTime(10, 0).plusDays(2 * (p % 2)), 30,
                    "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=156", group(p, 3), List.of(), null);
            for (int m = 0; m < 150; m++) {
                LocalDateTime at = start.atTime(9 + random.nextInt(8), random.nextBoolean() ? 0 : 30)
                        .plusDays(random.nextInt(364));
                single("oneoff-" + p + "-" + m, TOPICS[random.nextInt(TOPICS.length)] + " " + m, zone, at,
                        30 + 15 * random.nextInt(4), group(p, 3), random.nextInt(20) == 0);
            }
        }
        List<Path> files = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            Path file = dir.resolve("person-" + p + ".ics");
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Baton bench//EN\r\nMETHOD:PUBLISH\r\n");
                w.write(calendars.get(p).toString());
                w.write("END:VCALENDAR\r\n");
            }
            files.add(file);
        }
        return files;
    }

    private List<Integer> group(int organizer, int invitees) {
        List<Integer> g = new ArrayList<>(List.of(organizer));
        while (g.size() < invitees + 1) {
            int other = random.nextInt(people);
            if (!g.contains(other)) {
                g.add(other);
            }
        }
        return g;
    }

    private void series(String uid, String title, String zone, LocalDateTime first, int minutes, String rrule,
                        List<Integer> attendees, List<LocalDateTime> exdates, LocalDateTime moved) {
        StringBuilder e = event(uid, title, zone, first, minutes, attendees);
        e.append("RRULE:").append(rrule).append("\r\n");
        for (LocalDateTime x : exdates) {
            e.append("EXDATE;TZID=").append(zone).append(':').append(LOCAL.format(x)).append("\r\n");
        }
        e.append("END:VEVENT\r\n");
        if (moved != null) {
            StringBuilder o = event(uid, title + " (moved)", zone, moved.plusHours(3), minutes, attendees);
            o.append("RECURRENCE-ID;TZID=").append(zone).append(':').append(LOCAL.format(moved)).append("\r\n");
            o.append("END:VEVENT\r\n");
            e.append(o);
        }
        for (int a : attendees) {
            calendars.get(a).append(e);
        }
    }

    private void single(String uid, String title, String zone, LocalDateTime at, int minutes, List<Integer> attendees,
                        boolean cancelled) {
        StringBuilder e = event(uid, title, zone, at, minutes, attendees);
        if (cancelled) {
            e.append("STATUS:CANCELLED\r\n");
        }
        e.append("END:VEVENT\r\n");
        for (int a : attendees) {
            calendars.get(a).append(e);
        }
    }

    private static StringBuilder event(String uid, String title, String zone, LocalDateTime at, int minutes,
                                       List<Integer> attendees) {
        StringBuilder e = new StringBuilder(512);
        e.append("BEGIN:VEVENT\r\nUID:").append(uid).append("@bench.example\r\nDTSTAMP:20260101T000000Z\r\n");
        e.append("DTSTART;TZID=").append(zone).append(':').append(LOCAL.format(at)).append("\r\n");
        e.append("DTEND;TZID=").append(zone).append(':').append(LOCAL.format(at.plusMinutes(minutes))).append("\r\n");
        e.append("SUMMARY:").append(title).append("\r\n");
        e.append("ORGANIZER;CN=Person ").append(attendees.get(0)).append(":mailto:p").append(attendees.get(0))
                .append("@bench.example\r\n");
        for (int i = 1; i < attendees.size(); i++) {
            e.append("ATTENDEE;PARTSTAT=").append(i == 3 ? "DECLINED" : "ACCEPTED").append(";CN=Person ")
                    .append(attendees.get(i)).append(":mailto:p").append(attendees.get(i)).append("@bench.example\r\n");
        }
        return e;
    }

    private static String weekday(LocalDate d) {
        return d.getDayOfWeek().name().substring(0, 2);
    }
}
