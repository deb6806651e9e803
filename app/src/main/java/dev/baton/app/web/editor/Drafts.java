package dev.baton.app.web.editor;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each user's draft of the operating model in the table {@code model_drafts}: the YAML text as
 * edited so far and the version it started from. A table rather than the HTTP session, so that a
 * reload, a new session or a restart of the server loses no edit.
 */
@Component
class Drafts {

    /** A draft: its text, the model version it started from (null: an empty model) and how many edits it has seen. */
    record Draft(String source, Integer baseVersion, int revision) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Drafts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Draft> of(String username) {
        List<Draft> found = jdbc.query("select source, base_version, revision from model_drafts where username = ?",
                (rs, n) -> new Draft(rs.getString("source"), (Integer) rs.getObject("base_version"), rs.getInt("revision")),
                username);
        return found.stream().findFirst();
    }

    /** Starts a draft anew (any earlier one is replaced). */
    void start(String username, String source, Integer baseVersion) {
        jdbc.update("insert into model_drafts (username, source, base_version, revision, updated_at) values (?, ?, ?, 1, ?) "
                        + "on conflict (username) do update set source = excluded.source, base_version = excluded.base_version, "
                        + "revision = model_drafts.revision + 1, updated_at = excluded.updated_at",
                username, source, baseVersion, Timestamp.from(clock.instant()));
    }

    /** Stores the text after an edit (or the same text after a refused one: the revision still counts the request). */
    void update(String username, String source) {
        jdbc.update("update model_drafts set source = ?, revision = revision + 1, updated_at = ? where username = ?",
                source, Timestamp.from(clock.instant()), username);
    }

    void discard(String username) {
        jdbc.update("delete from model_drafts where username = ?", username);
    }
}
