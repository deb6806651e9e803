package dev.baton.app.store;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts events back into an empty log as they were (position, stream, version, ids, payload) and
 * rebuilds every projection from them, as {@link JdbcEventStore} builds them when it appends: a
 * restore ({@code baton restore}) never copies projection tables. Events that the engine recorded
 * run their projections' changes in the statement that inserts them; imported events (those with
 * a source id, {@code event_id}) go into no projection, as when they were imported
 * (dev.baton.app.imports.ServerImports). Consecutive statements of the same text go to PostgreSQL
 * in JDBC batches; the caller owns the transaction.
 */
public final class EventReplay {

    private static final EventCodec CODEC = new EventCodec();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BATCH = 1_000;
    private static final String INSERT = "insert into events (position, stream, version, type, actor, at, work_type, "
            + "model_version, command_id, event_id, batch_id, payload) values (?::bigint, ?::text, ?::bigint, ?::text, "
            + "?::text, ?::timestamptz, ?::text, ?::integer, ?::text, ?::text, ?::text, ?::jsonb)";

    private final Connection connection;
    private final List<Projection> projections;
    private String pendingSql;
    private PreparedStatement pending;
    private int batched;
    private long events;

    public EventReplay(Connection connection, List<Projection> projections) {
        this.connection = connection;
        this.projections = List.copyOf(projections);
    }

    /** One stored event as it was; {@code payload} is its JSON text. */
    public record StoredEvent(long position, String stream, long version, String type, String actor, Instant at,
                              String workType, int modelVersion, String commandId, String eventId, String batchId,
                              String payload) {
    }

    public void replay(StoredEvent e) throws SQLException {
        StringBuilder sql = new StringBuilder();
        List<Object> args = new ArrayList<>();
        if (e.eventId() == null) {
            BatonEvent payload = decode(e);
            if (payload != null) {
                Changes changes = new Changes();
                RecordedEvent event = new RecordedEvent(0, e.stream(), e.version(), e.at(), e.actor(), e.workType(),
                        e.modelVersion(), e.commandId(), payload, e.eventId(), e.batchId());
                for (Projection projection : projections) {
                    projection.changes(event, changes);
                }
                int n = 0;
                for (Changes.Change change : changes.list()) {
                    sql.append(n == 0 ? "with " : ", ").append('p').append(n++).append(" as (").append(change.sql())
                            .append(')');
                    args.addAll(Arrays.asList(change.args()));
                }
            }
        }
        sql.append(sql.length() == 0 ? "" : " ").append(INSERT);
        args.addAll(List.of(e.position(), e.stream(), e.version(), e.type(), e.actor()));
        args.add(Timestamp.from(e.at()));
        args.add(e.workType());
        args.add(e.modelVersion());
        args.add(e.commandId());
        args.add(e.eventId());
        args.add(e.batchId());
        args.add(e.payload());
        String text = sql.toString();
        if (!text.equals(pendingSql)) {
            flush();
            pending = connection.prepareStatement(text);
            pendingSql = text;
        }
        new ArgumentPreparedStatementSetter(args.toArray()).setValues(pending);
        pending.addBatch();
        events++;
        if (++batched >= BATCH) {
            pending.executeBatch();
            batched = 0;
        }
    }

    /** A type this Baton does not know goes into no projection (none would know it either). */
    private static BatonEvent decode(StoredEvent e) {
        try {
            return CODEC.payload(e.type(), JSON.readTree(e.payload()));
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    private void flush() throws SQLException {
        if (pending != null) {
            if (batched > 0) {
                pending.executeBatch();
            }
            pending.close();
            pending = null;
            pendingSql = null;
            batched = 0;
        }
    }

    /** Runs what is batched and moves the log's position counter past the last restored event; the number of events. */
    public long finish() throws SQLException {
        flush();
        try (PreparedStatement setval = connection.prepareStatement("select setval(pg_get_serial_sequence('events', "
                + "'position'), coalesce(max(position), 1), max(position) is not null) from events")) {
            setval.execute();
        }
        return events;
    }
}
