package dev.baton.exchange.export;

import static dev.baton.exchange.io.SpillSort.readString;
import static dev.baton.exchange.io.SpillSort.writeString;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.io.Gzip;
import dev.baton.engine.jsonl.Activities;
import dev.baton.engine.jsonl.EventAttributes;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.engine.jsonl.ItemStates;
import dev.baton.engine.jsonl.JsonlBatches;
import dev.baton.exchange.importing.CountingInputStream;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.io.AtomicFiles;
import dev.baton.exchange.io.SpillSort;
import dev.baton.exchange.ocel.OcelWriter;
import dev.baton.exchange.table.CsvEventWriter;
import dev.baton.exchange.xes.XesWriter;
import java.io.BufferedOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Baton's JSONL log written out as XES, OCEL 2.0 JSON or CSV, into a temporary file that replaces
 * the target only when complete. All three stream: CSV event by event, after a first pass that
 * names its columns; OCEL event by event, keeping each item's work type, title and owner and each
 * person for the objects written last; XES groups events into one trace per work item or intake
 * request through an external sort (see {@code xes}), so a log bigger than memory exports too.
 * Every event carries the same plain attributes in all three ({@link EventAttributes}).
 */
public final class LogExport {

    public enum Format {
        XES, OCEL, CSV;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What was written: events, work items, and intake requests (streams of intake events, which
     * are no work items: docs/event-log.md).
     */
    public record Result(long events, long items, long requests) {
    }

    /** Counts the streams of each kind as events go by. */
    private static final class Streams {
        final java.util.Set<String> items = new java.util.HashSet<>();
        final java.util.Set<String> requests = new java.util.HashSet<>();

        void add(RecordedEvent e) {
            (EventAttributes.isIntake(e.event()) ? requests : items).add(e.stream());
        }

        Result result(long events) {
            requests.removeAll(items);
            return new Result(events, items.size(), requests.size());
        }
    }

    private LogExport() {
    }

    /**
     * @param stagesOnly keep only the events that move items through stages (the activities of
     *                   the flow), as a process-mining tool wants them
     * @param functionOf a person's function (from the model), or null
     */
    public static Result run(Path log, Format format, Path out, boolean stagesOnly, Function<String, String> functionOf)
            throws IOException {
        return run(log, format, out, stagesOnly, functionOf, Progress.NONE, SpillSort.DEFAULT_MEMORY);
    }

    /**
     * @param progress   told how much of the log has been read
     * @param sortMemory the memory the XES export may use to group events into traces; beyond it
     *                   they are put in order on disk
     */
    public static Result run(Path log, Format format, Path out, boolean stagesOnly, Function<String, String> functionOf,
                             Progress progress, long sortMemory) throws IOException {
        boolean gzip = out.getFileName().toString().endsWith(".gz");
        return AtomicFiles.write(out, temp -> {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                 OutputStream file = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                return switch (format) {
                    case XES -> xes(events(log, stagesOnly, progress), file, sortMemory, functionOf);
                    case OCEL -> ocel(events(log, stagesOnly, progress), file, functionOf);
                    case CSV -> csv(events(log, stagesOnly, Progress.NONE), events(log, stagesOnly, progress), file,
                            functionOf);
                };
            } catch (UncheckedIOException e) {
                // The disk under the sort or the output: an I/O error to report, not a bug.
                throw e instanceof SpillSort.Failure ? new IOException(e.getMessage(), e.getCause()) : e.getCause();
            }
        });
    }

    /** Reads the log (gzip by its name) event by event, telling the progress how far it is. */
    private interface Events {
        void forEach(Consumer<RecordedEvent> sink) throws IOException;
    }

    private static Events events(Path log, boolean stagesOnly, Progress progress) {
        return sink -> {
            // The log as it stands: retracted import batches and the batches' own events are no history to export.
            java.util.Set<String> retracted = JsonlBatches.batches(log).retracted();
            try (InputStream raw = Files.newInputStream(log)) {
                CountingInputStream counted = new CountingInputStream(raw, Files.size(log), progress);
                InputStream in = Gzip.byName(log, counted);
                EventLogJsonl.read(in, ImportBatches.standing(retracted, e -> {
                    if (!stagesOnly || Activities.stage(e.event()) != null) {
                        sink.accept(e);
                    }
                }));
                counted.finish();
            }
        };
    }

    /**
     * One trace per work item, traces in the order their items first appear: the log interleaves
     * items, so events go through a {@link SpillSort} by (item, version), on disk past its memory
     * budget. Besides the budget, memory holds each item's id and work type.
     */
    private static Result xes(Events log, OutputStream file, long sortMemory, Function<String, String> functionOf)
            throws IOException {
        /** A trace: its place among the traces and its work type, that of its earliest event naming one. */
        final class Trace {
            final int index;
            String workType;
            long workTypeVersion;

            Trace(int index) {
                this.index = index;
            }
        }
        Map<String, Trace> byStream = new HashMap<>();
        List<Trace> traces = new ArrayList<>();
        Streams streams = new Streams();
        ItemStates states = new ItemStates();
        long[] events = {0};
        try (SpillSort<XesWriter.Event> sorted = new SpillSort<>(new XesEventCodec(), sortMemory)) {
            log.forEach(e -> {
                Trace trace = byStream.get(e.stream());
                if (trace == null) {
                    trace = new Trace(traces.size());
                    byStream.put(e.stream(), trace);
                    traces.add(trace);
                }
                if (e.workType() != null && (trace.workType == null || e.version() < trace.workTypeVersion)) {
                    trace.workType = e.workType();
                    trace.workTypeVersion = e.version();
                }
                streams.add(e);
                XesWriter.Event event = XesWriter.Event.of(e, functionOf == null ? null : functionOf.apply(e.actor()));
                event.attributes().putAll(states.after(e));
                sorted.add(trace.index, e.version(), 0, event);
            });
            long[] current = {-1};
            try (XesWriter xes = new XesWriter(file)) {
                sorted.drain((trace, e) -> {
                    try {
                        if (trace != current[0]) {
                            if (current[0] >= 0) {
                                xes.endTrace();
                            }
                            current[0] = trace;
                            xes.startTrace(e.stream(), traces.get((int) trace).workType, e.request());
                        }
                        xes.event(e);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    events[0]++;
                });
                if (current[0] >= 0) {
                    xes.endTrace();
                }
            } catch (SpillSort.Failure ex) {
                throw ex;
            } catch (UncheckedIOException ex) {
                throw ex.getCause();
            }
        }
        return streams.result(events[0]);
    }

    /** An event as XES writes it, as bytes for the sort: its attributes each with a tag of its type. */
    private static final class XesEventCodec implements SpillSort.Codec<XesWriter.Event> {

        @Override
        public void write(DataOutput out, XesWriter.Event e) throws IOException {
            writeString(out, e.stream());
            writeString(out, e.activity());
            out.writeLong(e.at().getEpochSecond());
            out.writeInt(e.at().getNano());
            writeString(out, e.actor());
            writeString(out, e.group());
            out.writeInt(e.attributes().size());
            for (var a : e.attributes().entrySet()) {
                writeString(out, a.getKey());
                Object value = a.getValue();
                if (value instanceof Boolean b) {
                    out.writeByte('b');
                    out.writeBoolean(b);
                } else if (value instanceof Double d) {
                    out.writeByte('d');
                    out.writeDouble(d);
                } else if (value instanceof Number n) {
                    out.writeByte('l');
                    out.writeLong(n.longValue());
                } else {
                    out.writeByte('s');
                    writeString(out, String.valueOf(value));
                }
            }
        }

        @Override
        public XesWriter.Event read(DataInput in) throws IOException {
            String stream = readString(in);
            String activity = readString(in);
            Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
            String actor = readString(in);
            String group = readString(in);
            int n = in.readInt();
            Map<String, Object> attributes = new java.util.LinkedHashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String key = readString(in);
                byte tag = in.readByte();
                attributes.put(key, switch (tag) {
                    case 'b' -> in.readBoolean();
                    case 'd' -> in.readDouble();
                    case 'l' -> in.readLong();
                    default -> readString(in);
                });
            }
            return new XesWriter.Event(stream, activity, at, actor, group, attributes);
        }
    }

    private static Result ocel(Events log, OutputStream file, Function<String, String> functionOf) throws IOException {
        long[] counts = new long[1];
        Streams streams = new Streams();
        try (OcelWriter ocel = new OcelWriter(file, functionOf)) {
            log.forEach(e -> {
                ocel.event(e);
                counts[0]++;
                streams.add(e);
            });
        }
        return streams.result(counts[0]);
    }

    /** Two passes over the log: the first names the payload columns, the second writes the rows. */
    private static Result csv(Events columnsPass, Events log, OutputStream file, Function<String, String> functionOf)
            throws IOException {
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        columnsPass.forEach(e -> CsvEventWriter.columns(e).forEach(columns::add));
        long[] counts = new long[1];
        Streams streams = new Streams();
        OutputStreamWriter writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
        try (CsvEventWriter csv = new CsvEventWriter(writer, List.copyOf(columns), functionOf != null)) {
            log.forEach(e -> {
                try {
                    csv.event(e, functionOf == null ? null : functionOf.apply(e.actor()));
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
                counts[0]++;
                streams.add(e);
            });
        }
        return streams.result(counts[0]);
    }
}
