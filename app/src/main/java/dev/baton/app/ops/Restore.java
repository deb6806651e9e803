package dev.baton.app.ops;

import dev.baton.app.imports.BatchProjection;
import dev.baton.app.learning.LearningProjection;
import dev.baton.app.store.EventReplay;
import dev.baton.app.store.IntakeProjection;
import dev.baton.app.store.ItemProjection;
import dev.baton.engine.version.ModelVersionStore;
import dev.baton.engine.version.ModelVersions;
import dev.baton.engine.version.StoredModelVersion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a backup ({@link BackupFormat}) into an empty, migrated database in one transaction: the
 * model versions, users, tokens, idempotency keys and fingerprints as they were, and the events as
 * they were with every projection rebuilt by replaying them ({@link EventReplay}). A file that is
 * not a backup, of another format version, or cut short restores nothing, and the message says
 * which line and what was expected.
 */
public final class Restore {

    private Restore() {
    }

    /**
     * @param file the backup's name, for messages
     * @return the count of each record type restored
     * @throws BackupFormat.Unreadable when the file is not a complete backup of version 1
     * @throws IllegalStateException   when the database is not empty
     */
    public static Map<String, Long> into(DataSource dataSource, BufferedReader in, String file) {
        try (Connection c = dataSource.getConnection()) {
            refuseUnlessEmpty(c);
            c.setAutoCommit(false);
            try {
                Map<String, Long> counts = read(c, in, file);
                c.commit();
                return counts;
            } catch (RuntimeException | SQLException | IOException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not restore into the database: " + Backup.firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void refuseUnlessEmpty(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select (select count(*) from events), "
                + "(select count(*) from users), (select count(*) from model_versions)")) {
            rs.next();
            if (rs.getLong(1) + rs.getLong(2) + rs.getLong(3) > 0) {
                throw new IllegalStateException("the database is not empty (" + rs.getLong(1) + " events, " + rs.getLong(2)
                        + " users, " + rs.getLong(3) + " model versions): restore into a new --data directory or an "
                        + "empty database");
            }
        }
    }

    private static Map<String, Long> read(Connection c, BufferedReader in, String file) throws IOException, SQLException {
        String first = in.readLine();
        JsonNode header = first == null ? null : parse(first, file, 1);
        if (header == null || !BackupFormat.FORMAT.equals(header.path("format").asString(null))) {
            throw new BackupFormat.Unreadable(file + ":1", "expected a Baton backup (a first line {\"format\":\""
                    + BackupFormat.FORMAT + "\",\"version\":1,...}), found " + (first == null ? "an empty file"
                    : "'" + abbreviate(first) + "'"));
        }
        int version = header.path("version").asInt(-1);
        if (version != BackupFormat.VERSION) {
            throw new BackupFormat.Unreadable(file + ":1", "expected backup format version " + BackupFormat.VERSION
                    + ", found " + header.path("version") + " (made by Baton " + header.path("baton").asString("?")
                    + "; restore it with that Baton or a newer one)");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        BackupFormat.TYPES.forEach(t -> counts.put(t, 0L));
        List<StoredModelVersion> models = new ArrayList<>();
        EventReplay replay = null;
        long lineNumber = 1;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String where = file + ":" + lineNumber;
            JsonNode r = parse(line, file, lineNumber);
            String type = r.path("type").asString("");
            switch (type) {
                case "modelVersion" -> {
                    StoredModelVersion m = new StoredModelVersion(r.path("number").asInt(), text(r, "source", where),
                            text(r, "sha256", where), instant(r, "uploadedAt", where), text(r, "uploadedBy", where));
                    models.add(m);
                    update(c, "insert into model_versions (number, source, sha256, uploaded_at, uploaded_by) "
                            + "values (?, ?, ?, ?, ?)", m.number(), m.source(), m.sha256(), Timestamp.from(m.uploadedAt()),
                            m.uploadedBy());
                }
                case "user" -> update(c, "insert into users (username, password_hash, role, person_id, created_at) "
                                + "values (?, ?, ?, ?, ?)", text(r, "username", where), text(r, "passwordHash", where),
                        text(r, "role", where), text(r, "person", where), Timestamp.from(instant(r, "createdAt", where)));
                case "token" -> update(c, "insert into api_tokens (token_hash, username, name, created_at) "
                                + "values (?, ?, ?, ?)", text(r, "tokenHash", where), text(r, "username", where),
                        text(r, "name", where), Timestamp.from(instant(r, "createdAt", where)));
                case "command" -> update(c, "insert into commands (command_id, stream, recorded_at) values (?, ?, ?)",
                        text(r, "commandId", where), text(r, "stream", where), Timestamp.from(instant(r, "recordedAt", where)));
                case "fingerprint" -> update(c, "insert into idempotency_fingerprints (command_id, fingerprint, method, "
                                + "path, recorded_at) values (?, ?, ?, ?, ?)", text(r, "commandId", where),
                        text(r, "fingerprint", where), text(r, "method", where), text(r, "path", where),
                        Timestamp.from(instant(r, "recordedAt", where)));
                case "event" -> {
                    if (replay == null) {
                        replay = new EventReplay(c, List.of(new ItemProjection(modelVersions(models)),
                                new IntakeProjection(), new BatchProjection(), new LearningProjection(),
                                new dev.baton.app.experiment.ExperimentProjection()));
                    }
                    JsonNode payload = r.path("payload");
                    if (!payload.isObject()) {
                        throw new BackupFormat.Unreadable(where, "expected the event's payload as a JSON object, found "
                                + payload);
                    }
                    replay.replay(new EventReplay.StoredEvent(r.path("position").asLong(), text(r, "stream", where),
                            r.path("version").asLong(), text(r, "eventType", where), text(r, "actor", where),
                            instant(r, "at", where), optional(r, "workType"), r.path("modelVersion").asInt(),
                            optional(r, "commandId"), optional(r, "eventId"), optional(r, "batchId"),
                            Backup.JSON.writeValueAsString(payload)));
                }
                case "end" -> {
                    if (replay != null) {
                        replay.finish();
                    }
                    for (String t : BackupFormat.TYPES) {
                        long expected = r.path("counts").path(t).asLong(-1);
                        if (expected != counts.get(t)) {
                            throw new BackupFormat.Unreadable(where, "the backup says it holds " + expected + " " + t
                                    + " records, but " + counts.get(t) + " were read; nothing was restored");
                        }
                    }
                    return counts;
                }
                default -> throw new BackupFormat.Unreadable(where, "expected a record of type " + String.join(", ",
                        BackupFormat.TYPES) + " or end, found '" + type + "'");
            }
            counts.merge(type, 1L, Long::sum);
        }
        throw new BackupFormat.Unreadable(file + ":" + lineNumber, "the backup is cut short: expected its last line "
                + "{\"type\":\"end\",...} (was the backup interrupted, or the file truncated?); nothing was restored");
    }

    /** The stored models, for the projections that need a stage's gate mode. */
    private static ModelVersions modelVersions(List<StoredModelVersion> models) {
        List<StoredModelVersion> copy = List.copyOf(models);
        return new ModelVersions(new ModelVersionStore() {
            @Override
            public List<StoredModelVersion> load() {
                return copy;
            }

            @Override
            public void save(StoredModelVersion version) {
                throw new UnsupportedOperationException("a restore stores no new model versions");
            }
        }, Clock.systemUTC());
    }

    private static JsonNode parse(String line, String file, long number) {
        try {
            return Backup.JSON.readTree(line);
        } catch (JacksonException e) {
            throw new BackupFormat.Unreadable(file + ":" + number, "expected one JSON object per line, found '"
                    + abbreviate(line) + "'");
        }
    }

    private static String text(JsonNode r, String field, String where) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            throw new BackupFormat.Unreadable(where, "expected the field '" + field + "' in a " + r.path("type").asString("")
                    + " record, found none");
        }
        return v.asString();
    }

    private static String optional(JsonNode r, String field) {
        JsonNode v = r.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Instant instant(JsonNode r, String field, String where) {
        String text = text(r, field, where);
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BackupFormat.Unreadable(where, "expected '" + field + "' as a time such as "
                    + "2026-03-02T09:15:00.000000Z, found '" + text + "'");
        }
    }

    private static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
