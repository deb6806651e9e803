package dev.baton.insight.debt;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.insight.debt.meetings.MeetingRules;
import dev.baton.insight.debt.meetings.MeetingTally;
import dev.baton.insight.tools.PeopleAcrossTools;
import dev.baton.insight.tools.ToolUse;
import dev.baton.model.problem.Problem;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The debt report of a log too large to keep every open item in memory: a first pass deals the
 * events into bucket files by a hash of their case (a temporary directory, deleted afterwards),
 * and gathers the whole log's horizon and meetings; then each bucket is read back and analysed as
 * a {@link DebtPartial} of whole cases, closed against the whole log's horizon and merged, while
 * tool use and the items meetings may name are gathered across the buckets. The cases held at once are one bucket's, so memory
 * is bounded by the largest bucket rather than by the log (docs/debt.md, Scale); the report is
 * {@link DebtAnalysis#analyze}'s.
 */
final class Buckets {

    private static final int BUFFER = 1 << 16;

    private Buckets() {
    }

    static DebtReport analyze(ModelHistory models, List<Problem> warnings, String logName, DebtAnalysis.EventSource source,
                              Scope scope, PeopleAcrossTools people, int buckets, Path tempParent) throws IOException {
        Path dir = Files.createTempDirectory(tempParent, "baton-analyze-");
        try {
            Path[] files = new Path[buckets];
            Writer[] writers = new Writer[buckets];
            java.util.Set<String> systems = new java.util.HashSet<>();
            MeetingTally meetings = new MeetingTally(models.current(), MeetingRules.of(models.current().debt()));
            DebtPartial.Horizon horizon = new DebtPartial.Horizon();
            EventCodec codec = new EventCodec();
            try {
                for (int b = 0; b < buckets; b++) {
                    files[b] = dir.resolve("bucket-" + b + ".jsonl");
                    writers[b] = new BufferedWriter(Files.newBufferedWriter(files[b], StandardCharsets.UTF_8), BUFFER);
                }
                scope.of(source).forEach(e -> {
                    if (DebtPartial.measured(e)) {
                        horizon.see(e);
                        String system = ToolUse.systemOf(e);
                        if (system != null) {
                            systems.add(system);
                        }
                        write(writers[bucket(e, buckets)], codec.encode(e));
                    }
                    // An item's creation is matched with meetings once they are all known (second pass).
                    if (!(e.event() instanceof ItemCreated) || !DebtPartial.measured(e)) {
                        meetings.accept(e);
                    }
                });
            } finally {
                for (Writer w : writers) {
                    if (w != null) {
                        w.close();
                    }
                }
            }
            // Switches and duplicated tracking need two systems: a log of one keeps only days per person.
            ToolUse tools = systems.size() <= 1 ? ToolUse.ofOneSource(people) : new ToolUse(people);
            DebtPartial merged = null;
            for (Path file : files) {
                DebtPartial part = DebtAnalysis.partial(models);
                // Tool use sorts each person's actions by time and log position, and sums the rest,
                // so reading it case by case gives what the log's order gives.
                DebtAnalysis.jsonl(file).forEach(e -> {
                    part.accept(e);
                    tools.accept(e);
                    meetings.acceptAfterMeetings(e);
                });
                Files.delete(file);
                tools.forgetItems();
                part.close(horizon);
                merged = merged == null ? part : merged.merge(part);
            }
            return merged.finish(models, warnings, logName).with(tools.result()).withMeetings(meetings.finish());
        } finally {
            try (Stream<Path> left = Files.list(dir)) {
                for (Path p : (Iterable<Path>) left::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    /** The bucket of an event's case; an event of no case goes to the first. */
    static int bucket(RecordedEvent e, int buckets) {
        return e.stream() == null ? 0 : Math.floorMod(e.stream().hashCode() * 0x9E3779B1, buckets);
    }

    private static void write(Writer w, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
