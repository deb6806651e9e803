package dev.baton.app.notify;

import dev.baton.app.store.ClusterJobs;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The heartbeat of notifications: every {@code baton.notifications.every} (default 5 s; 0 turns it
 * off, for tests that drive {@link #runOnce} with a clock of their own) it reads the new events,
 * checks the SLAs, schedules the weekly reports that are due and sends what is due. One thread:
 * a slow SMTP server delays messages, never commands. With several servers on one database each
 * beat runs on one of them at a time ({@link ClusterJobs}): no message is sent twice.
 */
@Component
public class NotificationSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationSchedule.class);

    private final Notifier notifier;
    private final ReportSubscriptions subscriptions;
    private final Courier courier;
    private final Clock clock;
    private final Duration every;
    private final ClusterJobs jobs;
    private ScheduledExecutorService thread;

    NotificationSchedule(Notifier notifier, ReportSubscriptions subscriptions, Courier courier, Clock clock,
                         @Value("${baton.notifications.every:PT5S}") Duration every, ClusterJobs jobs) {
        this.jobs = jobs;
        this.notifier = notifier;
        this.subscriptions = subscriptions;
        this.courier = courier;
        this.clock = clock;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (every.isZero() || every.isNegative()) {
            return;
        }
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "notifications");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                jobs.runAlone(ClusterJobs.Job.NOTIFICATIONS, () -> runOnce(clock.instant()));
            } catch (RuntimeException e) {
                LOG.warn("Notifications: {}", e.getMessage(), e);
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    /** One beat at {@code now}: new events, SLAs, weekly reports, then the deliveries due. */
    public synchronized void runOnce(Instant now) {
        notifier.catchUp(now);
        notifier.checkSlas(now);
        subscriptions.scheduleDue(now);
        courier.deliverDue(now);
    }
}
