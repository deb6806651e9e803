package dev.baton.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
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
 * <p>
 * The server keeps the counts in PostgreSQL ({@link InPostgres}), so that every server behind a
 * load balancer sees the same failures and lockouts: a guesser gets one budget, not one per server.
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
    private final Ledger ledger;

    @Autowired
    public SignInThrottle(@Value("${baton.sign-in.max-failures:5}") int maxFailures,
                          @Value("${baton.sign-in.max-failures-per-address:20}") int maxFailuresPerAddress,
                          @Value("${baton.sign-in.first-lockout:PT1M}") Duration firstLockout,
                          @Value("${baton.sign-in.max-lockout:PT15M}") Duration maxLockout, DataSource db) {
        this(maxFailures, maxFailuresPerAddress, firstLockout, maxLockout, Clock.systemUTC(), new InPostgres(db));
    }

    /** Counts kept in this process only (tests). */
    SignInThrottle(int maxFailures, int maxFailuresPerAddress, Duration firstLockout, Duration maxLockout, Clock clock) {
        this(maxFailures, maxFailuresPerAddress, firstLockout, maxLockout, clock, new InMemory());
    }

    SignInThrottle(int maxFailures, int maxFailuresPerAddress, Duration firstLockout, Duration maxLockout, Clock clock,
                   Ledger ledger) {
        this.maxFailures = maxFailures;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.firstLockout = firstLockout;
        this.maxLockout = maxLockout;
        this.clock = clock;
        this.ledger = ledger;
    }

    /** How long sign-ins for this user name or from this address are still refused, if they are. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration user = remaining(get(Kind.USER, username), now);
        Duration client = remaining(get(Kind.ADDRESS, address), now);
        Duration longest = user.compareTo(client) >= 0 ? user : client;
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        strike(Kind.USER, key(username), maxFailures, now);
        strike(Kind.ADDRESS, key(address), maxFailuresPerAddress, now);
    }

    public void succeeded(String username) {
        String key = key(username);
        if (key != null) {
            ledger.remove(Kind.USER, key);
        }
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

    private void strike(Kind kind, String key, int limit, Instant now) {
        if (key == null) {
            return;
        }
        ledger.forget(now.minus(maxLockout));
        ledger.change(kind, key, s -> (s == null || s.forgotten(now, maxLockout) ? Strikes.NONE : s)
                .struck(now, limit, firstLockout, maxLockout));
    }

    private Strikes get(Kind kind, String value) {
        String key = key(value);
        return key == null ? null : ledger.get(kind, key);
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

    enum Kind {
        USER, ADDRESS;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the strikes are kept: by kind and key, each change made atomically. */
    interface Ledger {

        Strikes get(Kind kind, String key);

        /** Replaces the strikes of {@code key} (null when it has none) by {@code change}'s, atomically. */
        void change(Kind kind, String key, UnaryOperator<Strikes> change);

        void remove(Kind kind, String key);

        /** Drops what nothing has happened to since {@code before}, when it is worth it. */
        void forget(Instant before);
    }

    /** One process's strikes. */
    static final class InMemory implements Ledger {
        private final Map<Kind, Map<String, Strikes>> strikes = Map.of(Kind.USER, new ConcurrentHashMap<>(),
                Kind.ADDRESS, new ConcurrentHashMap<>());

        @Override
        public Strikes get(Kind kind, String key) {
            return strikes.get(kind).get(key);
        }

        @Override
        public void change(Kind kind, String key, UnaryOperator<Strikes> change) {
            strikes.get(kind).compute(key, (k, s) -> change.apply(s));
        }

        @Override
        public void remove(Kind kind, String key) {
            strikes.get(kind).remove(key);
        }

        @Override
        public void forget(Instant before) {
            for (Map<String, Strikes> byKey : strikes.values()) {
                if (byKey.size() > MAX_TRACKED) {
                    byKey.values().removeIf(s -> s.idleSince() == null || s.idleSince().isBefore(before));
                }
            }
        }
    }

    /**
     * Strikes in PostgreSQL ({@code sign_in_strikes}), shared by every server on the database: a
     * change reads the row under a lock ({@code for update}) and writes it back in one transaction,
     * so two servers striking the same name at once count two strikes.
     */
    static final class InPostgres implements Ledger {
        private static final int FORGET_EVERY = 64;
        private final JdbcTemplate jdbc;
        private final TransactionTemplate transactions;
        private final java.util.concurrent.atomic.AtomicInteger changes = new java.util.concurrent.atomic.AtomicInteger();

        InPostgres(DataSource db) {
            this.jdbc = new JdbcTemplate(db);
            this.transactions = new TransactionTemplate(new DataSourceTransactionManager(db));
        }

        @Override
        public Strikes get(Kind kind, String key) {
            return jdbc.query("select failures, lockouts, last_failure, locked_until from sign_in_strikes "
                    + "where kind = ? and key = ?", InPostgres::strikes, kind.id(), key).stream().findFirst().orElse(null);
        }

        @Override
        public void change(Kind kind, String key, UnaryOperator<Strikes> change) {
            transactions.executeWithoutResult(status -> {
                jdbc.update("insert into sign_in_strikes (kind, key, failures, lockouts) values (?, ?, 0, 0) "
                        + "on conflict do nothing", kind.id(), key);
                Strikes now = jdbc.queryForObject("select failures, lockouts, last_failure, locked_until "
                        + "from sign_in_strikes where kind = ? and key = ? for update", InPostgres::strikes, kind.id(), key);
                Strikes next = change.apply(now.lastFailure() == null ? null : now); // a row just inserted: none yet
                jdbc.update("update sign_in_strikes set failures = ?, lockouts = ?, last_failure = ?, locked_until = ? "
                        + "where kind = ? and key = ?", next.failures(), next.lockouts(), timestamp(next.lastFailure()),
                        timestamp(next.lockedUntil()), kind.id(), key);
            });
        }

        @Override
        public void remove(Kind kind, String key) {
            jdbc.update("delete from sign_in_strikes where kind = ? and key = ?", kind.id(), key);
        }

        @Override
        public void forget(Instant before) {
            if (changes.incrementAndGet() % FORGET_EVERY == 0) {
                jdbc.update("delete from sign_in_strikes where greatest(last_failure, locked_until) < ?", timestamp(before));
            }
        }

        private static Strikes strikes(java.sql.ResultSet row, int n) throws java.sql.SQLException {
            java.sql.Timestamp last = row.getTimestamp("last_failure");
            java.sql.Timestamp until = row.getTimestamp("locked_until");
            return new Strikes(row.getInt("failures"), row.getInt("lockouts"), last == null ? null : last.toInstant(),
                    until == null ? null : until.toInstant());
        }

        private static java.sql.Timestamp timestamp(Instant at) {
            return at == null ? null : java.sql.Timestamp.from(at);
        }
    }

    /** Failures since the last lockout, how many lockouts so far, and until when the current one holds. */
    record Strikes(int failures, int lockouts, Instant lastFailure, Instant lockedUntil) {

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
            Instant last = idleSince();
            return last == null || Duration.between(last, now).compareTo(max) > 0;
        }

        /** The last thing that happened: the last failure, or the end of the lockout it started. */
        Instant idleSince() {
            return lockedUntil != null && (lastFailure == null || lockedUntil.isAfter(lastFailure)) ? lockedUntil : lastFailure;
        }
    }
}
