package dev.baton.engine.jsonl;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.io.Gzip;
import dev.baton.engine.io.Utf8;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The import batches of a JSONL log. A retraction is appended after its batch's events, so a
 * reader that must leave them out looks for retractions first: {@link #batches} reads only the
 * lines that name a batch event (a text search, no JSON decoding of the others), which costs a
 * fraction of decoding the log.
 */
public final class JsonlBatches {

    private static final EventCodec CODEC = new EventCodec();

    private JsonlBatches() {
    }

    /** The batches of the log (none for a log without imports or from before batches were recorded). */
    public static ImportBatches batches(Path log) throws IOException {
        ImportBatches batches = new ImportBatches();
        try (InputStream in = open(log)) {
            BufferedReader reader = new BufferedReader(Utf8.reader(in), 1 << 16);
            long lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.contains("BatchImported") || line.contains("ImportRetracted")) {
                    RecordedEvent e = CODEC.decode(line, lineNumber);
                    batches.accept(e);
                }
            }
        }
        return batches;
    }

    /** Every event of the log as it stands (ImportBatches#standing), oldest first. */
    public static void readStanding(Path log, Consumer<RecordedEvent> sink) throws IOException {
        EventLogJsonl.read(log, ImportBatches.standing(batches(log).retracted(), sink));
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        return Gzip.byName(file, in);
    }
}
