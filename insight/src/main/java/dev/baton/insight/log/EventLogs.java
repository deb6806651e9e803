package dev.baton.insight.log;

import dev.baton.engine.io.ExpansionRefusedException;
import dev.baton.engine.io.Gzip;
import dev.baton.engine.io.Utf8;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one entry point for reading event logs: Baton's JSONL, CSV, XES ({@code .xes},
 * {@code .xes.gz}) and OCEL 2.0 JSON, recognised from the file name and, failing that, from the
 * first bytes (gzip, {@code <}, a JSON object with {@code "stream"} on its first line, else CSV).
 */
public final class EventLogs {

    /** The formats {@link #read} understands. */
    public enum Format { JSONL, CSV, XES, OCEL }

    private EventLogs() {
    }

    public static EventLog read(Path file) {
        return read(file, ReadOptions.defaults());
    }

    /**
     * Reads a whole log.
     *
     * @throws LogFormatException when the file is missing, unreadable or malformed, saying what and where
     */
    public static EventLog read(Path file, ReadOptions options) {
        String name = String.valueOf(file);
        if (!Files.isRegularFile(file)) {
            throw new LogFormatException(name, 0, 0, Files.exists(file) ? "expected a file, found a directory"
                    : "no such file");
        }
        InputStream[] opened = new InputStream[1];
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            InputStream in = Gzip.detect(raw);
            opened[0] = in;
            Format format = format(file, in);
            return switch (format) {
                case XES -> new XesReader(name, options).read(in);
                case CSV -> new CsvReader(name, options).read(Utf8.reader(in));
                case OCEL -> new OcelReader(name, options).read(in);
                // Retractions come after their batches: a first, cheap pass finds them (a text search).
                case JSONL -> new JsonlReader(name, dev.baton.engine.jsonl.JsonlBatches.batches(file).retracted()).read(in);
            };
        } catch (NoSuchFileException e) {
            throw new LogFormatException(name, 0, 0, "no such file");
        } catch (ExpansionRefusedException e) {
            throw new LogFormatException(name, 0, 0, e.getMessage());
        } catch (LogFormatException e) {
            // A reader's own error, unless the stream under it refused to expand further.
            throw Gzip.refusal(opened[0], e).map(r -> new LogFormatException(name, 0, 0, r.getMessage())).orElse(e);
        } catch (RuntimeException e) {
            var refused = Gzip.refusal(opened[0], e);
            if (refused.isPresent()) {
                throw new LogFormatException(name, 0, 0, refused.get().getMessage());
            }
            if (!(e instanceof UncheckedIOException u)) {
                throw e;
            }
            throw new LogFormatException(name, 0, 0, "cannot read: " + u.getCause().getMessage());
        } catch (IOException e) {
            throw new LogFormatException(name, 0, 0, "cannot read: " + e.getMessage());
        }
    }

    /** The format of a log from its name, or else its first bytes. */
    static Format format(Path file, InputStream in) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".xes") || name.endsWith(".xml")) {
            return Format.XES;
        }
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (name.endsWith(".jsonocel")) {
            return Format.OCEL;
        }
        String head = head(in);
        String trimmed = head.stripLeading();
        if (trimmed.startsWith("<")) {
            return Format.XES;
        }
        if (trimmed.startsWith("{")) {
            int newline = trimmed.indexOf('\n');
            String first = newline < 0 ? trimmed : trimmed.substring(0, newline);
            return first.contains("\"stream\"") && first.stripTrailing().endsWith("}") ? Format.JSONL : Format.OCEL;
        }
        return Format.CSV;
    }

    private static String head(InputStream in) throws IOException {
        in.mark(8192);
        byte[] bytes = in.readNBytes(8192);
        in.reset();
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
