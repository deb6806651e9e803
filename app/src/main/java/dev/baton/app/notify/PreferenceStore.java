package dev.baton.app.notify;

import dev.baton.app.json.Json;
import java.sql.Time;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Each person's preferences (table {@code notification_preferences}); a person who set none has the defaults. */
@Component
public class PreferenceStore {

    private final JdbcTemplate jdbc;

    PreferenceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @SuppressWarnings("unchecked")
    public Preferences of(String person) {
        return jdbc.query("select * from notification_preferences where person_id = ?", (rs, n) -> new Preferences(person,
                rs.getString("email"), rs.getString("webhook_url"), rs.getString("email_mode"),
                rs.getTime("digest_at").toLocalTime(), ZoneId.of(rs.getString("zone")),
                (Map<String, List<String>>) (Map<?, ?>) Json.mapper().readValue(rs.getString("channels"), Map.class)), person)
                .stream().findFirst().orElse(Preferences.defaults(person));
    }

    public void save(Preferences p) {
        jdbc.update("insert into notification_preferences (person_id, email, webhook_url, email_mode, digest_at, zone, channels, "
                        + "updated_at) values (?, ?, ?, ?, ?, ?, ?::jsonb, now()) on conflict (person_id) do update set "
                        + "email = excluded.email, webhook_url = excluded.webhook_url, email_mode = excluded.email_mode, "
                        + "digest_at = excluded.digest_at, zone = excluded.zone, channels = excluded.channels, updated_at = now()",
                p.person(), p.email(), p.webhookUrl(), p.emailMode(), Time.valueOf(p.digestAt()), p.zone().getId(),
                Json.write(p.channels()));
    }

    /** As the API answers it. */
    public static Map<String, Object> json(Preferences p) {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("person", p.person());
        json.put("email", p.email());
        json.put("webhookUrl", p.webhookUrl());
        json.put("emailMode", p.emailMode());
        json.put("digestAt", p.digestAt().toString());
        json.put("zone", p.zone().getId());
        Map<String, Object> channels = new java.util.LinkedHashMap<>();
        for (String kind : Notification.KINDS) {
            channels.put(kind, p.channels(kind));
        }
        json.put("channels", channels);
        return json;
    }
}
