package dev.baton.app.store;

import dev.baton.engine.Engine;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the engine's items, requests and model versions current when other servers write to the
 * same database (docs/cluster.md): it listens on the channel {@code baton_log} that every append
 * and model upload notifies (V14__cluster.sql) and catches the engine up. A notification the
 * server sent itself is known already and only moves the catch-up along with the others.
 *
 * <p>The notification is a hint, not the truth: the log is. The engine also reads the log on a
 * beat ({@link #QUIET}), so an event committed out of order (the log hands an event out only once
 * every older transaction has ended) or sent while the connection was being reopened is read late,
 * never lost; a command decided before the catch-up is refused by the store's version check and
 * decided again on fresh state.
 */
@Component
public class LogFollower {

    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);
    /** The channel of V14__cluster.sql. */
    static final String CHANNEL = "baton_log";
    /** How long to wait for a notification before reading the log anyway, shortly after another server wrote. */
    static final long BUSY_MILLIS = 500;
    /** How often the log is read without any notification. */
    static final long QUIET = TimeUnit.SECONDS.toMillis(10);

    private final DataSource dataSource;
    private final Engine engine;
    private final String self;
    private volatile boolean running;
    private Thread thread;

    LogFollower(DataSource dataSource, Engine engine,
                @Value("baton ${baton.instance:server}") String applicationName) {
        this.dataSource = dataSource;
        this.engine = engine;
        this.self = applicationName;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        running = true;
        thread = new Thread(this::follow, "log-follower");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void follow() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + CHANNEL);
                }
                // whatever was appended before this connection listened
                engine.catchUp();
                listen(connection.unwrap(PGConnection.class));
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Following the other servers' events: {}; trying again in a second", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void listen(PGConnection connection) throws SQLException {
        long lastRead = System.nanoTime();
        long lastOthers = 0;
        while (running) {
            PGNotification[] notifications = connection.getNotifications((int) BUSY_MILLIS);
            boolean others = false;
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    others |= !self.equals(n.getParameter());
                }
            }
            long now = System.nanoTime();
            if (others) {
                engine.logMoved();
                lastOthers = now;
            }
            // Soon after another server wrote, read again: what its notification announced may have
            // waited for an older transaction. Otherwise now and then, in case a notification was missed.
            boolean recently = lastOthers != 0 && now - lastOthers < TimeUnit.MILLISECONDS.toNanos(QUIET);
            if (others || recently || now - lastRead > TimeUnit.MILLISECONDS.toNanos(QUIET)) {
                engine.catchUp();
                lastRead = now;
            }
        }
    }
}
