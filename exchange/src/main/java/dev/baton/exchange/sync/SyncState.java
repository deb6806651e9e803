package dev.baton.exchange.sync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Where a sync stands, kept in a small JSON file between runs: the cursor (changes up to this
 * instant are in the log) and, while a run is under way, the window it is fetching and how many
 * issues of it are already spooled, so that an interrupted run resumes where it stopped.
 *
 * @param cursor       everything updated before it is in the log (null before the first sync)
 * @param windowStart  the {@code updated >=} bound of the run under way (null when none is)
 * @param fetched      issues of the run under way already spooled
 * @param windowEnd    the largest {@code updated} seen in the run under way
 */
public record SyncState(Instant cursor, Instant windowStart, int fetched, Instant windowEnd) {

    private static final JsonFactory JSON = new JsonFactory();

    public static final SyncState NEW = new SyncState(null, null, 0, null);

    public boolean inProgress() {
        return windowStart != null;
    }

    /** The state in the file, or {@link #NEW} when there is no file yet. */
    public static SyncState read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return NEW;
        }
        Instant cursor = null;
        Instant windowStart = null;
        Instant windowEnd = null;
        int fetched = 0;
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), file)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException(file + ": expected a sync state object");
            }
            String name;
            while ((name = p.nextName()) != null) {
                JsonToken value = p.nextToken();
                String text = value == JsonToken.VALUE_NULL ? null : p.getString();
                switch (name) {
                    case "cursor" -> cursor = text == null ? null : Instant.parse(text);
                    case "windowStart" -> windowStart = text == null ? null : Instant.parse(text);
                    case "windowEnd" -> windowEnd = text == null ? null : Instant.parse(text);
                    case "fetched" -> fetched = p.getIntValue();
                    default -> p.skipChildren();
                }
            }
        } catch (JacksonException | java.time.format.DateTimeParseException e) {
            throw new IOException(file + ": not a sync state file (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        return new SyncState(cursor, windowStart, fetched, windowEnd);
    }

    /** Writes the state atomically (a crash leaves the old state or the new one, never half). */
    public void write(Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), temp.toFile(),
                tools.jackson.core.JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringProperty("cursor", cursor == null ? null : cursor.toString());
            g.writeStringProperty("windowStart", windowStart == null ? null : windowStart.toString());
            g.writeNumberProperty("fetched", fetched);
            g.writeStringProperty("windowEnd", windowEnd == null ? null : windowEnd.toString());
            g.writeEndObject();
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
