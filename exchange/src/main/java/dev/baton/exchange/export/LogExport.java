package dev.baton.exchange.export;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.exchange.io.AtomicFiles;
import dev.baton.exchange.ocel.OcelWriter;
import dev.baton.exchange.source.BatonPayloads;
import dev.baton.exchange.table.CsvEventWriter;
import dev.baton.exchange.xes.XesWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Baton's JSONL log written out as XES, OCEL 2.0 JSON or CSV, into a temporary file that replaces
 * the target only when complete. OCEL and CSV stream event by event; XES groups events into one
 * trace per work item, so it holds the log in memory while writing.
 */
public final class LogExport {

    public enum Format {
        XES, OCEL, CSV;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What was written. */
    public record Result(long events, long items) {
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
        boolean gzip = out.getFileName().toString().endsWith(".gz");
        return AtomicFiles.write(out, temp -> {
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
                 OutputStream file = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw) {
                return switch (format) {
                    case XES -> xes(log, file, stagesOnly);
                    case OCEL -> ocel(log, file, stagesOnly, functionOf);
                    case CSV -> csv(log, file, stagesOnly);
                };
            }
        });
    }

    private static Result xes(Path log, OutputStream file, boolean stagesOnly) throws IOException {
        Map<String, List<RecordedEvent>> traces = new LinkedHashMap<>();
        EventLogJsonl.read(log, e -> {
            if (!stagesOnly || BatonPayloads.isStageEvent(e.event())) {
                traces.computeIfAbsent(e.stream(), k -> new ArrayList<>()).add(e);
            }
        });
        long events = 0;
        try (XesWriter xes = new XesWriter(file)) {
            for (var trace : traces.entrySet()) {
                List<RecordedEvent> list = trace.getValue();
                list.sort(java.util.Comparator.comparingLong(RecordedEvent::version));
                String workType = list.stream().map(RecordedEvent::workType).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null);
                xes.trace(trace.getKey(), workType, list);
                events += list.size();
            }
        }
        return new Result(events, traces.size());
    }

    private static Result ocel(Path log, OutputStream file, boolean stagesOnly, Function<String, String> functionOf)
            throws IOException {
        long[] counts = new long[1];
        java.util.Set<String> items = new java.util.HashSet<>();
        try (OcelWriter ocel = new OcelWriter(file, functionOf)) {
            EventLogJsonl.read(log, e -> {
                if (!stagesOnly || BatonPayloads.isStageEvent(e.event())) {
                    ocel.event(e);
                    counts[0]++;
                    items.add(e.stream());
                }
            });
        }
        return new Result(counts[0], items.size());
    }

    private static Result csv(Path log, OutputStream file, boolean stagesOnly) throws IOException {
        long[] counts = new long[1];
        java.util.Set<String> items = new java.util.HashSet<>();
        OutputStreamWriter writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
        try (CsvEventWriter csv = new CsvEventWriter(writer)) {
            EventLogJsonl.read(log, e -> {
                if (!stagesOnly || BatonPayloads.isStageEvent(e.event())) {
                    try {
                        csv.event(e);
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                    counts[0]++;
                    items.add(e.stream());
                }
            });
        }
        return new Result(counts[0], items.size());
    }
}
