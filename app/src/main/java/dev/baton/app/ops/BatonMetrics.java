package dev.baton.app.ops;

import dev.baton.engine.CommandResult;
import dev.baton.engine.Engine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Baton's own metrics, read at {@code /actuator/prometheus} (docs/api.md, "Health and metrics"):
 * <ul>
 *   <li>{@code baton_commands_total{command, outcome="recorded"|"rejected", code}}: every command the
 *       engine decided (API and web pages), a rejection with its code ({@code not-allowed}, {@code stale-version}, …);</li>
 *   <li>{@code baton_command_latency_seconds{command, outcome}}: deciding and recording, as a histogram;</li>
 *   <li>queues, read from the projections at each scrape: {@code baton_intake_open_requests},
 *       {@code baton_pending_approvals}, {@code baton_pending_handoffs}, {@code baton_items{state}};</li>
 *   <li>imports: {@code baton_import_batches{state="standing"|"retracted"}},
 *       {@code baton_imported_events} (of standing batches); and {@code baton_events} (the log's last position).</li>
 * </ul>
 */
@Component
class BatonMetrics {

    private final MeterRegistry registry;

    BatonMetrics(MeterRegistry registry, Engine engine, JdbcTemplate jdbc) {
        this.registry = registry;
        engine.observe(this::observed);
        gauge("baton.intake.open.requests", "Intake requests waiting for a decision (status open)", jdbc,
                "select count(*) from intake_requests where status = 'open'");
        gauge("baton.pending.approvals", "Approvals asked for and not yet given (one per approver)", jdbc,
                "select count(*) from pending_approvals");
        gauge("baton.pending.handoffs", "Handoffs sent and not yet accepted or rejected", jdbc,
                "select count(*) from pending_handoffs");
        gauge("baton.events", "Events in the log (its last position)", jdbc,
                "select coalesce(max(position), 0) from events");
        Gauge.builder("baton.items", () -> count(jdbc, "select count(*) from items where not completed"))
                .description("Work items").tag("state", "open").register(registry);
        Gauge.builder("baton.items", () -> count(jdbc, "select count(*) from items where completed"))
                .description("Work items").tag("state", "completed").register(registry);
        Gauge.builder("baton.import.batches", () -> count(jdbc,
                        "select count(*) from import_batches where retracted_at is null"))
                .description("Import batches").tag("state", "standing").register(registry);
        Gauge.builder("baton.import.batches", () -> count(jdbc,
                        "select count(*) from import_batches where retracted_at is not null"))
                .description("Import batches").tag("state", "retracted").register(registry);
        gauge("baton.imported.events", "Events of import batches that stand", jdbc,
                "select coalesce(sum(events), 0) from import_batches where retracted_at is null");
    }

    private void gauge(String name, String description, JdbcTemplate jdbc, String sql) {
        Gauge.builder(name, () -> count(jdbc, sql)).description(description).register(registry);
    }

    /** NaN when the database does not answer: Prometheus shows a gap, not a wrong zero. */
    private static double count(JdbcTemplate jdbc, String sql) {
        try {
            Number n = jdbc.queryForObject(sql, Number.class);
            return n == null ? 0 : n.doubleValue();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void observed(String command, CommandResult result, long nanos) {
        String outcome = result instanceof CommandResult.Rejected ? "rejected" : "recorded";
        String code = result instanceof CommandResult.Rejected r
                ? r.rejection().code().name().toLowerCase(Locale.ROOT).replace('_', '-') : "none";
        Counter.builder("baton.commands").description("Commands decided by the engine")
                .tag("command", command).tag("outcome", outcome).tag("code", code).register(registry).increment();
        Timer.builder("baton.command.latency").description("Time to decide and record a command")
                .tag("command", command).tag("outcome", outcome)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(100_000))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }
}
