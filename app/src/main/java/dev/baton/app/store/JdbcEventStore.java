package dev.baton.app.store;

import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.event.StreamAppend;
import dev.baton.engine.jsonl.EventCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The event log in PostgreSQL (table {@code events}, docs/adr/0003). An append of one event is one
 * statement, so one round trip: its {@code WITH} parts check the stream's version, claim the
 * idempotency key, insert the event and make the projections' changes, and the statement fails as
 * a whole (SQLSTATE {@value #NOT_APPENDED}, from {@code baton_appended}) when the version moved on
 * or the key was claimed before. An append of several events runs one such statement per event in
 * a transaction, and so does an append to several streams ({@link #appendAll}). The unique
 * constraint on (stream, version) settles races between two commands on one item; the primary key of {@code commands} settles races between a command and its retry.
 *
 * <p>{@link #read} and {@link #readAll} answer the log as it stands: the events of retracted import
 * batches are left out ({@link #STANDING}); {@link #version} still counts them, so that a stream's
 * versions stay unique in the table.
 */
public class JdbcEventStore implements EventStore {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * Writes payloads for the {@code jsonb} column. PostgreSQL keeps a JSON number as a decimal
     * and prints it back without exponent, so the {@code 1.2E7} Jackson writes for a double came
     * back as the integer {@code 12000000}; written as {@code 12000000.0} it reads back as the
     * double it was, as from the in-memory store. The projections' JSON columns use it too.
     */
    static final JsonMapper PAYLOAD = JsonMapper.builder().addModule(new SimpleModule("plain-doubles")
            .addSerializer(Double.class, new PlainDouble()).addSerializer(double.class, new PlainDouble())).build();

    private static final class PlainDouble extends ValueSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator g, SerializationContext context) {
            if (value.isNaN() || value.isInfinite()) {
                g.writeNumber(value);
                return;
            }
            String plain = java.math.BigDecimal.valueOf(value).toPlainString();
            g.writeNumber(plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
    }
    private static final String COLUMNS = "position, stream, version, type, actor, at, work_type, model_version, "
            + "command_id, event_id, batch_id, payload::text as payload";
    /**
     * Leaves out the events of retracted import batches: the log keeps them (append-only), but
     * every reader sees the log as it stands (V3__import_batches.sql, docs/api.md).
     */
    public static final String STANDING = "(batch_id is null or not exists (select 1 from import_batches b "
            + "where b.id = events.batch_id and b.retracted_at is not null))";
    /** Raised by the migration's {@code baton_appended(n)} when an append's checks let no event through. */
    static final String NOT_APPENDED = "BT409";
    private static final String EVENT_VALUES = "?::text, ?::bigint, ?::text, ?::text, ?::timestamptz, ?::text, "
            + "?::integer, ?::text, ?::jsonb";
    private static final String INSERT_EVENT = "insert into events (stream, version, type, actor, at, work_type, "
            + "model_version, command_id, payload) ";

    private final JdbcTemplate jdbc;
    private final List<Projection> projections;

    public JdbcEventStore(DataSource dataSource, List<Projection> projections) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.projections = List.copyOf(projections);
    }

    @Override
    public List<RecordedEvent> append(String stream, long expectedVersion, String commandId, List<PendingEvent> events) {
        if (events.isEmpty()) {
            return appendNothing(stream, expectedVersion, commandId);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return insert(stream, expectedVersion, commandId, events);
            } catch (DuplicateKeyException e) {
                // Another command appended to this stream meanwhile (or created the same item).
                throw new ConcurrencyConflict(stream, expectedVersion, version(stream));
            } catch (NotAppended e) {
                // Why did the checks let nothing through? Answer a retry with its first events, else conflict.
                Optional<List<RecordedEvent>> earlier = commandId == null ? Optional.empty() : byCommandId(commandId);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
                long current = version(stream);
                if (current != expectedVersion || attempt == 2) {
                    throw new ConcurrencyConflict(stream, expectedVersion, current);
                }
                // The key's first claimant rolled back after we saw it: try again.
            }
        }
    }

    /** No events: only the checks (a retry still answers with its events; a stale version is still a conflict). */
    private List<RecordedEvent> appendNothing(String stream, long expectedVersion, String commandId) {
        Optional<List<RecordedEvent>> earlier = commandId == null ? Optional.empty() : byCommandId(commandId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long current = version(stream);
        if (current != expectedVersion) {
            throw new ConcurrencyConflict(stream, expectedVersion, current);
        }
        return List.of();
    }

    private static final class NotAppended extends RuntimeException {
        NotAppended() {
            super(null, null, false, false);
        }
    }

    private List<RecordedEvent> insert(String stream, long expectedVersion, String commandId, List<PendingEvent> events) {
        return jdbc.execute((ConnectionCallback<List<RecordedEvent>>) connection -> events.size() == 1
                ? insert(connection, stream, expectedVersion, commandId, events)
                : inTransaction(connection, () -> insert(connection, stream, expectedVersion, commandId, events)));
    }

    /** One stream's events, one statement each; the caller runs several in a transaction. */
    private List<RecordedEvent> insert(Connection connection, String stream, long expectedVersion, String commandId,
                                       List<PendingEvent> events) throws SQLException {
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (PendingEvent pending : events) {
            version++;
            // PostgreSQL keeps microseconds: return exactly what a later read returns.
            Instant at = pending.at().truncatedTo(ChronoUnit.MICROS);
            RecordedEvent event = new RecordedEvent(0, stream, version, at, pending.actor(), pending.workType(),
                    pending.modelVersion(), commandId, pending.event());
            long position = insert(connection, event, recorded.isEmpty(), expectedVersion);
            recorded.add(new RecordedEvent(position, stream, version, at, pending.actor(), pending.workType(),
                    pending.modelVersion(), commandId, pending.event()));
        }
        return recorded;
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Every part's statements in one transaction. When a part's checks let nothing through, the
     * whole transaction rolls back and the parts are examined as {@link #append} examines one: a
     * part whose command id has events is answered with them and left out of the next attempt; a
     * stream that moved on is a conflict.
     */
    @Override
    public List<List<RecordedEvent>> appendAll(List<StreamAppend> parts) {
        if (parts.stream().map(StreamAppend::stream).distinct().count() < parts.size()) {
            throw new IllegalArgumentException("a stream appears twice in one append: " + parts.stream()
                    .map(StreamAppend::stream).toList());
        }
        Map<Integer, List<RecordedEvent>> answered = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            StreamAppend part = parts.get(i);
            if (part.events().isEmpty()) {
                // Only checks, no writes: as append does them.
                answered.put(i, appendNothing(part.stream(), part.expectedVersion(), part.commandId()));
            }
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return insertAll(parts, answered);
            } catch (DuplicateKeyException | NotAppended e) {
                boolean retried = false;
                for (int i = 0; i < parts.size(); i++) {
                    StreamAppend part = parts.get(i);
                    if (answered.containsKey(i)) {
                        continue;
                    }
                    Optional<List<RecordedEvent>> earlier = part.commandId() == null ? Optional.empty()
                            : byCommandId(part.commandId());
                    if (earlier.isPresent()) {
                        answered.put(i, earlier.get());
                        retried = true;
                        continue;
                    }
                    long current = version(part.stream());
                    if (current != part.expectedVersion()) {
                        throw new ConcurrencyConflict(part.stream(), part.expectedVersion(), current);
                    }
                }
                if (!retried && attempt == 2) {
                    StreamAppend first = parts.get(0);
                    throw new ConcurrencyConflict(first.stream(), first.expectedVersion(), version(first.stream()));
                }
                // A part was a retry, or a key's first claimant rolled back after we saw it: try again.
            }
        }
    }

    private List<List<RecordedEvent>> insertAll(List<StreamAppend> parts, Map<Integer, List<RecordedEvent>> answered) {
        return jdbc.execute((ConnectionCallback<List<List<RecordedEvent>>>) connection -> inTransaction(connection, () -> {
            List<List<RecordedEvent>> results = new ArrayList<>(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                StreamAppend part = parts.get(i);
                List<RecordedEvent> earlier = answered.get(i);
                results.add(earlier != null ? earlier
                        : insert(connection, part.stream(), part.expectedVersion(), part.commandId(), part.events()));
            }
            return results;
        }));
    }

    /**
     * One event in one statement; the first event of an append also checks the version and claims
     * the idempotency key, and the statement raises {@link #NOT_APPENDED} when either check fails.
     */
    private long insert(Connection connection, RecordedEvent event, boolean first, long expectedVersion)
            throws SQLException {
        StringBuilder sql = new StringBuilder("with ");
        List<Object> args = new ArrayList<>();
        if (first) {
            sql.append("checked as (select 1 from (select coalesce(max(version), 0) as v from events where stream = ?) s "
                    + "where s.v = ?), ");
            args.add(event.stream());
            args.add(expectedVersion);
            if (event.commandId() != null) {
                sql.append("claimed as (insert into commands (command_id, stream) select ?, ? from checked "
                        + "on conflict (command_id) do nothing returning 1), ");
                args.add(event.commandId());
                args.add(event.stream());
            } else {
                sql.append("claimed as (select 1 from checked), ");
            }
            sql.append("appended as (").append(INSERT_EVENT).append("select ").append(EVENT_VALUES)
                    .append(" from claimed returning position)");
        } else {
            sql.append("appended as (").append(INSERT_EVENT).append("values (").append(EVENT_VALUES)
                    .append(") returning position)");
        }
        eventArgs(event, args);
        StringBuilder parts = new StringBuilder();
        changes(event, parts, args);
        if (parts.length() > 0) {
            sql.append(", ").append(parts);
        }
        sql.append(" select baton_appended((select count(*) from appended)), (select position from appended)");
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            new ArgumentPreparedStatementSetter(args.toArray()).setValues(statement);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(2);
            }
        } catch (SQLException e) {
            if (NOT_APPENDED.equals(e.getSQLState())) {
                throw new NotAppended();
            }
            throw e;
        }
    }

    /**
     * New streams in one transaction, in JDBC batches (many statements per round trip). The
     * statements go layer by layer: first every stream's first event, then every second event,
     * and so on. Within a layer no two statements touch the same row (each stream is one item or
     * request), so a layer's statements can be grouped by their SQL and batched; layers keep the
     * order each stream's changes need. Positions follow the layers, versions follow each stream.
     */
    @Override
    public void appendNewStreams(Map<String, List<PendingEvent>> streams) {
        int depth = streams.values().stream().mapToInt(List::size).max().orElse(0);
        try {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                connection.setAutoCommit(false);
                Map<String, PreparedStatement> statements = new HashMap<>();
                Map<String, Integer> batched = new HashMap<>();
                try {
                    for (int layer = 0; layer < depth; layer++) {
                        for (Map.Entry<String, List<PendingEvent>> stream : streams.entrySet()) {
                            if (stream.getValue().size() <= layer) {
                                continue;
                            }
                            PendingEvent pending = stream.getValue().get(layer);
                            RecordedEvent event = new RecordedEvent(0, stream.getKey(), layer + 1,
                                    pending.at().truncatedTo(ChronoUnit.MICROS), pending.actor(), pending.workType(),
                                    pending.modelVersion(), null, pending.event());
                            List<Object> args = new ArrayList<>();
                            StringBuilder sql = new StringBuilder();
                            changes(event, sql, args);
                            sql.insert(0, sql.length() == 0 ? "" : "with ").append(' ').append(INSERT_EVENT)
                                    .append("values (").append(EVENT_VALUES).append(')');
                            eventArgs(event, args);
                            String text = sql.toString();
                            PreparedStatement statement = statements.get(text);
                            if (statement == null) {
                                statement = connection.prepareStatement(text);
                                statements.put(text, statement);
                            }
                            new ArgumentPreparedStatementSetter(args.toArray()).setValues(statement);
                            statement.addBatch();
                            if (batched.merge(text, 1, Integer::sum) >= BATCH) {
                                statement.executeBatch();
                                batched.put(text, 0);
                            }
                        }
                        // The next layer changes rows this one changed: run what is batched first.
                        for (Map.Entry<String, Integer> waiting : batched.entrySet()) {
                            if (waiting.getValue() > 0) {
                                statements.get(waiting.getKey()).executeBatch();
                                waiting.setValue(0);
                            }
                        }
                    }
                    connection.commit();
                    return null;
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    for (PreparedStatement statement : statements.values()) {
                        statement.close();
                    }
                    connection.setAutoCommit(true);
                }
            });
        } catch (DuplicateKeyException e) {
            throw new ConcurrencyConflict(firstExisting(streams), 0, version(firstExisting(streams)));
        }
    }

    private static final int BATCH = 1_000;

    private String firstExisting(Map<String, List<PendingEvent>> streams) {
        return streams.keySet().stream().filter(s -> version(s) > 0).findFirst().orElse(streams.keySet().iterator().next());
    }

    /** The parameters of {@link #EVENT_VALUES}. */
    private static void eventArgs(RecordedEvent event, List<Object> args) {
        args.add(event.stream());
        args.add(event.version());
        args.add(event.type());
        args.add(event.actor());
        args.add(Timestamp.from(event.at()));
        args.add(event.workType());
        args.add(event.modelVersion());
        args.add(event.commandId());
        args.add(PAYLOAD.writeValueAsString(event.event()));
    }

    /** The projections' changes for an event as {@code WITH} parts ({@code p0 as (...), p1 as (...)}). */
    private void changes(RecordedEvent event, StringBuilder sql, List<Object> args) {
        Changes changes = new Changes();
        for (Projection projection : projections) {
            projection.changes(event, changes);
        }
        int n = 0;
        for (Changes.Change change : changes.list()) {
            sql.append(n == 0 ? "" : ", ").append('p').append(n++).append(" as (").append(change.sql()).append(')');
            args.addAll(Arrays.asList(change.args()));
        }
    }

    @Override
    public List<RecordedEvent> read(String stream) {
        return jdbc.query("select " + COLUMNS + " from events where stream = ? and " + STANDING + " order by version",
                EVENT, stream);
    }

    @Override
    public long version(String stream) {
        Long version = jdbc.queryForObject("select coalesce(max(version), 0) from events where stream = ?", Long.class, stream);
        return version == null ? 0 : version;
    }

    /**
     * Only events whose transaction is older than every transaction still running: positions are
     * handed out before commit, so a newer position can become visible before an older one, and a
     * feed reader paging by position must not skip the older one.
     */
    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
        return jdbc.query("select " + COLUMNS + " from events where position > ? and " + STANDING + " "
                + "and transaction_id < pg_snapshot_xmin(pg_current_snapshot()) order by position limit ?",
                EVENT, afterPosition, Math.max(0, limit));
    }

    @Override
    public Optional<List<RecordedEvent>> byCommandId(String commandId) {
        List<RecordedEvent> events = jdbc.query("select " + COLUMNS + " from events where command_id = ? order by position",
                EVENT, commandId);
        return events.isEmpty() ? Optional.empty() : Optional.of(events);
    }

    private static final RowMapper<RecordedEvent> EVENT = JdbcEventStore::event;

    private static RecordedEvent event(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("type");
        return new RecordedEvent(rs.getLong("position"), rs.getString("stream"), rs.getLong("version"),
                rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("work_type"),
                rs.getInt("model_version"), rs.getString("command_id"),
                CODEC.payload(type, JSON.readTree(rs.getString("payload"))), rs.getString("event_id"),
                rs.getString("batch_id"));
    }
}
