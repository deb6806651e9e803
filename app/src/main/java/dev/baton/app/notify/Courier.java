package dev.baton.app.notify;

import dev.baton.app.notify.Deliveries.Delivery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends what is due: each immediate notification on its own, a person's digest notifications in
 * one email, a subscription's weekly report; records each attempt's outcome with {@link Deliveries}.
 */
@Component
public class Courier {

    private static final Logger LOG = LoggerFactory.getLogger(Courier.class);
    static final int BATCH = 100;

    private final Deliveries deliveries;
    private final PreferenceStore preferences;
    private final ReportSubscriptions subscriptions;
    private final MailChannel mail;
    private final WebhookChannel webhooks;
    private final ObjectProvider<ReportLetters> reports;
    private final JdbcTemplate jdbc;
    private final String baseUrl;

    Courier(Deliveries deliveries, PreferenceStore preferences, ReportSubscriptions subscriptions, MailChannel mail,
            WebhookChannel webhooks, ObjectProvider<ReportLetters> reports, JdbcTemplate jdbc,
            @Value("${baton.base-url:http://localhost:${server.port:8080}}") String baseUrl) {
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.subscriptions = subscriptions;
        this.mail = mail;
        this.webhooks = webhooks;
        this.reports = reports;
        this.jdbc = jdbc;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    /** Sends every delivery due at {@code now}; how many attempts succeeded. */
    public int deliverDue(Instant now) {
        int sent = 0;
        while (true) {
            List<Delivery> due = deliveries.claimDue(now, BATCH);
            // A person's digest deliveries go out as one email.
            Map<String, List<Delivery>> letters = new LinkedHashMap<>();
            for (Delivery d : due) {
                letters.computeIfAbsent(d.digest() ? "digest:" + d.recipient() : "one:" + d.id(), k -> new ArrayList<>()).add(d);
            }
            for (List<Delivery> group : letters.values()) {
                if (attempt(group, now)) {
                    sent += group.size();
                }
            }
            if (due.size() < BATCH) {
                return sent;
            }
        }
    }

    private boolean attempt(List<Delivery> group, Instant now) {
        Delivery first = group.get(0);
        try {
            Preferences p = preferences.of(first.recipient());
            Letter letter = letter(group);
            if (first.channel().equals("webhook")) {
                if (p.webhookUrl() == null) {
                    throw new IllegalStateException("no webhook address set for " + first.recipient());
                }
                webhooks.post(p.webhookUrl(), letter);
            } else {
                if (p.email() == null) {
                    throw new IllegalStateException("no email address set for " + first.recipient());
                }
                if (!mail.configured()) {
                    throw new IllegalStateException("email is not set up on this server (baton.mail.host)");
                }
                mail.send(p.email(), letter);
            }
            deliveries.sent(group, now);
            return true;
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            String why = e.getClass().getSimpleName() + ": " + e.getMessage()
                    + (e.getCause() != null && e.getCause() != e ? " (" + e.getCause().getMessage() + ")" : "");
            LOG.warn("Could not deliver {} by {} to {}: {}", first.notification() != null ? "a notification" : "a weekly report",
                    first.channel(), first.recipient(), why);
            deliveries.failed(group, why, now);
            return false;
        }
    }

    /** The letter of a group: one notification, a digest of several, or a weekly report. */
    private Letter letter(List<Delivery> group) {
        Delivery first = group.get(0);
        if (first.subscription() != null) {
            ReportSubscriptions.Subscription s = subscriptions.byId(first.subscription())
                    .orElseThrow(() -> new IllegalStateException("the subscription was removed"));
            ReportLetters writer = Optional.ofNullable(reports.getIfAvailable())
                    .orElseThrow(() -> new IllegalStateException("no weekly report writer"));
            return writer.weekly(s, first.week());
        }
        List<Notification> told = new ArrayList<>();
        for (Delivery d : group) {
            told.addAll(jdbc.query("select * from notifications where id = ?", (rs, row) -> new Notification(
                    rs.getString("source"), rs.getString("recipient"), rs.getString("kind"), rs.getString("item_id"),
                    rs.getString("title"), rs.getString("text"), rs.getString("detail"), rs.getTimestamp("at").toInstant()),
                    d.notification()));
        }
        return Letters.of(told, baseUrl);
    }
}
