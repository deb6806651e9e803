package dev.baton.app.roadmap;

import dev.baton.app.json.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

/**
 * The initiatives entered on the roadmap page or through the API ({@code roadmap_initiatives},
 * V11). An entry whose id is a top-level work item's gives that item its effort; the others are
 * ideas not yet in Baton.
 */
@Component
public class EnteredInitiatives {

    private static final TypeReference<Map<String, List<Integer>>> EFFORT = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> IDS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    EnteredInitiatives(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One initiative as entered. {@code title} and {@code value} may be null for a work item's entry
     * (the item's title and intake score stand); quarters are written {@code 2027-Q3}.
     */
    public record Entered(String id, String title, String theme, Double value, Map<String, List<Integer>> effort,
                          List<String> dependsOn, String earliest, String deadline, String deadlineKind,
                          String enteredBy, Instant enteredAt, Instant updatedAt) {
    }

    public List<Entered> all() {
        return jdbc.query("select * from roadmap_initiatives order by entered_at, id", (rs, n) -> entered(rs));
    }

    public Optional<Entered> find(String id) {
        return jdbc.query("select * from roadmap_initiatives where id = ?", (rs, n) -> entered(rs), id).stream().findFirst();
    }

    /** Adds or replaces the entry; the first entry's author and time stay. Returns whether it was new. */
    public boolean save(Entered e) {
        int updated = jdbc.update("update roadmap_initiatives set title = ?, theme = ?, value = ?, effort = ?::jsonb, "
                        + "depends_on = ?::jsonb, earliest = ?, deadline = ?, deadline_kind = ?, updated_at = ? where id = ?",
                e.title(), e.theme(), e.value(), Json.write(e.effort()), Json.write(e.dependsOn()), e.earliest(), e.deadline(),
                e.deadlineKind(), Timestamp.from(e.updatedAt()), e.id());
        if (updated > 0) {
            return false;
        }
        jdbc.update("insert into roadmap_initiatives (id, title, theme, value, effort, depends_on, earliest, deadline, "
                        + "deadline_kind, entered_by, entered_at, updated_at) values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)",
                e.id(), e.title(), e.theme(), e.value(), Json.write(e.effort()), Json.write(e.dependsOn()), e.earliest(),
                e.deadline(), e.deadlineKind(), e.enteredBy(), Timestamp.from(e.enteredAt()), Timestamp.from(e.updatedAt()));
        return true;
    }

    public boolean delete(String id) {
        return jdbc.update("delete from roadmap_initiatives where id = ?", id) > 0;
    }

    private static Entered entered(ResultSet rs) throws SQLException {
        Double value = rs.getObject("value", Double.class);
        return new Entered(rs.getString("id"), rs.getString("title"), rs.getString("theme"), value,
                new LinkedHashMap<>(Json.mapper().readValue(rs.getString("effort"), EFFORT)),
                Json.mapper().readValue(rs.getString("depends_on"), IDS), rs.getString("earliest"), rs.getString("deadline"),
                rs.getString("deadline_kind"), rs.getString("entered_by"), rs.getTimestamp("entered_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
