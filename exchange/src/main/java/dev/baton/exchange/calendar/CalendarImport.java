package dev.baton.exchange.calendar;

import dev.baton.engine.batch.BatchEvent.BatchImported;
import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.io.Gzip;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.engine.jsonl.JsonlBatches;
import dev.baton.engine.meeting.MeetingEvent;
import dev.baton.engine.meeting.MeetingEvent.MeetingHeld;
import dev.baton.exchange.calendar.MeetingInstance.Attendance;
import dev.baton.exchange.importing.BatchStamp;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Calendar exports into the event log: every file read (all errors collected, each naming its
 * file and line), the same meeting in several calendars merged into one instance
 * ({@link CalendarMerge}), attendees mapped onto people ({@link AttendeeMapping}), and one
 * {@code MeetingHeld} per instance held, in the meeting's own stream
 * (docs/adr/0005-meetings-as-events.md). Its id is the UID and the instance's start, so importing
 * the same calendars again, or a colleague's calendar with the same meetings, adds nothing twice.
 */
public final class CalendarImport {

    /** Source ids of meeting events start so: the event's source system is the calendar. */
    public static final String SOURCE = "calendar";
    /** Who records a meeting whose organiser is not known. */
    static final String NOBODY = "calendar";

    /** Files that could not be read, one line each; nothing was imported. */
    public static final class Refused extends Exception {
        private final List<String> problems;

        Refused(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * What an import found: the events of the meetings held (before the log's positions and
     * versions are given), and the counts the report prints.
     *
     * @param copies         instances found in all calendars together, before merging
     * @param cancelled      instances a cancellation removed
     * @param solo           instances with fewer than two attendees: personal blocks, not meetings
     * @param unmatched      attendees no mapping rule matched, by address, with how many instances name them
     * @param written        events new to the log (after an import; the events' size in a dry run)
     * @param alreadyInLog   events whose id the log held already
     */
    public record Result(List<RecordedEvent> events, int files, long copies, long cancelled, long solo,
                         long allDay, Map<String, Long> unmatched, long written, long alreadyInLog) {

        Result withWritten(long newWritten, long already) {
            return new Result(events, files, copies, cancelled, solo, allDay, unmatched, newWritten, already);
        }
    }

    private CalendarImport() {
    }

    /**
     * Reads calendar files into meeting events; throws with every file's problem when one cannot be
     * read. Files are read on every core, and merged in the order given, so the result is the same
     * as reading them one after another.
     */
    public static Result read(List<Path> files, CalendarWindow window, AttendeeMapping people)
            throws Refused, IOException {
        return read(files, files.stream().map(f -> f.getFileName().toString()).toList(), window, people);
    }

    /**
     * Reads calendar files kept under other names (a server's uploads in temporary files): each
     * problem names the file by {@code names}, the name it had on the user's machine.
     */
    public static Result read(List<Path> files, List<String> names, CalendarWindow window, AttendeeMapping people)
            throws Refused, IOException {
        CalendarMerge merge = new CalendarMerge();
        List<String> problems = new ArrayList<>();
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "calendar-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            // A few files ahead of the merge, not all: read contents wait in memory only until merged,
            // so a million instances never live all at once (the collector's work grows with them).
            int ahead = threads * 2;
            List<Future<CalendarFile.Contents>> read = new ArrayList<>();
            for (int i = 0; i < Math.min(ahead, files.size()); i++) {
                read.add(submit(pool, files.get(i), names.get(i), window));
            }
            for (int i = 0; i < files.size(); i++) {
                Future<CalendarFile.Contents> f = read.get(i);
                read.set(i, null);
                if (i + ahead < files.size()) {
                    read.add(submit(pool, files.get(i + ahead), names.get(i + ahead), window));
                }
                try {
                    merge.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CalendarFormatException broken) {
                        problems.add(broken.getMessage());
                    } else if (e.getCause() instanceof IOException io) {
                        throw io;
                    } else {
                        throw new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading calendars", e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return events(merge, files.size(), people);
    }

    private static Future<CalendarFile.Contents> submit(ExecutorService pool, Path file, String name,
                                                        CalendarWindow window) {
        return pool.submit(() -> readFile(file, name, window));
    }

    private static CalendarFile.Contents readFile(Path file, String name, CalendarWindow window)
            throws CalendarFormatException, IOException {
        try (InputStream in = Gzip.detect(new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            return CalendarFile.read(in, name, window);
        }
    }

    static Result events(CalendarMerge merge, int files, AttendeeMapping people) {
        List<RecordedEvent> events = new ArrayList<>();
        Map<String, Long> versions = new HashMap<>();
        long solo = 0;
        long allDay = 0;
        for (CalendarMerge.Merged m : merge.held()) {
            MeetingInstance first = m.first();
            Set<String> attending = new LinkedHashSet<>();
            Set<String> declined = new LinkedHashSet<>();
            String organizer = m.organizer() == null || m.organizer().label() == null ? null : people.person(m.organizer());
            for (Attendance a : m.attendees()) {
                (a.declined() ? declined : attending).add(people.person(a));
            }
            if (organizer != null && !declined.contains(organizer)) {
                attending.add(organizer);
            }
            attending.removeAll(declined);
            if (attending.size() < 2) {
                solo++;
                continue;
            }
            if (first.allDay()) {
                allDay++;
            }
            String description = first.description().length() > MeetingHeld.MAX_DESCRIPTION
                    ? first.description().substring(0, MeetingHeld.MAX_DESCRIPTION) : first.description();
            MeetingHeld held = new MeetingHeld(first.uid(), first.title(), description, first.end().toString(),
                    first.allDay(), first.recurring(), List.copyOf(attending), List.copyOf(declined),
                    List.copyOf(m.calendars()));
            String stream = MeetingEvent.stream(first.uid());
            long version = versions.merge(stream, 1L, Long::sum);
            events.add(new RecordedEvent(0, stream, version, first.start(), organizer == null ? NOBODY : organizer,
                    null, 0, null, held, id(first.uid(), first.start().getEpochSecond())));
        }
        return new Result(events, files, merge.copies(), merge.cancelledCount(), solo, allDay,
                new TreeMap<>(people.unmatched()), events.size(), 0);
    }

    /** The stable id of one instance: UID and start, the same in every attendee's calendar. */
    public static String id(String uid, long startEpochSecond) {
        return SOURCE + ":" + uid + ":" + startEpochSecond;
    }

    /**
     * Appends the meetings not yet in the log as one import batch (all or nothing, as every
     * import: the log is replaced only when everything was written). Retracted batches' meetings
     * count as not in the log, so importing their calendars again adds them anew.
     */
    public static Result into(Path log, Result read, LogImport.Batch batch, boolean dryRun) throws IOException {
        Path target = log.toAbsolutePath();
        Set<String> retracted = Files.exists(target) ? JsonlBatches.batches(target).retracted() : Set.of();
        if (dryRun) {
            Known known = known(target, retracted, null);
            long fresh = read.events().stream().filter(e -> !known.ids.contains(e.eventId())).count();
            return read.withWritten(fresh, read.events().size() - fresh);
        }
        return AtomicFiles.write(target, temp -> {
            if (Files.exists(target)) {
                Files.copy(target, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.append(temp)) {
                BatchStamp stamp = new BatchStamp(batch.id(), writer::write);
                Known known = known(target, retracted, stamp);
                Appended appended = known.append(read, stamp);
                if (stamp.events() > 0) {
                    BatchImported record = stamp.record(batch.kind(), batch.file(), appended.series(), 0, null,
                            batch.model());
                    writer.write(stamp.recordEvent(record, batch.actor(), batch.at()));
                }
                return read.withWritten(stamp.events(), appended.already());
            }
        });
    }

    /**
     * The meetings a log holds already: the ids of its standing events and each stream's last
     * version (retracted batches left out, their versions kept by the {@link BatchStamp}).
     */
    public record Known(Set<String> ids, Map<String, Long> versions) {

        public Known() {
            this(new HashSet<>(), new HashMap<>());
        }

        /** An event of the log as it stands. */
        public void standing(RecordedEvent e) {
            versions.merge(e.stream(), e.version(), Math::max);
            if (e.eventId() != null) {
                ids.add(e.eventId());
            }
        }

        /**
         * Hands the meetings of {@code read} not yet known to {@code out} (a {@link BatchStamp}),
         * each stream's versions continuing the log's, and counts them.
         */
        public Appended append(Result read, Consumer<RecordedEvent> out) {
            long already = 0;
            long written = 0;
            Set<String> series = new HashSet<>();
            Set<String> newSeries = new HashSet<>();
            for (RecordedEvent e : read.events()) {
                if (!ids.add(e.eventId())) {
                    already++;
                    continue;
                }
                if (!versions.containsKey(e.stream())) {
                    newSeries.add(e.stream());
                }
                long version = versions.merge(e.stream(), 1L, Long::sum);
                series.add(e.stream());
                written++;
                out.accept(new RecordedEvent(0, e.stream(), version, e.at(), e.actor(), null, 0, null,
                        e.event(), e.eventId()));
            }
            return new Appended(written, already, series.size(), newSeries.size());
        }
    }

    /**
     * What {@link Known#append} handed on: meeting instances new to the log, those it held
     * already, and the meeting series (streams) they belong to, of which {@code newSeries} are new.
     */
    public record Appended(long written, long already, long series, long newSeries) {
    }

    private static Known known(Path log, Set<String> retracted, BatchStamp stamp) throws IOException {
        Known known = new Known();
        if (!Files.exists(log)) {
            return known;
        }
        EventLogJsonl.read(log, e -> {
            if (ImportBatches.isBatchEvent(e) || e.batch() != null && retracted.contains(e.batch())) {
                if (stamp != null) {
                    stamp.hidden(e);
                }
            } else {
                if (stamp != null) {
                    stamp.standing(e);
                }
                // Versions continue after the standing events; the stamp moves them past retracted ones.
                known.standing(e);
            }
        });
        return known;
    }
}
