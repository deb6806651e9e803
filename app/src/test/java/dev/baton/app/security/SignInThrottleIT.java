package dev.baton.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.store.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two servers on one database (docs/cluster.md) share one guessing budget: wrong passwords on
 * either count towards one lockout, which both then refuse; a success on either clears the user's
 * count; strikes made at the same time on both are all counted; idle rows are deleted.
 */
class SignInThrottleIT {

    final SignInThrottleTest.Hands clock = new SignInThrottleTest.Hands();

    SignInThrottle server(DataSource db, int maxFailures) {
        return new SignInThrottle(maxFailures, 20, Duration.ofMinutes(1), Duration.ofMinutes(15), clock,
                new SignInThrottle.InPostgres(db));
    }

    @Test
    void wrongPasswordsOnEitherServerLockTheUserOnBoth() {
        DataSource db = TestDatabase.dataSource(TestDatabase.freshUrl());
        SignInThrottle one = server(db, 5);
        SignInThrottle other = server(db, 5);
        for (int i = 0; i < 3; i++) {
            one.failed("maya", "10.0.0.1");
        }
        other.failed("Maya", "10.0.0.2");
        assertThat(one.lockedFor("maya", "10.0.0.3")).isEmpty();
        other.failed("maya", "10.0.0.2");
        assertThat(one.lockedFor("maya", "10.0.0.3")).contains(Duration.ofMinutes(1));
        assertThat(other.lockedFor("MAYA", "10.0.0.3")).contains(Duration.ofMinutes(1));
        assertThat(other.lockedFor("nora", "10.0.0.1")).as("another user").isEmpty();

        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 4; i++) {
            one.failed("maya", "10.0.0.1");
        }
        other.succeeded("maya");
        one.failed("maya", "10.0.0.1");
        assertThat(other.lockedFor("maya", "10.0.0.4")).as("the success on the other server cleared the count").isEmpty();
    }

    @Test
    void strikesAtTheSameTimeOnBothServersAreAllCounted() throws Exception {
        DataSource db = TestDatabase.dataSource(TestDatabase.freshUrl());
        List<SignInThrottle> servers = List.of(server(db, 1_000), server(db, 1_000));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SignInThrottle server = servers.get(i % 2);
            done.add(pool.submit(() -> server.failed("sam", null)));
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(new SignInThrottle.InPostgres(db).get(SignInThrottle.Kind.USER, "sam").failures()).isEqualTo(200);
    }

    @Test
    void rowsIdleLongerThanTheLongestLockoutAreDeleted() {
        DataSource db = TestDatabase.dataSource(TestDatabase.freshUrl());
        SignInThrottle one = server(db, 5);
        one.failed("old-name", "10.9.9.9");
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 70; i++) {
            one.failed("user" + i, null);
        }
        JdbcTemplate jdbc = new JdbcTemplate(db);
        assertThat(jdbc.queryForObject("select count(*) from sign_in_strikes where key in ('old-name', '10.9.9.9')",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from sign_in_strikes", Long.class)).isEqualTo(70);
    }
}
