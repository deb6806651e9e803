package dev.baton.exchange.importing;

import dev.baton.engine.batch.BatchIds;
import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.io.Gzip;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.engine.jsonl.JsonlBatches;
import dev.baton.exchange.io.AtomicFiles;
import dev.baton.exchange.io.SpillSort;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.source.JsonSource;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.source.SourceSink;
import dev.baton.model.OperatingModel;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * One import of an export file into a JSONL event log, all or nothing: the new events are
 * written after a copy of the log in a temporary file next to it, which replaces the log only
 * when the whole export was read. A wrong, truncated or malformed export leaves the log as it was.
 */
public final class LogImport {

    private LogImport() {
    }

    /**
     * Who imports what, for the batch an import records (docs/mapping-reference.md, "Batches").
     *
     * @param kind  the export's kind (jira-json, …)
     * @param file  the export's file name
     * @param model the model's name and file, or null without --model
     */
    public record Batch(String id, String kind, String file, String actor, Instant at, String model) {

        /** A new batch, imported now by the user running the command. */
        public static Batch now(String kind, Path source, String model) {
            return new Batch(BatchIds.next(), kind, source.getFileName().toString(),
                    System.getProperty("user.name", "unknown"), Instant.now(), model);
        }
    }

    /**
     * @param log    the JSONL log to append to (created when missing)
     * @param dryRun read and count everything, write nothing
     */
    public static ImportReport run(SourceReader reader, Path source, ImportMapping mapping, OperatingModel model,
                                   Path log, boolean dryRun, Progress progress) throws IOException {
        String kind = SourceKinds.names().stream()
                .filter(k -> SourceKinds.reader(k, ImportMapping.NONE).map(r -> r.getClass() == reader.getClass()).orElse(false))
                .findFirst().orElse(reader.getClass().getSimpleName());
        return run(reader, source, mapping, model, log, dryRun, progress,
                Batch.now(kind, source, model == null ? null : model.name()));
    }

    /**
     * Imports as one batch: the new events carry the batch's id and are followed by its
     * {@code BatchImported} line; an import that finds nothing new records no batch. Events of
     * retracted batches count as not in the log, so importing their export again adds them anew.
     *
     * @param log    the JSONL log to append to (created when missing)
     * @param dryRun read and count everything, write nothing
     */
    public static ImportReport run(SourceReader reader, Path source, ImportMapping mapping, OperatingModel model,
                                   Path log, boolean dryRun, Progress progress, Batch batch) throws IOException {
        Path target = log.toAbsolutePath();
        if (dryRun) {
            BatchStamp stamp = new BatchStamp(batch.id(), e -> { });
            Importer importer = new Importer(mapping, model, stamp);
            existing(target, importer, stamp);
            readSource(reader, source, importer.sink(), progress);
            return importer.report();
        }
        return AtomicFiles.write(target, temp -> {
            if (Files.exists(target)) {
                Files.copy(target, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.append(temp)) {
                BatchStamp stamp = new BatchStamp(batch.id(), writer::write);
                Importer importer = new Importer(mapping, model, stamp);
                existing(target, importer, stamp);
                readSource(reader, source, importer.sink(), progress);
                ImportReport report = importer.report();
                if (stamp.events() > 0) {
                    writer.write(stamp.recordEvent(stamp.record(batch.kind(), batch.file(), report, null, batch.model()),
                            batch.actor(), batch.at()));
                }
                return report;
            }
        });
    }

    /** Tells the importer the log as it stands, and the batch every event (for positions and versions). */
    private static void existing(Path log, Importer importer, BatchStamp stamp) throws IOException {
        if (!Files.exists(log)) {
            return;
        }
        Set<String> retracted = JsonlBatches.batches(log).retracted();
        EventLogJsonl.read(log, e -> {
            if (ImportBatches.isBatchEvent(e) || e.batch() != null && retracted.contains(e.batch())) {
                stamp.hidden(e);
            } else {
                stamp.standing(e);
                importer.existing(e);
            }
        });
    }

    /** Reads an export (gzip recognised by its magic bytes) into a sink. */
    public static void readSource(SourceReader reader, Path source, SourceSink sink, Progress progress)
            throws IOException {
        long total = Files.size(source);
        try (InputStream raw = Files.newInputStream(source)) {
            CountingInputStream counted = new CountingInputStream(raw, total, progress);
            InputStream in = new BufferedInputStream(counted, 1 << 16);
            InputStream read = Gzip.detect(in);
            try {
                reader.read(read, sink);
            } catch (RuntimeException | IOException e) {
                // A reader wraps the stream's errors in its own; a refused gzip bomb is said as such.
                var refused = Gzip.refusal(read, e);
                if (refused.isPresent()) {
                    throw refused.get();
                }
                if (e instanceof JacksonException json) {
                    // A reader's direct use of its parser: the same sentence as JsonSource's.
                    throw JsonSource.broken(json);
                }
                throw e;
            }
            counted.finish();
        } catch (UncheckedIOException e) {
            // The disk under a reader's sort, or the file itself: an I/O error to report, not a bug.
            throw e instanceof SpillSort.Failure ? new IOException(e.getMessage(), e.getCause()) : e.getCause();
        }
    }
}
