package dev.baton.app.api;

import dev.baton.app.store.JdbcEventStore;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/health}: up when start-up has finished (first admin, model, demo users and history
 * are in place) and the database answers. The only endpoint without sign-in. Until start-up has
 * finished it answers 503 {@code STARTING}, so a script that waits for health can sign in at once.
 */
@RestController
class HealthController {

    private final JdbcTemplate jdbc;
    private volatile boolean ready;

    HealthController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Published after every start-up runner has run. */
    @EventListener(ApplicationReadyEvent.class)
    void startupFinished() {
        ready = true;
    }

    @GetMapping("/api/health")
    ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!ready) {
            body.put("status", "STARTING");
            return ResponseEntity.status(503).body(body);
        }
        try {
            // The log as it stands, as the event feed pages through it: retracted imports left out.
            Long events = jdbc.queryForObject("select count(*) from events where " + JdbcEventStore.STANDING, Long.class);
            body.put("status", "UP");
            body.put("database", "UP");
            body.put("events", events);
            return ResponseEntity.ok(body);
        } catch (RuntimeException e) {
            body.put("status", "DOWN");
            body.put("database", "DOWN");
            return ResponseEntity.status(503).body(body);
        }
    }
}
