package dev.baton.app.store;

import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event log in PostgreSQL (table {@code events}, docs/adr/0003). One append is one
 * transaction: check the stream's version, claim the idempotency key, insert the events, update
 * the projections. The unique constraint on (stream, version) settles races between two commands
 * on one item; the primary key of {@code commands} settles races between a command and its retry.
 */
public class JdbcEventStore implements EventStore {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "position, stream, version, type, actor, at, work_type, model_version, "
            + "command_id, event_id, payload::text as payload";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final List<Projection> projections;

    public JdbcEventStore(DataSource dataSource, List<Projection> projections) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.projections = List.copyOf(projections);
    }

    /** Thrown inside the transaction when the idempotency key was claimed meanwhile: roll back, answer with the earlier events. */
    private static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super(null, null, false, false);
        }
    }

    @Override
    public List<RecordedEvent> append(String stream, long expectedVersion, String commandId, List<PendingEvent> events) {
        try {
            return transactions.execute(status -> appendInTransaction(stream, expectedVersion, commandId, events));
        } catch (DuplicateKeyException e) {
            // Another command appended to this stream between our version check and our insert.
            throw new ConcurrencyConflict(stream, expectedVersion, version(stream));
        } catch (AlreadyRecorded e) {
            return byCommandId(commandId).orElseThrow();
        }
    }

    private List<RecordedEvent> appendInTransaction(String stream, long expectedVersion, String commandId,
                                                    List<PendingEvent> events) {
        // One round trip for both checks: a retried command answers with its events even when stale.
        Map<String, Object> now = jdbc.queryForMap("select coalesce((select max(version) from events where stream = ?), 0) "
                + "as version, (select stream from commands where command_id = ?) as earlier", stream, commandId);
        if (now.get("earlier") != null) {
            throw new AlreadyRecorded();
        }
        long current = ((Number) now.get("version")).longValue();
        if (current != expectedVersion) {
            throw new ConcurrencyConflict(stream, expectedVersion, current);
        }
        if (events.isEmpty()) {
            return List.of();
        }
        if (commandId != null && jdbc.update("insert into commands (command_id, stream) values (?, ?) "
                + "on conflict (command_id) do nothing", commandId, stream) == 0) {
            throw new AlreadyRecorded();
        }
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        long version = expectedVersion;
        for (PendingEvent pending : events) {
            version++;
            // PostgreSQL keeps microseconds: return exactly what a later read returns.
            Timestamp at = Timestamp.from(pending.at().truncatedTo(ChronoUnit.MICROS));
            Long position = jdbc.queryForObject("insert into events (stream, version, type, actor, at, work_type, "
                            + "model_version, command_id, payload) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning position",
                    Long.class, stream, version, pending.event().type(), pending.actor(), at, pending.workType(),
                    pending.modelVersion(), commandId, CODEC.payloadJson(pending.event()));
            RecordedEvent event = new RecordedEvent(position, stream, version, at.toInstant(), pending.actor(),
                    pending.workType(), pending.modelVersion(), commandId, pending.event());
            for (Projection projection : projections) {
                projection.apply(jdbc, event);
            }
            recorded.add(event);
        }
        return recorded;
    }

    @Override
    public List<RecordedEvent> read(String stream) {
        return jdbc.query("select " + COLUMNS + " from events where stream = ? order by version", EVENT, stream);
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
        return jdbc.query("select " + COLUMNS + " from events where position > ? "
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
                CODEC.payload(type, JSON.readTree(rs.getString("payload"))), rs.getString("event_id"));
    }
}
