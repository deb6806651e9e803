package dev.baton.app.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the system of record of a Baton database ({@link BackupFormat}): the event log, model
 * versions, users and hashed API tokens, idempotency keys and their fingerprints. Everything is
 * read in one {@code REPEATABLE READ} read-only transaction, so the backup is one consistent
 * snapshot even while the server records commands; events stream in pages, so the heap does not
 * hold the log.
 */
public final class Backup {

    /** Payload numbers stay as PostgreSQL printed them ({@code 12000000.0} stays a decimal). */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private Backup() {
    }

    /** Writes the backup (uncompressed; the caller gzips) and answers the counts of each record type. */
    public static Map<String, Long> write(DataSource dataSource, OutputStream out, String bakerVersion) {
        Map<String, Long> counts = new LinkedHashMap<>();
        BackupFormat.TYPES.forEach(t -> counts.put(t, 0L));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("set transaction isolation level repeatable read, read only");
            }
            try {
                ObjectNode header = JSON.createObjectNode();
                header.put("format", BackupFormat.FORMAT);
                header.put("version", BackupFormat.VERSION);
                header.put("createdAt", time(Instant.now()));
                header.put("schema", schema(c));
                header.put("baton", bakerVersion);
                line(out, header);
                copy(c, out, counts, "modelVersion", "select number, source, sha256, uploaded_at as \"uploadedAt\", "
                        + "uploaded_by as \"uploadedBy\" from model_versions order by number");
                copy(c, out, counts, "user", "select username, password_hash as \"passwordHash\", role, person_id as "
                        + "person, created_at as \"createdAt\" from users order by created_at, username");
                copy(c, out, counts, "token", "select token_hash as \"tokenHash\", username, name, created_at as "
                        + "\"createdAt\" from api_tokens order by created_at, token_hash");
                copy(c, out, counts, "command", "select command_id as \"commandId\", stream, recorded_at as "
                        + "\"recordedAt\" from commands order by recorded_at, command_id");
                copy(c, out, counts, "fingerprint", "select command_id as \"commandId\", fingerprint, method, path, "
                        + "recorded_at as \"recordedAt\" from idempotency_fingerprints order by recorded_at, command_id");
                copy(c, out, counts, "event", "select position, stream, version, type as \"eventType\", actor, at, "
                        + "work_type as \"workType\", model_version as \"modelVersion\", command_id as \"commandId\", "
                        + "event_id as \"eventId\", batch_id as \"batchId\", payload::text as payload "
                        + "from events order by position");
                ObjectNode end = JSON.createObjectNode();
                end.put("type", "end");
                ObjectNode n = end.putObject("counts");
                counts.forEach(n::put);
                line(out, end);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /** The newest migration applied (Flyway's history), so that a restore can tell what it restores. */
    private static String schema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version from flyway_schema_history "
                + "where success and version is not null order by installed_rank desc limit 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }

    private static void copy(Connection c, OutputStream out, Map<String, Long> counts, String type, String sql)
            throws SQLException, IOException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(1_000);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    ObjectNode row = JSON.createObjectNode();
                    row.put("type", type);
                    for (int i = 1; i <= columns; i++) {
                        String name = rs.getMetaData().getColumnLabel(i);
                        Object value = rs.getObject(i);
                        if (value == null) {
                            row.putNull(name);
                        } else if (name.equals("payload")) {
                            row.set(name, JSON.readTree((String) value));
                        } else if (value instanceof java.sql.Timestamp) {
                            row.put(name, time(rs.getObject(i, OffsetDateTime.class).toInstant()));
                        } else if (value instanceof Long l) {
                            row.put(name, l);
                        } else if (value instanceof Integer n) {
                            row.put(name, n);
                        } else if (value instanceof BigDecimal d) {
                            row.put(name, d);
                        } else {
                            row.put(name, value.toString());
                        }
                    }
                    line(out, row);
                    counts.merge(type, 1L, Long::sum);
                }
            }
        }
    }

    static String time(Instant instant) {
        return MICROS.format(instant.atOffset(ZoneOffset.UTC));
    }

    private static void line(OutputStream out, ObjectNode node) throws IOException {
        out.write(JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
