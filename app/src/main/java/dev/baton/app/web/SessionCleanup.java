package dev.baton.app.web;

import dev.baton.app.store.ClusterJobs;
import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Removes expired web sessions from PostgreSQL once a minute, on one server at a time
 * ({@link ClusterJobs}): Spring Session's own timer, which would run on every server, is off
 * (application.properties).
 */
@Component
class SessionCleanup {

    private final JdbcIndexedSessionRepository sessions;
    private final ClusterJobs jobs;

    SessionCleanup(JdbcIndexedSessionRepository sessions, ClusterJobs jobs) {
        this.sessions = sessions;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        jobs.every(ClusterJobs.Job.SESSION_CLEANUP, Duration.ofMinutes(1), sessions::cleanUpExpiredSessions);
    }
}
