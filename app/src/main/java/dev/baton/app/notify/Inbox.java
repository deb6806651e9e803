package dev.baton.app.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The in-app inbox (table {@code notifications}) and where each notification goes beyond it. A
 * notification is recorded once per source and person (the table's unique key): recording it again
 * changes nothing and sends nothing, so the log can be read again without telling anyone twice.
 */
@Component
public class Inbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PreferenceStore preferences;
    private final MailChannel mail;

    Inbox(JdbcTemplate jdbc, TransactionTemplate transaction, PreferenceStore preferences, MailChannel mail) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.preferences = preferences;
        this.mail = mail;
    }

    /** An entry of the inbox. */
    public record Entry(long id, String kind, String item, String title, String text, String detail, Instant at,
                        Instant readAt) {
        public boolean read() {
            return readAt != null;
        }
    }

    /**
     * Records a notification and, when it is new, its deliveries by the person's preferences now:
     * email (immediately, or in the next digest) when they gave an address and email is set up,
     * the webhook when they gave one. False when it was recorded before.
     */
    public boolean record(Notification n, Instant now) {
        Boolean recorded = transaction.execute(status -> {
            List<Long> ids = jdbc.queryForList("insert into notifications (source, recipient, kind, item_id, title, text, detail, "
                            + "at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (source, recipient) do nothing "
                            + "returning id", Long.class, n.source(), n.recipient(), n.kind(), n.item(), n.title(), n.text(),
                    n.detail(), Timestamp.from(n.at()), Timestamp.from(now));
            if (ids.isEmpty()) {
                return false;
            }
            Preferences p = preferences.of(n.recipient());
            for (String channel : p.channels(n.kind())) {
                boolean reachable = channel.equals("email") ? p.email() != null && mail.configured() : p.webhookUrl() != null;
                if (reachable) {
                    boolean digest = channel.equals("email") && p.digest();
                    jdbc.update("insert into deliveries (channel, recipient, notification_id, digest, next_attempt_at, created_at) "
                                    + "values (?, ?, ?, ?, ?, ?) on conflict do nothing", channel, n.recipient(), ids.get(0),
                            digest, Timestamp.from(digest ? p.nextDigest(now) : now), Timestamp.from(now));
                }
            }
            return true;
        });
        return Boolean.TRUE.equals(recorded);
    }

    /** A person's inbox, newest first. */
    public List<Entry> of(String person, boolean unreadOnly, int limit) {
        return jdbc.query("select * from notifications where recipient = ? and (not ? or read_at is null) order by id desc limit ?",
                ENTRY, person, unreadOnly, limit);
    }

    private static final RowMapper<Entry> ENTRY = (rs, row) -> new Entry(rs.getLong("id"), rs.getString("kind"),
            rs.getString("item_id"), rs.getString("title"), rs.getString("text"), rs.getString("detail"),
            rs.getTimestamp("at").toInstant(), rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());

    public long unread(String person) {
        Long n = jdbc.queryForObject("select count(*) from notifications where recipient = ? and read_at is null", Long.class,
                person);
        return n == null ? 0 : n;
    }

    /** Marks one of the person's notifications read; empty when they have none with this id. */
    public Optional<Entry> markRead(String person, long id, Instant now) {
        jdbc.update("update notifications set read_at = coalesce(read_at, ?) where id = ? and recipient = ?",
                Timestamp.from(now), id, person);
        return jdbc.query("select * from notifications where id = ? and recipient = ?", ENTRY, id, person).stream()
                .findFirst();
    }

    /** Marks all of a person's notifications read; how many were unread. */
    public int markAllRead(String person, Instant now) {
        return jdbc.update("update notifications set read_at = ? where recipient = ? and read_at is null", Timestamp.from(now),
                person);
    }

    /** As the API answers an entry. */
    public static Map<String, Object> json(Entry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("kind", e.kind());
        json.put("item", e.item());
        json.put("title", e.title());
        json.put("text", e.text());
        json.put("detail", e.detail());
        json.put("at", e.at().toString());
        json.put("read", e.read());
        json.put("readAt", e.readAt() == null ? null : e.readAt().toString());
        return json;
    }
}
