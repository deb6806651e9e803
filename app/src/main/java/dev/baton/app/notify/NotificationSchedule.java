package dev.baton.app.notify;

import dev.baton.app.store.ClusterJobs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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

    private final Notifier notifier;
    private final ReportSubscriptions subscriptions;
    private final Courier courier;
    private final Clock clock;
    private final Duration every;
    private final ClusterJobs jobs;

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
        jobs.every(ClusterJobs.Job.NOTIFICATIONS, every, () -> runOnce(clock.instant()));
    }

    /** One beat at {@code now}: new events, SLAs, weekly reports, then the deliveries due. */
    public synchronized void runOnce(Instant now) {
        notifier.catchUp(now);
        notifier.checkSlas(now);
        subscriptions.scheduleDue(now);
        courier.deliverDue(now);
    }
}
