package dev.baton.app.notify;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Messages to send and their retries (table {@code deliveries}). A failed attempt is tried again
 * after {@code baton.notifications.retry-first}, then twice as long each time, until
 * {@code baton.notifications.max-attempts}, when it is given up ({@code failed}) and left for
 * admins to see. A claimed delivery is leased for {@link #LEASE}: two workers never send it at once,
 * and one that died mid-send is tried again (so a crash between sending and recording may send twice;
 * nothing else does).
 */
@Component
public class Deliveries {

    static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_ERROR = 500;

    private final JdbcTemplate jdbc;
    private final Duration retryFirst;
    private final int maxAttempts;

    Deliveries(JdbcTemplate jdbc, @Value("${baton.notifications.retry-first:PT1M}") Duration retryFirst,
               @Value("${baton.notifications.max-attempts:8}") int maxAttempts) {
        this.jdbc = jdbc;
        this.retryFirst = retryFirst;
        this.maxAttempts = maxAttempts;
    }

    /** A delivery claimed for an attempt: of a notification, or of one week's report of a subscription. */
    public record Delivery(long id, String channel, String recipient, Long notification, Long subscription, String week,
                           boolean digest, int attempts) {
    }

    /** The deliveries due at {@code now}, claimed for one attempt each (their attempts counted). */
    List<Delivery> claimDue(Instant now, int max) {
        return jdbc.query("update deliveries set attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ? "
                        + "where id in (select id from deliveries where status = 'waiting' and next_attempt_at <= ? "
                        + "order by next_attempt_at, id limit ? for update skip locked) "
                        + "returning id, channel, recipient, notification_id, subscription_id, week, digest, attempts",
                (rs, row) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4),
                        (Long) rs.getObject(5), rs.getString(6), rs.getBoolean(7), rs.getInt(8)),
                Timestamp.from(now), Timestamp.from(now.plus(LEASE)), Timestamp.from(now), max);
    }

    void sent(List<Delivery> sent, Instant now) {
        for (Delivery d : sent) {
            jdbc.update("update deliveries set status = 'sent', sent_at = ?, last_error = null where id = ?",
                    Timestamp.from(now), d.id());
        }
    }

    /** Records a failed attempt: tried again later with backoff, or given up after the last attempt. */
    void failed(List<Delivery> failed, String error, Instant now) {
        String why = error == null ? "unknown error" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        for (Delivery d : failed) {
            boolean giveUp = d.attempts() >= maxAttempts;
            jdbc.update("update deliveries set status = ?, last_error = ?, next_attempt_at = ? where id = ?",
                    giveUp ? "failed" : "waiting", why, Timestamp.from(now.plus(backoff(d.attempts()))), d.id());
        }
    }

    /** How long after the n-th failed attempt the next one is made. */
    Duration backoff(int attempts) {
        return retryFirst.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    }

    /** One week's report of a subscription, due now; false when it was scheduled before. */
    boolean scheduleReport(long subscription, String person, String week, Instant now) {
        return jdbc.update("insert into deliveries (channel, recipient, subscription_id, week, next_attempt_at, created_at) "
                        + "values ('email', ?, ?, ?, ?, ?) on conflict do nothing", person, subscription, week,
                Timestamp.from(now), Timestamp.from(now)) == 1;
    }

    /**
     * Deliveries for admins, newest first: {@code problems} (given up, or waiting after a failed
     * attempt), {@code failed}, {@code waiting}, {@code sent} or {@code all}.
     */
    public List<Map<String, Object>> list(String status, int limit) {
        String where = switch (status) {
            case "problems" -> "d.status = 'failed' or (d.status = 'waiting' and d.last_error is not null)";
            case "all" -> "true";
            default -> "d.status = ?";
        };
        Object[] args = where.endsWith("?") ? new Object[] {status, limit} : new Object[] {limit};
        return jdbc.queryForList("select d.id, d.channel, d.recipient, d.status, d.attempts, d.digest, "
                + "n.kind, n.item_id as item, d.subscription_id as subscription, d.week, "
                + "to_char(d.next_attempt_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') as \"nextAttemptAt\", "
                + "to_char(d.last_attempt_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') as \"lastAttemptAt\", "
                + "d.last_error as \"lastError\", "
                + "to_char(d.sent_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"') as \"sentAt\" "
                + "from deliveries d left join notifications n on n.id = d.notification_id where " + where
                + " order by d.id desc limit ?", args);
    }

    static final List<String> STATUSES = List.of("problems", "failed", "waiting", "sent", "all");
}
