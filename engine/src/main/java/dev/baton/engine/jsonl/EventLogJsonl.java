package dev.baton.engine.jsonl;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.io.Gzip;
import dev.baton.engine.io.Utf8;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Baton's event log as a JSONL file (docs/event-log.md): read streaming, one event at a time,
 * and written or appended one line per event. {@code .jsonl.gz} files are read through gzip.
 */
public final class EventLogJsonl {

    private static final EventCodec CODEC = new EventCodec();

    private EventLogJsonl() {
    }

    /**
     * Streams every event of the file to {@code sink}, oldest first. Blank lines are skipped.
     *
     * @throws EventLogFormatException at the first line that is not an event, with its number
     */
    public static void read(Path file, Consumer<RecordedEvent> sink) throws IOException {
        try (InputStream in = open(file)) {
            read(in, sink);
        }
    }

    /** Streams every event of a JSONL stream to {@code sink}. */
    public static void read(InputStream in, Consumer<RecordedEvent> sink) throws IOException {
        BufferedReader reader = new BufferedReader(Utf8.reader(in), 1 << 16);
        long lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (!line.isBlank()) {
                sink.accept(CODEC.decode(line, lineNumber));
            }
        }
    }

    /** Every event of the file in a list; for small logs and tests. */
    public static List<RecordedEvent> readAll(Path file) throws IOException {
        List<RecordedEvent> events = new ArrayList<>();
        read(file, events::add);
        return events;
    }

    /** Writes the events to a new file (replacing it). */
    public static void write(Path file, Iterable<RecordedEvent> events) throws IOException {
        try (Writer writer = Writer.create(file)) {
            events.forEach(writer::write);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return Gzip.byName(file, in);
    }

    /** Writes events one line each; streaming, so a log bigger than memory can be written. */
    public static final class Writer implements Closeable {

        private final BufferedWriter out;

        private Writer(OutputStream out) {
            this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        /** A writer that replaces the file. */
        public static Writer create(Path file) throws IOException {
            return new Writer(Files.newOutputStream(file));
        }

        /** A writer that appends to the file, creating it when missing. */
        public static Writer append(Path file) throws IOException {
            return new Writer(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        }

        public void write(RecordedEvent event) {
            try {
                out.write(CODEC.encode(event));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
