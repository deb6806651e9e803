package dev.baton.app.store;

import dev.baton.engine.version.ModelVersionStore;
import dev.baton.engine.version.StoredModelVersion;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Model versions in the table {@code model_versions}; the engine's {@code ModelVersions} validates and numbers them. */
public class JdbcModelVersionStore implements ModelVersionStore {

    private final JdbcTemplate jdbc;

    public JdbcModelVersionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StoredModelVersion> load() {
        return loadAfter(0);
    }

    @Override
    public List<StoredModelVersion> loadAfter(int number) {
        return jdbc.query("select number, source, sha256, uploaded_at, uploaded_by from model_versions where number > ? "
                        + "order by number",
                (rs, n) -> new StoredModelVersion(rs.getInt("number"), rs.getString("source"), rs.getString("sha256"),
                        rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by")), number);
    }

    @Override
    public void save(StoredModelVersion version) {
        jdbc.update("insert into model_versions (number, source, sha256, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?)",
                version.number(), version.source(), version.sha256(), Timestamp.from(version.uploadedAt()),
                version.uploadedBy());
    }
}
