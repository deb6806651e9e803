package dev.baton.app.web;

import dev.baton.app.store.ClusterJobs;
import jakarta.annotation.PreDestroy;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(SessionCleanup.class);

    private final JdbcIndexedSessionRepository sessions;
    private final ClusterJobs jobs;
    private ScheduledExecutorService thread;

    SessionCleanup(JdbcIndexedSessionRepository sessions, ClusterJobs jobs) {
        this.sessions = sessions;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "session-cleanup");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                jobs.runAlone(ClusterJobs.Job.SESSION_CLEANUP, sessions::cleanUpExpiredSessions);
            } catch (RuntimeException e) {
                LOG.warn("Removing expired sessions: {}", e.getMessage(), e);
            }
        }, 1, 1, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
