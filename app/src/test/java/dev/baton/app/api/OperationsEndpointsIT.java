package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.security.Role;
import dev.baton.app.security.Users;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * What an operator's load balancer and Prometheus see: open liveness and readiness probes that
 * tell only UP or DOWN, metrics for admins and the scraper token only, and a recorded or rejected
 * command moving its counter.
 */
@TestPropertySource(properties = "baton.metrics.token=scrape-secret-for-tests")
class OperationsEndpointsIT extends DemoServer {

    @Autowired
    Users users;

    @Test
    void livenessAndReadinessAnswerWithoutSignIn() {
        ApiClient.Response live = nobody().get("/actuator/health/liveness");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json()).containsEntry("status", "UP").doesNotContainKey("components");
        ApiClient.Response ready = nobody().get("/actuator/health/readiness");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json()).containsEntry("status", "UP").doesNotContainKey("components");
        // An admin sees why: the database and the migrations (V5 is the newest of this jar).
        users.create("ops-admin", "a long admin password", Role.ADMIN, "dev.patel");
        ApiClient.Response detailed = nobody().as("ops-admin", "a long admin password").get("/actuator/health/readiness");
        assertThat(detailed.body()).contains("\"db\"").contains("\"migrations\"").contains("\"pending\":0");
        // The old health endpoint answers as before.
        assertThat(nobody().get("/api/health").json()).containsEntry("status", "UP").containsKey("events");
    }

    @Test
    void metricsAreForAdminsAndTheScraperToken() {
        assertThat(nobody().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(user("maya").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(nobody().bearer("not-the-token").get("/actuator/prometheus").status()).isEqualTo(401);
        // The scraper token opens nothing else.
        assertThat(nobody().bearer("scrape-secret-for-tests").get("/api/v1/items").status()).isEqualTo(401);
        users.create("metrics-admin", "another long password", Role.ADMIN, "dev.patel");
        assertThat(nobody().as("metrics-admin", "another long password").get("/actuator/prometheus").status())
                .isEqualTo(200);
        // Other actuator endpoints stay closed (not exposed).
        assertThat(nobody().as("metrics-admin", "another long password").get("/actuator/env").status())
                .isIn(403, 404);
    }

    @Test
    void aRecordedAndARejectedCommandMoveTheirCounters() {
        double created = counter("CreateItem", "recorded", "none");
        double rejected = rejected("CreateItem");
        ApiClient.Response item = user("nora").post("/api/v1/items", "{\"workType\": \"campaign\", "
                + "\"title\": \"Counted\", \"fields\": {\"campaign-name\": \"Counted\", "
                + "\"objective\": \"Pipeline\", \"segment\": \"SMB\", \"primary-metric\": \"pipeline\", "
                + "\"channel-mix\": [\"email\"], \"start-date\": \"2026-04-01\", \"reach\": 10, "
                + "\"impact\": 1, \"confidence\": 50, \"effort\": 1}}");
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        // The engine refuses a work type the model does not have.
        ApiClient.Response refused = user("nora").post("/api/v1/items", "{\"workType\": \"no-such-type\", "
                + "\"title\": \"Refused\", \"fields\": {}}");
        assertThat(refused.status()).as(refused.body()).isBetween(400, 499);

        assertThat(counter("CreateItem", "recorded", "none")).as(() -> scrape().lines()
                .filter(l -> l.startsWith("baton_")).toList().toString()).isEqualTo(created + 1);
        assertThat(rejected("CreateItem")).isEqualTo(rejected + 1);
        assertThat(scrape()).contains("code=\"" + refused.json().get("code") + "\",command=\"CreateItem\",outcome=\"rejected\"");
        String metrics = scrape();
        assertThat(metrics).contains("baton_command_latency_seconds_count{application=\"baton\",command=\"CreateItem\","
                + "outcome=\"recorded\"}");
        assertThat(metrics).containsPattern("(?m)^baton_intake_open_requests\\{[^}]*\\} \\d")
                .containsPattern("(?m)^baton_pending_approvals\\{[^}]*\\} \\d")
                .containsPattern("(?m)^baton_pending_handoffs\\{[^}]*\\} \\d")
                .containsPattern("(?m)^baton_import_batches\\{[^}]*state=\"standing\"[^}]*\\} \\d")
                .containsPattern("(?m)^baton_events\\{[^}]*\\} [1-9]");
    }

    private String scrape() {
        ApiClient.Response r = nobody().bearer("scrape-secret-for-tests").get("/actuator/prometheus");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    /** Rejections of a command, whatever their code. */
    private double rejected(String command) {
        Matcher m = Pattern.compile("(?m)^baton_commands_total\\{application=\"baton\",code=\"[a-z-]+\",command=\""
                + command + "\",outcome=\"rejected\"} (\\S+)$").matcher(scrape());
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private double counter(String command, String outcome, String code) {
        Matcher m = Pattern.compile("(?m)^baton_commands_total\\{application=\"baton\",code=\"" + code + "\",command=\""
                + command + "\",outcome=\"" + outcome + "\"} (\\S+)$").matcher(scrape());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
