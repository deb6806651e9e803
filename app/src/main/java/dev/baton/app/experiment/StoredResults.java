package dev.baton.app.experiment;

import dev.baton.app.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/** What was uploaded on an experiment item, read from {@code experiment_results}, newest first. */
@Component
public class StoredResults {

    private static final TypeReference<Map<String, Object>> MEMBERS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    StoredResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One upload; {@code looks} is how many uploads the item has had up to and including this one. */
    public record Upload(String item, String id, String format, String file, ExperimentData data, String summary,
                         String recordedBy, Instant recordedAt, int looks) {
    }

    public Optional<Upload> latest(String item) {
        List<Upload> rows = jdbc.query("select item_id, upload_id, format, file_name, statistics::text, summary, recorded_by, "
                + "recorded_at, (select count(*) from experiment_results c where c.item_id = r.item_id) looks "
                + "from experiment_results r where item_id = ? order by recorded_at desc, version desc limit 1", (rs, n) ->
                new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        ExperimentData.fromMap(Json.mapper().readValue(rs.getString(5), MEMBERS)), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), rs.getInt(9)), item);
        return rows.stream().findFirst();
    }

    public int count(String item) {
        Integer n = jdbc.queryForObject("select count(*) from experiment_results where item_id = ?", Integer.class, item);
        return n == null ? 0 : n;
    }
}
