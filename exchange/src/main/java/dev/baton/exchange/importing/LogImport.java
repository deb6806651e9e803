package dev.baton.exchange.importing;

import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.exchange.io.AtomicFiles;
import dev.baton.exchange.io.SpillSort;
import dev.baton.exchange.mapping.ImportMapping;
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
import java.util.zip.GZIPInputStream;

/**
 * One import of an export file into a JSONL event log, all or nothing: the new events are
 * written after a copy of the log in a temporary file next to it, which replaces the log only
 * when the whole export was read. A wrong, truncated or malformed export leaves the log as it was.
 */
public final class LogImport {

    private LogImport() {
    }

    /**
     * @param log    the JSONL log to append to (created when missing)
     * @param dryRun read and count everything, write nothing
     */
    public static ImportReport run(SourceReader reader, Path source, ImportMapping mapping, OperatingModel model,
                                   Path log, boolean dryRun, Progress progress) throws IOException {
        Path target = log.toAbsolutePath();
        if (dryRun) {
            Importer importer = new Importer(mapping, model, e -> { });
            if (Files.exists(target)) {
                EventLogJsonl.read(target, importer::existing);
            }
            readSource(reader, source, importer.sink(), progress);
            return importer.report();
        }
        return AtomicFiles.write(target, temp -> {
            if (Files.exists(target)) {
                Files.copy(target, temp, StandardCopyOption.REPLACE_EXISTING);
            }
            try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.append(temp)) {
                Importer importer = new Importer(mapping, model, writer::write);
                if (Files.exists(target)) {
                    EventLogJsonl.read(target, importer::existing);
                }
                readSource(reader, source, importer.sink(), progress);
                return importer.report();
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
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                in = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            reader.read(in, sink);
            counted.finish();
        } catch (UncheckedIOException e) {
            // The disk under a reader's sort, or the file itself: an I/O error to report, not a bug.
            throw e instanceof SpillSort.Failure ? new IOException(e.getMessage(), e.getCause()) : e.getCause();
        }
    }
}
