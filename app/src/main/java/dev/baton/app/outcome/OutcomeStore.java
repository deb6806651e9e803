package dev.baton.app.outcome;

import dev.baton.measure.crm.CrmReader;
import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The outcome batches in PostgreSQL ({@code outcome_batches}, {@code outcome_exports}; V10). */
@Component
public class OutcomeStore {

    private static final String COLUMNS = "id, kind, source, file_name, content_hash, rows_read, imported_by, imported_at, "
            + "mapping is not null as has_mapping";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate writing;

    public OutcomeStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.writing = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Every batch, in import order (oldest first), so reading them all is the same every time. */
    public List<OutcomeBatch> list() {
        return jdbc.query("select " + COLUMNS + " from outcome_batches order by imported_at, id", OutcomeStore::batch);
    }

    Optional<OutcomeBatch> byHash(String kind, String hash) {
        return jdbc.query("select " + COLUMNS + " from outcome_batches where kind = ? and content_hash = ?",
                OutcomeStore::batch, kind, hash).stream().findFirst();
    }

    /** The mapping imported last with an export, or empty when none came with one. */
    Optional<String> latestMapping() {
        return jdbc.query("select mapping from outcome_batches where mapping is not null order by imported_at desc, id desc "
                + "limit 1", (rs, n) -> rs.getString(1)).stream().findFirst();
    }

    /**
     * What the stored exports' rows are at: each row's transaction id ({@code xmin}), which any
     * change to a row changes — an import, a replacement, or bytes changed by hand — so that a
     * reading of them can be kept while this stays the same.
     */
    String stamp() {
        return jdbc.queryForObject("select coalesce((select string_agg(b.id || ':' || b.xmin || ':' || e.xmin, ',' "
                + "order by b.id) from outcome_batches b left join outcome_exports e on e.batch_id = b.id), '')",
                String.class);
    }

    /** Every stored export as a source for the one reader, named by its file name as it was imported. */
    List<CrmReader.Source> sources() {
        List<CrmReader.Source> sources = new ArrayList<>();
        jdbc.query("select b.file_name, e.content from outcome_batches b join outcome_exports e on e.batch_id = b.id "
                + "order by b.imported_at, b.id", rs -> {
            byte[] content = rs.getBytes(2);
            sources.add(new CrmReader.Source(rs.getString(1), () -> new ByteArrayInputStream(content)));
        });
        return sources;
    }

    /** Stores a batch, replacing the batch of the same kind and file name, in one transaction. */
    void replace(OutcomeBatch batch, byte[] content, String mapping) {
        writing.executeWithoutResult(status -> {
            jdbc.update("delete from outcome_batches where kind = ? and file_name = ?", batch.kind(), batch.fileName());
            jdbc.update("insert into outcome_batches (id, kind, source, file_name, content_hash, rows_read, imported_by, "
                            + "imported_at, mapping) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch.id(), batch.kind(),
                    batch.source(), batch.fileName(), batch.contentHash(), batch.rows(), batch.importedBy(),
                    Timestamp.from(batch.importedAt()), mapping);
            jdbc.update("insert into outcome_exports (batch_id, content) values (?, ?)", batch.id(), content);
        });
    }

    private static OutcomeBatch batch(ResultSet rs, int row) throws SQLException {
        return new OutcomeBatch(rs.getString("id"), rs.getString("kind"), rs.getString("source"), rs.getString("file_name"),
                rs.getString("content_hash"), rs.getLong("rows_read"), rs.getString("imported_by"),
                rs.getTimestamp("imported_at").toInstant(), rs.getBoolean("has_mapping"));
    }
}
