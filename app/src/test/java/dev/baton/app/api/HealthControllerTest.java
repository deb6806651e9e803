package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class HealthControllerTest {

    @Test
    void staysStartingUntilStartUpHasFinished() {
        // No database behind it: a STARTING answer must not need one.
        HealthController health = new HealthController(new JdbcTemplate());
        var answer = health.health();
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody()).containsEntry("status", "STARTING");
    }

    @Test
    void reportsTheDatabaseDownOnceStarted() {
        HealthController health = new HealthController(new JdbcTemplate());
        health.startupFinished();
        var answer = health.health();
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody()).containsEntry("status", "DOWN").containsEntry("database", "DOWN");
    }
}
