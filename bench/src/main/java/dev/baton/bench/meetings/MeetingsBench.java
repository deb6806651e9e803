package dev.baton.bench.meetings;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.exchange.calendar.AttendeeMapping;
import dev.baton.exchange.calendar.CalendarImport;
import dev.baton.exchange.calendar.CalendarWindow;
import dev.baton.insight.debt.meetings.MeetingLoad;
import dev.baton.insight.debt.meetings.MeetingRules;
import dev.baton.insight.debt.meetings.MeetingTally;
import dev.baton.model.BusinessFunction;
import dev.baton.model.Capacity;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run-meetings [--people 500] [--runs 3]}: generates a year of calendars
 * ({@link CalendarGenerator}), then imports and counts them, timed: every .ics read and expanded
 * (the fast reader, ical4j for what it does not handle), the same meeting merged across
 * attendees' calendars, attendees mapped to the model's people, and the meeting load (hours per
 * person, function and week) computed. Prints each run (wall clock, and CPU over all threads) and
 * the median. Run alone: it is a wall-clock figure.
 */
public final class MeetingsBench {

    public static void main(String[] args) throws Exception {
        int people = 500;
        int runs = 3;
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--people")) {
                people = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[i + 1]);
            }
        }
        Path dir = Files.createTempDirectory("baton-calendars");
        LocalDate start = LocalDate.of(2026, 1, 5);
        long g0 = System.nanoTime();
        List<Path> files = new CalendarGenerator(people, 7, start).write(dir);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        System.out.printf(Locale.ROOT, "generated %d calendars, %,d bytes, in %.1f s (%s)%n", files.size(), bytes,
                (System.nanoTime() - g0) / 1e9, dir);
        OperatingModel model = model(people);
        CalendarWindow year = new CalendarWindow(start.atStartOfDay(ZoneId.of("UTC")).toInstant(),
                start.plusYears(1).atStartOfDay(ZoneId.of("UTC")).toInstant(), ZoneId.of("UTC"));
        double[] seconds = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            long cpu0 = cpuNanos();
            long gc0 = gcMillis();
            CalendarImport.Result read = CalendarImport.read(files, year, new AttendeeMapping(null, model));
            MeetingTally tally = new MeetingTally(model, MeetingRules.DEFAULT);
            for (RecordedEvent e : read.events()) {
                tally.accept(e);
            }
            MeetingLoad load = tally.finish();
            seconds[r] = (System.nanoTime() - t0) / 1e9;
            double cpu = (cpuNanos() - cpu0) / 1e9;
            long gc = gcMillis() - gc0;
            System.out.printf(Locale.ROOT, "run %d: %.2f s (cpu %.1f s on all threads, of it gc %.1f s) — %,d instances in all calendars, %,d meetings after merging, "
                            + "%,d cancelled, %,.0f person-hours (%,.0f coordination, %.1f%% of capacity), %d unmatched%n",
                    r + 1, seconds[r], cpu, gc / 1000.0, read.copies(), read.events().size(), read.cancelled(), load.hours(),
                    load.coordinationHours(), 100 * load.share(), load.unmatched().size());
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "median of %d: %.2f s (min %.2f, max %.2f)%n", runs, sorted[runs / 2], sorted[0],
                sorted[runs - 1]);
        for (Path f : files) {
            Files.delete(f);
        }
        Files.delete(dir);
    }

    /** CPU time of the whole process (every thread, the collector's too): what the machine's other load cannot inflate. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Time the collectors report (pauses and concurrent work), summed. */
    private static long gcMillis() {
        long ms = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory
                .getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    /** People {@code p0…} in five functions, 40 h a week: the mapping by address local part finds them. */
    private static OperatingModel model(int people) {
        List<BusinessFunction> functions = new ArrayList<>();
        String[] ids = {"pmm", "content", "demand-gen", "field", "ops"};
        for (String id : ids) {
            functions.add(new BusinessFunction(id, id));
        }
        List<Person> persons = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            persons.add(new Person("p" + p, "Person " + p, ids[(p / 10) % ids.length],
                    Capacity.parse("40h/week").orElseThrow()));
        }
        return new OperatingModel(OperatingModel.API_VERSION, "bench", null, functions, List.of(), persons, List.of(),
                List.of(), List.of(), List.of(), List.of(), null, dev.baton.model.DebtSettings.DEFAULT);
    }
}
