package dev.baton.app.store;

import dev.baton.engine.version.ModelVersion;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every uploaded model, numbered 1, 2, … Items keep the version they were created with; a new
 * upload only changes what new items get, so it never breaks work in flight. Parsed models are
 * kept in memory: a stored version never changes.
 */
@Component
public class JdbcModelVersions {

    /** A stored version without the parsed model, for listings. */
    public record Summary(int number, String name, String sha256, Instant uploadedAt, String uploadedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Map<Integer, ModelVersion> cache = new ConcurrentHashMap<>();

    public JdbcModelVersions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<ModelVersion> current() {
        Integer number = jdbc.queryForObject("select max(number) from model_versions", Integer.class);
        return number == null ? Optional.empty() : get(number);
    }

    public Optional<ModelVersion> get(int number) {
        ModelVersion cached = cache.get(number);
        if (cached != null) {
            return Optional.of(cached);
        }
        List<ModelVersion> found = jdbc.query("select * from model_versions where number = ?", (rs, n) -> {
            String source = rs.getString("source");
            ValidationReport report = ModelValidation.validate("model version " + number, source);
            return new ModelVersion(number, report.model(), source, rs.getString("sha256"),
                    rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by"));
        }, number);
        found.forEach(v -> cache.put(v.number(), v));
        return found.stream().findFirst();
    }

    public List<Summary> all() {
        return jdbc.query("select number, sha256, uploaded_at, uploaded_by from model_versions order by number",
                (rs, n) -> new Summary(rs.getInt("number"), get(rs.getInt("number")).map(v -> v.model().name()).orElse(null),
                        rs.getString("sha256"), rs.getTimestamp("uploaded_at").toInstant(), rs.getString("uploaded_by")));
    }

    /**
     * Stores a model that has passed validation as the next version; when it is the same text as
     * the current version, nothing is stored and the current version is returned.
     */
    @Transactional
    public ModelVersion store(ValidationReport valid, String source, String uploadedBy) {
        if (!valid.valid()) {
            throw new IllegalArgumentException("only a valid model can be stored");
        }
        String sha = Sha256.hex(source);
        Optional<ModelVersion> current = current();
        if (current.isPresent() && current.get().sha256().equals(sha)) {
            return current.get();
        }
        // One writer at a time picks the next number; a concurrent upload waits for this one.
        jdbc.execute("lock table model_versions in exclusive mode");
        Integer max = jdbc.queryForObject("select coalesce(max(number), 0) from model_versions", Integer.class);
        int number = (max == null ? 0 : max) + 1;
        Instant now = clock.instant();
        jdbc.update("insert into model_versions (number, source, sha256, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?)",
                number, source, sha, Timestamp.from(now), uploadedBy);
        ModelVersion version = new ModelVersion(number, valid.model(), source, sha, now, uploadedBy);
        cache.put(number, version);
        return version;
    }

}
