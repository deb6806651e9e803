package dev.baton.app.notify;

import dev.baton.insight.weekly.Audience;
import dev.baton.insight.weekly.Week;
import dev.baton.model.OperatingModel;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Weekly reports by email (table {@code report_subscriptions}): a person asks for the report of
 * everyone, a team, a person or an initiative, on a weekday at a time in their zone. At that time
 * the week that ended last (the CLI's default on a live log) is scheduled as one delivery, unique
 * per subscription and week: however often the schedule is checked, a week is sent once.
 */
@Component
public class ReportSubscriptions {

    private final JdbcTemplate jdbc;
    private final Deliveries deliveries;

    ReportSubscriptions(JdbcTemplate jdbc, Deliveries deliveries) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
    }

    /** A subscription: whose report ({@code audience}, {@code audienceId}), when, and for whom. */
    public record Subscription(long id, String person, String audience, String audienceId, DayOfWeek weekday,
                               LocalTime at, ZoneId zone, Instant created) {

        /** The latest send time at or before {@code now}. */
        public Instant lastSendBy(Instant now) {
            ZonedDateTime local = now.atZone(zone);
            ZonedDateTime send = local.with(TemporalAdjusters.previousOrSame(weekday)).toLocalDate().atTime(at).atZone(zone);
            return (send.isAfter(local) ? send.minusWeeks(1) : send).toInstant();
        }

        /** "Team writers, Mondays at 09:00 Europe/Berlin". */
        public String describe() {
            return (audienceId == null ? "Everyone" : Character.toUpperCase(audience.charAt(0)) + audience.substring(1) + " "
                    + audienceId) + ", " + weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + "s at " + at + " " + zone.getId();
        }
    }

    private static final RowMapper<Subscription> ROW = (rs, row) -> new Subscription(rs.getLong("id"), rs.getString("person_id"),
            rs.getString("audience"), rs.getString("audience_id"), DayOfWeek.of(rs.getInt("weekday")),
            rs.getTime("send_at").toLocalTime(), ZoneId.of(rs.getString("zone")), rs.getTimestamp("created_at").toInstant());

    public List<Subscription> of(String person) {
        return jdbc.query("select * from report_subscriptions where person_id = ? order by id", ROW, person);
    }

    public Optional<Subscription> byId(long id) {
        return jdbc.query("select * from report_subscriptions where id = ?", ROW, id).stream().findFirst();
    }

    /** Removes one of the person's subscriptions; false when they have none with this id. */
    public boolean remove(String person, long id) {
        return jdbc.update("delete from report_subscriptions where id = ? and person_id = ?", id, person) == 1;
    }

    /** What was read from a request: a subscription to add, or every mistake. */
    public record Read(Subscription subscription, List<PreferencesForm.Mistake> mistakes) {
    }

    /**
     * Reads {@code team} | {@code person} | {@code initiative} (at most one; none: everyone),
     * {@code weekday} (monday..sunday, default monday), {@code at} (HH:MM, default 09:00) and
     * {@code zone} (default UTC), checked against the model as {@code baton report weekly} checks them.
     */
    public static Read read(Map<String, ?> in, String person, OperatingModel model) {
        List<PreferencesForm.Mistake> mistakes = new ArrayList<>();
        Map<String, String> whom = new LinkedHashMap<>();
        for (String kind : List.of("team", "person", "initiative")) {
            Object v = in.get(kind);
            if (v != null && !String.valueOf(v).isBlank()) {
                whom.put(kind, String.valueOf(v).strip());
            }
        }
        String audience = "everyone";
        String audienceId = null;
        if (whom.size() > 1) {
            mistakes.add(new PreferencesForm.Mistake(String.join(",", whom.keySet()), "expected at most one of team, person "
                    + "and initiative, found " + String.join(" and ", whom.keySet())));
        } else if (whom.size() == 1) {
            audience = whom.keySet().iterator().next();
            audienceId = whom.get(audience);
            try {
                if (audience.equals("team")) {
                    Audience.team(model, audienceId);
                } else if (audience.equals("person")) {
                    Audience.person(model, audienceId);
                }
            } catch (IllegalArgumentException e) {
                mistakes.add(new PreferencesForm.Mistake(audience, e.getMessage().replace("--", "")));
            }
        }
        DayOfWeek weekday = DayOfWeek.MONDAY;
        String day = PreferencesForm.text(in, "weekday", null, mistakes);
        if (day != null) {
            try {
                weekday = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                mistakes.add(new PreferencesForm.Mistake("weekday", "expected a weekday like monday, found '" + day + "'"));
            }
        }
        LocalTime at = PreferencesForm.time(in, "at", LocalTime.of(9, 0), mistakes);
        ZoneId zone = PreferencesForm.zone(in, "zone", ZoneId.of("UTC"), mistakes);
        return new Read(mistakes.isEmpty() ? new Subscription(0, person, audience, audienceId, weekday, at, zone, null) : null,
                mistakes);
    }

    public Subscription add(Subscription s, Instant now) {
        Long id = jdbc.queryForObject("insert into report_subscriptions (person_id, audience, audience_id, weekday, send_at, "
                        + "zone, created_at) values (?, ?, ?, ?, ?, ?, ?) returning id", Long.class, s.person(), s.audience(),
                s.audienceId(), s.weekday().getValue(), Time.valueOf(s.at()), s.zone().getId(), Timestamp.from(now));
        return byId(id).orElseThrow();
    }

    /**
     * Schedules the report of every subscription whose send time has come since it was made: the
     * week before the one the send time falls in. How many were new.
     */
    public int scheduleDue(Instant now) {
        int scheduled = 0;
        for (Subscription s : jdbc.query("select * from report_subscriptions order by id", ROW)) {
            Instant send = s.lastSendBy(now);
            if (!send.isBefore(s.created()) && deliveries.scheduleReport(s.id(), s.person(),
                    Week.lastCompleteBefore(send, s.zone()).key(), now)) {
                scheduled++;
            }
        }
        return scheduled;
    }

    /** As the API answers it. */
    public static Map<String, Object> json(Subscription s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", s.id());
        json.put("audience", s.audience());
        json.put("audienceId", s.audienceId());
        json.put("weekday", s.weekday().name().toLowerCase(Locale.ROOT));
        json.put("at", s.at().toString());
        json.put("zone", s.zone().getId());
        json.put("description", s.describe());
        return json;
    }
}
