package dev.baton.app.roadmap;

import dev.baton.app.api.JsonBody;
import dev.baton.app.json.Json;
import dev.baton.plan.roadmap.Assumptions;
import dev.baton.plan.roadmap.Quarter;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The capacity assumptions the server plans with ({@code roadmap_assumptions}, V13): the plan
 * module's {@link Assumptions} (the CLI's {@code assumptions:} of an initiatives file), set on the
 * roadmap page or through the API. Every change is a row with who set it and when; the newest is in
 * force, none means {@link Assumptions#DEFAULT}.
 */
@Component
public class CapacityAssumptions {

    /** The bounds of the initiatives file (a quarter has at most 92 days). */
    static final double MAX_DAYS = 92;

    private static final TypeReference<Map<String, Double>> HOLIDAYS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CapacityAssumptions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The assumptions in force and who set them when (both null for the defaults). */
    public record InForce(Assumptions assumptions, String setBy, Instant setAt) {
    }

    public InForce current() {
        return jdbc.query("select * from roadmap_assumptions order by id desc limit 1", (rs, n) -> {
            Map<Quarter, Double> holidays = new TreeMap<>();
            Json.mapper().readValue(rs.getString("holidays"), HOLIDAYS)
                    .forEach((q, d) -> Quarter.parse(q).ifPresent(p -> holidays.put(p, d)));
            return new InForce(new Assumptions(rs.getDouble("working_days"), rs.getDouble("run_the_business"),
                    Map.copyOf(holidays)), rs.getString("set_by"), rs.getTimestamp("set_at").toInstant());
        }).stream().findFirst().orElse(new InForce(Assumptions.DEFAULT, null, null));
    }

    /**
     * Checks a request ({@code workingDays}, {@code runTheBusiness} as a share below 1,
     * {@code holidays} per quarter), listing every mistake by member in one 400 with nothing stored,
     * then records it as in force from now, set by the person.
     */
    public InForce set(JsonNode request, String personId) {
        JsonBody body = JsonBody.of(request);
        Double days = number(body, "workingDays", 0, MAX_DAYS, false, "working days a quarter from 0 to 92");
        Double rtb = number(body, "runTheBusiness", 0, 1, true, "a share of at least 0 and below 1, such as 0.2 for 20%");
        Map<String, Double> holidays = new TreeMap<>();
        JsonNode h = body.get("holidays");
        if (h != null && !h.isObject()) {
            body.error("holidays", "expected holidays to be an object of days per quarter such as {\"2027-Q4\": 8}, found "
                    + JsonBody.kind(h));
        } else if (h != null) {
            for (Map.Entry<String, JsonNode> e : h.properties()) {
                String member = "holidays." + e.getKey();
                if (Quarter.parse(e.getKey()).isEmpty()) {
                    body.error(member, "expected a quarter such as 2027-Q4 as a key of holidays, found '" + e.getKey() + "'");
                } else if (!e.getValue().isNumber() || e.getValue().asDouble() < 0 || e.getValue().asDouble() > MAX_DAYS) {
                    body.error(member, "expected holidays in " + e.getKey() + " to be days from 0 to 92, found "
                            + (e.getValue().isNumber() ? e.getValue().asString() : JsonBody.kind(e.getValue())));
                } else {
                    holidays.put(Quarter.parse(e.getKey()).orElseThrow().toString(), e.getValue().asDouble());
                }
            }
        }
        body.check();
        jdbc.update("insert into roadmap_assumptions (working_days, run_the_business, holidays, set_by, set_at) "
                + "values (?, ?, ?::jsonb, ?, ?)", days, rtb, Json.write(holidays), personId, Timestamp.from(clock.instant()));
        return current();
    }

    /** A required number in [min, max] (or [min, max) when {@code belowMax}); null after recording the mistake. */
    private static Double number(JsonBody body, String name, double min, double max, boolean belowMax, String expected) {
        JsonNode v = body.get(name);
        if (v == null) {
            body.error(name, "expected " + name + " (" + expected + "), found nothing");
            return null;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < min || v.asDouble() > max
                || belowMax && v.asDouble() >= max) {
            body.error(name, "expected " + name + " to be " + expected + ", found "
                    + (v.isNumber() ? v.asString() : JsonBody.kind(v)));
            return null;
        }
        return v.asDouble();
    }

    public static Map<String, Object> json(InForce f) {
        Map<String, Double> holidays = new TreeMap<>();
        f.assumptions().holidays().forEach((q, d) -> holidays.put(q.toString(), d));
        return Json.ordered("workingDays", f.assumptions().workingDays(), "runTheBusiness", f.assumptions().runTheBusiness(),
                "holidays", holidays, "setBy", f.setBy(), "setAt", f.setAt() == null ? null : f.setAt().toString());
    }
}
