package dev.baton.scale.debt;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.engine.jsonl.EventLogFormatException;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.DebtPartial;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.insight.debt.Scope;
import dev.baton.insight.debt.meetings.MeetingRules;
import dev.baton.insight.debt.meetings.MeetingTally;
import dev.baton.insight.tools.PeopleAcrossTools;
import dev.baton.insight.tools.ToolUse;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import dev.baton.scale.Part;
import dev.baton.scale.ScaleProblem;
import dev.baton.scale.log.Envelope;
import dev.baton.scale.log.LogCase;
import dev.baton.scale.log.ScaleLog;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.meeting.MeetingEvent.MeetingHeld;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.spark.api.java.JavaRDD;
import scala.Tuple2;

/**
 * {@code baton analyze} as Spark jobs, on the debt report's partial API (docs/debt.md, "Partial
 * reports"), in the passes of the single-machine report of a large log ({@code Buckets}), each
 * over the shuffled cases in the executors:
 * <ol>
 *   <li>where the log ends (its {@link DebtPartial.Horizon}), which systems tool use reads, and
 *       whether it has meetings: small summaries merged in the driver;</li>
 *   <li>only when it has meetings: the meetings, and the item creations the report does not measure,
 *       streamed to the driver in log order ({@code toLocalIterator} over lines picked out by a byte
 *       search), as one machine reads them;</li>
 *   <li>each partition's cases into a {@link DebtPartial} (conformance there too: an alignment per
 *       distinct variant of the partition) closed against the whole log's horizon, with the
 *       partition's {@link ToolUse} — tool switching follows a person across items, and merges
 *       because a person's actions are ordered by time and position whatever part held them —
 *       and the item creations the meetings may have generated. The driver merges them and
 *       finishes the report.</li>
 * </ol>
 */
public final class ScaleDebt {

    /** Each executor builds the model once per model text (the model is not serializable; its text is). */
    private static final Map<String, ModelHistory> MODELS = new ConcurrentHashMap<>();

    private ScaleDebt() {
    }

    /**
     * The debt report of {@code log} against the model {@code modelFile} whose text is {@code modelText}.
     *
     * @throws ScaleProblem when the model is invalid, a line is malformed, or the log has no work items
     */
    public static DebtReport report(ScaleLog log, String modelFile, String modelText, int partitions) {
        return report(log, modelFile, modelText, Scope.ALL, partitions);
    }

    /**
     * The debt report of the part of {@code log} a {@link Scope} selects (a period, some sources), as
     * {@code baton analyze --from --to --source} reports it: each case is whole in its partition, so
     * the scope is applied case by case.
     */
    public static DebtReport report(ScaleLog log, String modelFile, String modelText, Scope scope, int partitions) {
        ValidationReport validation = ModelValidation.validate(modelFile, modelText);
        if (!validation.valid()) {
            StringBuilder message = new StringBuilder();
            validation.errors().forEach(p -> message.append(p.format(validation.file())).append('\n'));
            message.append(validation.file()).append(": invalid, fix the errors above first (baton model validate ")
                    .append(validation.file()).append(')');
            throw new ScaleProblem(message.toString());
        }
        ModelHistory models = ModelHistory.of(validation.model());
        MODELS.putIfAbsent(modelText, models);
        String name = log.name();
        JavaRDD<LogCase> cases = log.cases(partitions);

        // Where the log ends is read from the input's envelopes (no payloads, no shuffle); a period
        // needs each case whole, so a scoped report reads it from the shuffled cases.
        Ends ends = scope.all() ? inputEnds(log)
                : cases.mapPartitions(part -> List.of(ends(name, scope, part)).iterator())
                        .reduce((a, b) -> Part.merge(a, b, Ends::merge)).orThrow();

        var model = validation.model();
        MeetingTally meetings = new MeetingTally(model, MeetingRules.of(model.debt()));
        if (ends.meetings > 0) {
            // An item's creation the report measures is matched with meetings once they are all known (the last pass).
            JavaRDD<byte[]> lines = cases.mapPartitionsToPair(part -> meetingLines(name, scope, part))
                    .sortByKey().values();
            String problem = decode(name, lines.toLocalIterator(), meetings::accept);
            if (problem != null) {
                throw new ScaleProblem(problem);
            }
        }
        MeetingTally.Wanted wanted = meetings.wantedAfterMeetings();
        boolean oneSource = ends.systems.size() <= 1;
        DebtParts merged = cases.mapPartitions(part -> List.of(partial(name, modelFile, modelText, scope, ends.horizon,
                        oneSource, wanted, part)).iterator())
                .reduce((a, b) -> Part.merge(a, b, DebtParts::merge)).orThrow();

        PeopleAcrossTools people = new PeopleAcrossTools(model, Map.of());
        ToolUse tools = (oneSource ? ToolUse.ofOneSource(people) : new ToolUse(people)).merge(merged.tools);
        String problem = decode(name, merged.created.iterator(), meetings::acceptAfterMeetings);
        if (problem != null) {
            throw new ScaleProblem(problem);
        }
        DebtReport report = merged.debt.finish(models, validation.warnings(), new org.apache.hadoop.fs.Path(name).getName())
                .with(tools.result()).withMeetings(meetings.finish());
        if (report.items() == 0) {
            throw new ScaleProblem(name + ": error: expected work-item events (ItemCreated, StageEntered...), found none");
        }
        return report;
    }

    /** The first pass's summary of a part of the log: where it ends, the systems tool use reads, its meetings. */
    private static final class Ends implements Serializable {
        private static final long serialVersionUID = 1L;
        private final DebtPartial.Horizon horizon = new DebtPartial.Horizon();
        private final Set<String> systems = new HashSet<>();
        private long meetings;

        /** An event of the log, by its type and envelope: measured ones move the horizon and name a system. */
        void see(Class<?> type, long atMillis, String eventId, String batch) {
            if (DebtPartial.measured(type)) {
                horizon.see(atMillis, eventId, batch);
                String system = ToolUse.systemOf(type, eventId);
                if (system != null) {
                    systems.add(system);
                }
            } else if (type == MeetingHeld.class) {
                meetings++;
            }
        }

        Ends merge(Ends other) {
            horizon.merge(other.horizon);
            systems.addAll(other.systems);
            meetings += other.meetings;
            return this;
        }
    }

    /**
     * {@link Ends} of the whole log from its lines as read, by their envelopes alone: each import
     * batch's apart, then those of the batches the log did not take back added.
     */
    private static Ends inputEnds(ScaleLog log) {
        InputEnds all = log.bytes().mapPartitions(lines -> {
            InputEnds part = new InputEnds();
            while (lines.hasNext()) {
                part.accept(lines.next());
            }
            return List.of(part).iterator();
        }).reduce(InputEnds::merge);
        all.batchEvents.sort(java.util.Comparator.comparingLong(Tuple2::_1));
        Set<String> retracted = ScaleLog.retracted(all.batchEvents.stream().map(Tuple2::_2).toList());
        Ends whole = all.unbatched;
        all.byBatch.forEach((batch, ends) -> {
            if (!retracted.contains(batch)) {
                whole.merge(ends);
            }
        });
        return whole;
    }

    /** The first pass over the input: {@link Ends} per import batch, and the batch events. */
    private static final class InputEnds implements Serializable {
        private static final long serialVersionUID = 1L;
        private Ends unbatched = new Ends();
        private final java.util.HashMap<String, Ends> byBatch = new java.util.HashMap<>();
        private final ArrayList<Tuple2<Long, byte[]>> batchEvents = new ArrayList<>();

        void accept(byte[] line) {
            Envelope e = Envelope.of(line);
            if (e == null) {
                return; // the last pass, which decodes every line, says what is wrong with it
            }
            if (dev.baton.engine.batch.BatchEvent.class.isAssignableFrom(e.type())) {
                batchEvents.add(new Tuple2<>(ScaleLog.positionOf(line), line));
                return;
            }
            Ends ends = e.batch() == null ? unbatched : byBatch.computeIfAbsent(e.batch(), b -> new Ends());
            ends.see(e.type(), e.atMillis(), e.eventId(), e.batch());
        }

        InputEnds merge(InputEnds other) {
            unbatched.merge(other.unbatched);
            other.byBatch.forEach((batch, ends) -> byBatch.merge(batch, ends, Ends::merge));
            batchEvents.addAll(other.batchEvents);
            return this;
        }
    }

    private static Part<Ends> ends(String name, Scope scope, Iterator<LogCase> cases) {
        Ends ends = new Ends();
        String problem = read(name, scope, cases, line -> true,
                e -> ends.see(e.event().getClass(), e.at().toEpochMilli(), e.eventId(), e.batch()));
        return problem == null ? Part.of(ends) : Part.failed(problem);
    }

    /**
     * The lines a meeting tally takes before the last pass, keyed by position: meetings, and item
     * creations the report does not measure. A byte search picks the lines worth decoding.
     */
    private static Iterator<Tuple2<Long, byte[]>> meetingLines(String name, Scope scope, Iterator<LogCase> cases) {
        List<Tuple2<Long, byte[]>> out = new ArrayList<>();
        EventCodec codec = new EventCodec();
        // A malformed line is said by the last pass, which decodes every line.
        read(name, scope, cases, scope.all() ? ScaleLog.holding("MeetingHeld", "ItemCreated") : line -> true, e -> {
            if (e.event() instanceof MeetingHeld || e.event() instanceof ItemCreated && !DebtPartial.measured(e)) {
                out.add(new Tuple2<>(e.position(), codec.encode(e).getBytes(StandardCharsets.UTF_8)));
            }
        });
        return out.iterator();
    }

    /** What each partition of the last pass sends the driver. */
    private static final class DebtParts implements Serializable {
        private static final long serialVersionUID = 1L;
        private final DebtPartial debt;
        private final ToolUse tools;
        /** The lines of item creations the meetings may have generated. */
        private final List<byte[]> created;

        DebtParts(DebtPartial debt, ToolUse tools, List<byte[]> created) {
            this.debt = debt;
            this.tools = tools;
            this.created = created;
        }

        DebtParts merge(DebtParts other) {
            debt.merge(other.debt);
            tools.merge(other.tools);
            created.addAll(other.created);
            return this;
        }
    }

    private static Part<DebtParts> partial(String name, String modelFile, String modelText, Scope scope,
                                           DebtPartial.Horizon whole,
                                           boolean oneSource, MeetingTally.Wanted wanted, Iterator<LogCase> cases) {
        ModelHistory models = MODELS.computeIfAbsent(modelText,
                text -> ModelHistory.of(ModelValidation.validate(modelFile, text).model()));
        PeopleAcrossTools people = new PeopleAcrossTools(models.current(), Map.of());
        ToolUse tools = oneSource ? ToolUse.ofOneSource(people) : new ToolUse(people);
        DebtPartial part = DebtAnalysis.partial(models);
        List<byte[]> created = new ArrayList<>();
        EventCodec codec = new EventCodec();
        String problem = read(name, scope, cases, line -> true, e -> {
            part.accept(e);
            if (DebtPartial.measured(e)) {
                tools.accept(e);
                if (wanted.test(e)) {
                    created.add(codec.encode(e).getBytes(StandardCharsets.UTF_8));
                }
            }
        });
        tools.forgetItems();
        return problem == null ? Part.of(new DebtParts(part.close(whole), tools, created)) : Part.failed(problem);
    }

    /**
     * Decodes the cases' lines into events as the single-machine reader does (retracted batches and
     * batch events left out: the batch events heading each partition say which) and gives them to
     * {@code sink}; the first malformed line, said, or null.
     */
    static String read(String name, Iterator<LogCase> cases, Consumer<RecordedEvent> sink) {
        return read(name, Scope.ALL, cases, line -> true, sink);
    }

    /**
     * {@link #read} of the lines {@code decode} keeps (the others skipped undecoded), each case's
     * events within {@code scope} (a scope with a period needs all of a case's lines).
     */
    static String read(String name, Scope scope, Iterator<LogCase> cases, Predicate<byte[]> decode,
                       Consumer<RecordedEvent> sink) {
        EventCodec codec = new EventCodec();
        Set<String> retracted = Set.of();
        while (cases.hasNext()) {
            LogCase c = cases.next();
            if (c.batches()) {
                retracted = ScaleLog.retracted(c);
                continue;
            }
            String problem;
            if (scope.all()) {
                problem = decode(name, codec, c.lines().iterator(), decode, ImportBatches.standing(retracted, sink));
            } else {
                List<RecordedEvent> events = new ArrayList<>(c.lines().size());
                problem = decode(name, codec, c.lines().iterator(), decode, ImportBatches.standing(retracted, events::add));
                scope.ofStream(events).forEach(sink);
            }
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** Decodes lines already standing (picked out by a pass that left retracted batches out). */
    private static String decode(String name, Iterator<byte[]> lines, Consumer<RecordedEvent> sink) {
        return decode(name, new EventCodec(), lines, line -> true, sink);
    }

    private static String decode(String name, EventCodec codec, Iterator<byte[]> lines, Predicate<byte[]> decode,
                                 Consumer<RecordedEvent> sink) {
        while (lines.hasNext()) {
            byte[] bytes = lines.next();
            if (!decode.test(bytes)) {
                continue;
            }
            String line = new String(bytes, StandardCharsets.UTF_8);
            RecordedEvent event;
            try {
                event = codec.decode(line);
            } catch (EventLogFormatException e) {
                return name + ": error: " + e.getMessage() + " (the line "
                        + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + ")";
            }
            sink.accept(event);
        }
        return null;
    }
}
