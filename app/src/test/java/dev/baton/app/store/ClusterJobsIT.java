package dev.baton.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Timed work on one server at a time (docs/cluster.md): two {@link ClusterJobs} on one database stand
 * for two servers; while one runs a job, the other skips its beat of the same job, not of another.
 */
class ClusterJobsIT {

    @Test
    void whileOneServerRunsAJobTheOtherSkipsItsBeatThenRunsTheNext() throws Exception {
        DataSource db = TestDatabase.dataSource(TestDatabase.freshUrl());
        ClusterJobs one = new ClusterJobs(db);
        ClusterJobs other = new ClusterJobs(db);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        AtomicBoolean ranFirst = new AtomicBoolean();
        Thread first = new Thread(() -> ranFirst.set(one.runAlone(ClusterJobs.Job.NOTIFICATIONS, () -> {
            running.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        })));
        first.start();
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        AtomicInteger runs = new AtomicInteger();
        assertThat(other.runAlone(ClusterJobs.Job.NOTIFICATIONS, runs::incrementAndGet)).as("the same job").isFalse();
        assertThat(other.runAlone(ClusterJobs.Job.SESSION_CLEANUP, runs::incrementAndGet)).as("another job").isTrue();
        assertThat(runs).hasValue(1);

        finish.countDown();
        first.join(30_000);
        assertThat(ranFirst).isTrue();
        assertThat(other.runAlone(ClusterJobs.Job.NOTIFICATIONS, runs::incrementAndGet)).as("once it is free").isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aJobThatFailsFreesItsLock() {
        DataSource db = TestDatabase.dataSource(TestDatabase.freshUrl());
        ClusterJobs one = new ClusterJobs(db);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> one.runAlone(ClusterJobs.Job.NOTIFICATIONS, () -> {
            throw new IllegalStateException("the SMTP server is down");
        })).hasMessage("the SMTP server is down");
        assertThat(new ClusterJobs(db).runAlone(ClusterJobs.Job.NOTIFICATIONS, () -> { })).isTrue();
    }
}
