package dev.baton.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Hands clock = new Hands();
    final SignInThrottle throttle = new SignInThrottle(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15), clock);

    @Test
    void fiveWrongPasswordsLockTheUserForAMinuteWhateverTheNextPasswordIs() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("maya", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("maya", "10.0.0.1")).isEmpty();
        throttle.failed("Maya", "10.0.0.2");
        assertThat(throttle.lockedFor("maya", "10.0.0.9")).contains(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("nora", "10.0.0.1")).as("another user from the same address").isEmpty();
        clock.advance(Duration.ofSeconds(59));
        assertThat(throttle.lockedFor("maya", "10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("maya", "10.0.0.1")).isEmpty();
    }

    @Test
    void eachRepeatedLockoutDoublesUpToTheLongest() {
        Duration[] expected = {Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15)};
        for (Duration lockout : expected) {
            for (int i = 0; i < 5; i++) {
                throttle.failed("maya", "10.0.0." + i);
            }
            assertThat(throttle.lockedFor("maya", "10.0.0.99")).contains(lockout);
            clock.advance(lockout);
        }
    }

    @Test
    void guessesDuringALockoutDoNotExtendItAndASuccessClearsTheUser() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("maya", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 100; i++) {
            throttle.failed("maya", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("maya", "10.0.0.2")).contains(Duration.ofSeconds(30));
        clock.advance(Duration.ofSeconds(30));
        throttle.failed("maya", "10.0.0.1");
        throttle.succeeded("maya");
        for (int i = 0; i < 4; i++) {
            throttle.failed("maya", "10.0.0.3");
        }
        assertThat(throttle.lockedFor("maya", "10.0.0.3")).as("the count started afresh after the success").isEmpty();
    }

    @Test
    void oneAddressGuessingManyUsersIsLockedAfterTwentyAndASuccessDoesNotResetIt() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user-" + i, "203.0.113.7");
            throttle.succeeded("someone-else");
        }
        assertThat(throttle.lockedFor("fresh", "203.0.113.7")).isEmpty();
        throttle.failed("user-19", "203.0.113.7");
        assertThat(throttle.lockedFor("fresh", "203.0.113.7")).contains(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("fresh", "203.0.113.8")).isEmpty();
    }

    @Test
    void failuresLongAgoAreForgotten() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("maya", "10.0.0.1");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("maya", "10.0.0.1");
        assertThat(throttle.lockedFor("maya", "10.0.0.1")).isEmpty();
    }

    @Test
    void refusalsAreSaidInWords() {
        assertThat(SignInThrottle.inWords(Duration.ofMillis(1500))).isEqualTo("2 seconds");
        assertThat(SignInThrottle.inWords(Duration.ofMinutes(4))).isEqualTo("4 minutes");
    }
}
