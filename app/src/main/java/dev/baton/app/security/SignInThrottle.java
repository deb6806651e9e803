package dev.baton.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down to nothing: after {@code maxFailures} wrong passwords in a row for
 * one user name, or {@code maxFailuresPerAddress} from one client address, further sign-ins for it
 * are refused for a lockout that doubles with each repeat (from {@code firstLockout} up to
 * {@code maxLockout}), the right password included. A refused attempt is answered before the
 * password is checked, so a flood of guesses costs no bcrypt work and other clients keep the CPU.
 * <p>
 * A success clears the user's count but not the address's: one valid account must not let a
 * client reset its own guessing budget. State older than {@code maxLockout} is forgotten. API
 * tokens are not throttled: they are 256 random bits, checked by a hash lookup.
 */
@Component
public class SignInThrottle {

    /** Above this many tracked names or addresses, forgotten entries are dropped first. */
    private static final int MAX_TRACKED = 50_000;

    private final int maxFailures;
    private final int maxFailuresPerAddress;
    private final Duration firstLockout;
    private final Duration maxLockout;
    private final Clock clock;
    private final Map<String, Strikes> users = new ConcurrentHashMap<>();
    private final Map<String, Strikes> addresses = new ConcurrentHashMap<>();

    @Autowired
    public SignInThrottle(@Value("${baton.sign-in.max-failures:5}") int maxFailures,
                          @Value("${baton.sign-in.max-failures-per-address:20}") int maxFailuresPerAddress,
                          @Value("${baton.sign-in.first-lockout:PT1M}") Duration firstLockout,
                          @Value("${baton.sign-in.max-lockout:PT15M}") Duration maxLockout) {
        this(maxFailures, maxFailuresPerAddress, firstLockout, maxLockout, Clock.systemUTC());
    }

    SignInThrottle(int maxFailures, int maxFailuresPerAddress, Duration firstLockout, Duration maxLockout, Clock clock) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.clock = clock;
    }

    /** How long sign-ins for this user name or from this address are still refused, if they are. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(users.get(key(username)), now);
        Duration client = remaining(addresses.get(key(address)), now);
        Duration longest = user.compareTo(client) >= 0 ? user : client;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        strike(users, key(username), maxFailures, now);
        strike(addresses, key(address), maxFailuresPerAddress, now);
    }

    public void succeeded(String username) {
        users.remove(key(username));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        failed(event.getAuthentication().getName(), address(event.getAuthentication()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        succeeded(event.getAuthentication().getName());
    }

    /** "45 seconds", "2 minutes": how long a refusal lasts, for messages. */
    public static String inWords(Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return ((seconds + 59) / 60) + " minutes";
    }

    private static String address(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private void strike(Map<String, Strikes> strikes, String key, int limit, Instant now) {
        if (key == null) {
            return;
        }
        if (strikes.size() > MAX_TRACKED) {
            strikes.values().removeIf(s -> s.forgotten(now, maxLockout));
        }
        strikes.compute(key, (k, s) -> (s == null || s.forgotten(now, maxLockout) ? Strikes.NONE : s)
                .struck(now, limit, firstLockout, maxLockout));
    }

    private Duration remaining(Strikes strikes, Instant now) {
        if (strikes == null || strikes.lockedUntil() == null || !now.isBefore(strikes.lockedUntil())) {
            return Duration.ZERO;
        }
        return Duration.between(now, strikes.lockedUntil());
    }

    private static String key(String value) {
        return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
    }

    /** Failures since the last lockout, how many lockouts so far, and until when the current one holds. */
    private record Strikes(int failures, int lockouts, Instant lastFailure, Instant lockedUntil) {

        static final Strikes NONE = new Strikes(0, 0, null, null);

        Strikes struck(Instant now, int limit, Duration first, Duration max) {
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return new Strikes(failures, lockouts, now, lockedUntil);
            }
            if (failures + 1 < limit) {
                return new Strikes(failures + 1, lockouts, now, lockedUntil);
            }
            Duration lockout = first.multipliedBy(1L << Math.min(lockouts, 20));
            if (lockout.compareTo(max) > 0) {
                lockout = max;
            }
            return new Strikes(0, lockouts + 1, now, now.plus(lockout));
        }

        /** Nothing has happened for longer than the longest lockout: start afresh. */
        boolean forgotten(Instant now, Duration max) {
            Instant last = lockedUntil != null && lockedUntil.isAfter(lastFailure) ? lockedUntil : lastFailure;
            return last == null || Duration.between(last, now).compareTo(max) > 0;
        }
    }
}
