package dev.baton.app.imports;

import dev.baton.engine.batch.BatchEvent;
import dev.baton.engine.batch.BatchEvent.ImportRetracted;
import dev.baton.engine.batch.BatchIds;
import dev.baton.engine.batch.ImportBatch;
import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.PendingEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server's import batches: listed from their projection ({@code import_batches}), and taken
 * back by appending {@code ImportRetracted} to the batch's stream. Nothing is deleted: the event
 * log's readers leave a retracted batch's events out (JdbcEventStore), so the feed, the imported
 * items' pages and the debt dashboard are as if the batch had never been imported.
 */
@Component
public class ServerBatches {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "id, kind, file_name, imported_by, imported_at, model_version, model, events, "
            + "items, new_items, first_at, last_at, retracted_by, retracted_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate writing;
    private final EventStore store;
    private final Clock clock;

    public ServerBatches(DataSource dataSource, EventStore store, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.writing = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.store = store;
        this.clock = clock;
    }

    /** Every batch, newest first. */
    public List<ImportBatch> list() {
        return jdbc.query("select " + COLUMNS + " from import_batches order by imported_at desc, id", ServerBatches::batch);
    }

    public Optional<ImportBatch> get(String id) {
        if (!BatchIds.plausible(id)) {
            return Optional.empty();
        }
        return jdbc.query("select " + COLUMNS + " from import_batches where id = ?", ServerBatches::batch, id)
                .stream().findFirst();
    }

    /**
     * Takes a batch back: appends {@code ImportRetracted} by {@code actor}. Runs under the imports'
     * lock, so an import running meanwhile has read the log either with the batch or without it.
     *
     * @throws ImportRefused unknown batch (404) or retracted already (409); nothing is changed then
     */
    public ImportBatch retract(String id, String actor) {
        return writing.execute(status -> {
            jdbc.execute("select pg_advisory_xact_lock(" + ServerImports.LOCK + ")");
            ImportBatch batch = get(id).orElseThrow(() -> unknown(id));
            if (batch.retracted()) {
                throw retractedAlready(batch);
            }
            Instant now = clock.instant();
            try {
                // Version 1 is the BatchImported: a second retraction racing this one finds version 2 taken.
                store.append(BatchEvent.stream(id), 1, null, List.of(new PendingEvent(now, actor, null, 0,
                        new ImportRetracted(id, batch.events()))));
            } catch (ConcurrencyConflict e) {
                throw retractedAlready(get(id).orElse(batch));
            }
            return get(id).orElseThrow();
        });
    }

    public static ImportRefused unknown(String id) {
        return ImportRefused.of(ImportRefused.Reason.UNKNOWN_BATCH, "There is no import batch '" + id
                + "'; GET /api/v1/imports (or the Import page) lists them. Nothing was changed.");
    }

    private static ImportRefused retractedAlready(ImportBatch b) {
        return ImportRefused.of(ImportRefused.Reason.ALREADY_RETRACTED, "Batch " + b.id() + " ("
                + (b.file() == null ? "imported before batches were recorded" : b.file()) + ") was retracted already"
                + (b.retractedAt() == null ? "" : " on " + MINUTES.format(b.retractedAt()) + " UTC by " + b.retractedBy())
                + "; nothing was changed. Import the export again to add its events back.");
    }

    private static ImportBatch batch(ResultSet rs, int row) throws SQLException {
        return new ImportBatch(rs.getString("id"), rs.getString("kind"), rs.getString("file_name"),
                rs.getString("imported_by"), instant(rs.getTimestamp("imported_at")),
                (Integer) rs.getObject("model_version"), rs.getString("model"), rs.getLong("events"), rs.getLong("items"),
                rs.getLong("new_items"), instant(rs.getTimestamp("first_at")), instant(rs.getTimestamp("last_at")),
                rs.getString("retracted_by"), instant(rs.getTimestamp("retracted_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
