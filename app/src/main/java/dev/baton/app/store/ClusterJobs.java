package dev.baton.app.store;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Work on a timer that must run on one server at a time when several share a database
 * (docs/cluster.md): notifications, weekly reports, removing expired sessions. Each job takes a
 * PostgreSQL advisory lock for its run ({@code pg_try_advisory_lock}); a server that does not get
 * it skips the beat, since another is doing the same work at that moment. The lock belongs to the
 * database session, so a server killed mid-run (kill -9) frees it with its connection.
 */
@Component
public class ClusterJobs {

    /** The first key of Baton's advisory locks ('bt'), the second names the job. */
    static final int BATON = 0x6274;

    /** The jobs, each with its lock. */
    public enum Job {
        NOTIFICATIONS(1), SESSION_CLEANUP(2), FIRST_START(3), DEMO_HISTORY(4);

        final int key;

        Job(int key) {
            this.key = key;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(ClusterJobs.class);

    private final DataSource dataSource;
    private final List<ScheduledExecutorService> timers = new CopyOnWriteArrayList<>();

    public ClusterJobs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the work every {@code period} (first after one period) on a thread of its own, so that a
     * slow job (an SMTP server) delays only itself; on one server at a time ({@link #runAlone}). A
     * failed run is logged and the next one runs as planned.
     */
    public void every(Job job, Duration period, Runnable work) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, job.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            t.setDaemon(true);
            return t;
        });
        timers.add(timer);
        timer.scheduleWithFixedDelay(() -> {
            try {
                runAlone(job, work);
            } catch (RuntimeException e) {
                LOG.warn("{}: {}", job, e.getMessage(), e);
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        timers.forEach(ScheduledExecutorService::shutdownNow);
    }

    /** Runs the work unless another server (or thread) runs the same job now; whether it ran. */
    public boolean runAlone(Job job, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "pg_try_advisory_lock", job)) {
                return false;
            }
            try {
                work.run();
                return true;
            } finally {
                lock(connection, "pg_advisory_unlock", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database refused the lock of " + job + ": " + e.getMessage(), e);
        }
    }

    /** Runs the work once the job's lock is free: servers starting together do it one after the other. */
    public void runInTurn(Job job, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            lock(connection, "pg_advisory_lock", job);
            try {
                work.run();
            } finally {
                lock(connection, "pg_advisory_unlock", job);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The database refused the lock of " + job + ": " + e.getMessage(), e);
        }
    }

    private static boolean lock(Connection connection, String function, Job job) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?, ?)")) {
            statement.setInt(1, BATON);
            statement.setInt(2, job.key);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                // pg_advisory_lock answers void once it has the lock; the others whether they took or freed it
                return "pg_advisory_lock".equals(function) || rs.getBoolean(1);
            }
        }
    }
}
