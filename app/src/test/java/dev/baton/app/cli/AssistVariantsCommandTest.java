package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton assist variants} (docs/assist.md, "Message variants"): offline it says it writes
 * none, with a configured model (a fake server on loopback) one draft per segment, and every
 * mistake one clear line.
 */
class AssistVariantsCommandTest {

    @TempDir
    static Path tmp;
    static Path log;
    static Path brief;
    static final String MODEL = CliRun.example("b2b-saas.yaml");
    static HttpServer server;
    static final List<String> received = new CopyOnWriteArrayList<>();
    static volatile String answer;
    static volatile int status = 200;

    @BeforeAll
    static void simulateAndServe() throws IOException {
        log = tmp.resolve("quarter.jsonl");
        CliRun run = CliRun.of("simulate", "--model", MODEL, "--items", "300", "--seed", "7", "--out", log.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        brief = tmp.resolve("brief.md");
        Files.writeString(brief, "Launch of usage alerts: teams see cost spikes the day they happen, not at month end.\n");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String content = answer.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
            byte[] body = (status == 200 ? "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1767225600,"
                    + "\"model\":\"fake\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
                    + content + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":90,\"completion_tokens\":60,"
                    + "\"total_tokens\":150}}" : "{\"error\":{\"message\":\"Rate limit reached\"}}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    @Test
    void offlineItSaysItWritesNoneRatherThanFakeThem() {
        CliRun json = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--item", "item-1",
                "--segments", "fintech CFOs,data leaders", "--format", "json");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.jsonObject()).containsEntry("available", false).containsEntry("provider", "offline")
                .containsEntry("subject", "item-1").containsEntry("workType", "campaign").containsEntry("variants", List.of());
        assertThat(json.jsonObject().get("reason").toString()).contains("need a configured model", "rather than fake them");

        CliRun text = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--brief", brief.toString(),
                "--segments", "fintech CFOs");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).isEmpty();
        assertThat(text.err().lines()).singleElement().asString()
                .startsWith("baton assist variants: message variants need a configured model");
    }

    @Test
    void aConfiguredModelWritesOneDraftPerSegmentOfAnItemsBrief() {
        answer = """
                {"variants": [{"segment": "fintech CFOs", "headline": "Data quality your auditors will trust",
                  "body": "Paid social for finance leaders who sign off the numbers."},
                 {"segment": "data leaders", "headline": "Fix data quality before it reaches the board",
                  "body": "Paid social for the people who own the pipeline."}]}
                """;
        status = 200;
        received.clear();
        CliRun run = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--item", "item-1",
                "--segments", "fintech CFOs, data leaders", "--ai-url", url(), "--ai-model", "fake", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsEntry("available", true).containsEntry("provider", "openai-compatible:fake")
                .containsEntry("ready", true).containsEntry("segments", List.of("fintech CFOs", "data leaders"));
        assertThat(CliRun.objects(json, "variants")).extracting(v -> v.get("segment"), v -> v.get("source"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("fintech CFOs", "ai:fake"),
                        org.assertj.core.groups.Tuple.tuple("data leaders", "ai:fake"));
        assertThat(CliRun.objects(json, "foundations")).extracting(c -> c.get("id"), c -> c.get("pass"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("audience-owner", true),
                        org.assertj.core.groups.Tuple.tuple("messaging-owner", true));
        // The item's brief went: its title and fields as lines.
        assertThat(received).singleElement().asString().contains("Fintech paid social: data quality for data leaders");

        CliRun text = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--brief", brief.toString(),
                "--segments", "fintech CFOs,data leaders", "--ai-url", url(), "--ai-model", "fake");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("[fintech CFOs] Data quality your auditors will trust",
                "  Paid social for the people who own the pipeline.");
    }

    @Test
    void aFailedOrMalformedAnswerIsOneClearLineAndNothingIsWritten() throws IOException {
        Path usage = tmp.resolve("usage.jsonl");
        answer = "{\"variants\": [{\"segment\": \"fintech CFOs\", \"headline\": \"A\", \"body\": \"B\"}]}";
        status = 200;
        CliRun malformed = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--brief",
                brief.toString(), "--segments", "fintech CFOs,data leaders", "--ai-url", url(), "--ai-model", "fake",
                "--ai-usage-log", usage.toString(), "--format", "json");
        assertThat(malformed.exitCode()).isEqualTo(1);
        assertThat(malformed.out()).isEmpty();
        assertThat(malformed.err().lines()).singleElement().asString()
                .contains("the model's answer is malformed: no variant for data leaders; no draft was made");

        status = 429;
        CliRun limited = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--brief",
                brief.toString(), "--segments", "fintech CFOs", "--ai-url", url(), "--ai-model", "fake",
                "--ai-usage-log", usage.toString(), "--ai-budget-calls", "3");
        assertThat(limited.exitCode()).isEqualTo(1);
        assertThat(limited.err()).contains("too many requests (HTTP 429)");

        CliRun spent = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--brief",
                brief.toString(), "--segments", "fintech CFOs", "--ai-url", url(), "--ai-model", "fake",
                "--ai-usage-log", usage.toString(), "--ai-budget-calls", "2");
        assertThat(spent.exitCode()).isEqualTo(1);
        assertThat(spent.err()).contains("the monthly AI budget is used up: 2 of 2 calls", "nothing was sent");
        assertThat(Files.readAllLines(usage)).hasSize(3).allMatch(l -> l.contains("\"assistant\":\"message-variants\""));
    }

    @Test
    void anItemOfAWorkTypeThatIsNotReadyIsRefusedUnlessOverridden() throws IOException {
        String launch = dev.baton.engine.jsonl.EventLogJsonl.readAll(log).stream()
                .filter(e -> "product-launch".equals(e.workType()) && e.stream().startsWith("item-"))
                .map(dev.baton.engine.event.RecordedEvent::stream).findFirst().orElseThrow();
        CliRun refused = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--item", launch,
                "--segments", "fintech CFOs", "--format", "json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("work type 'product-launch' is not ready for AI", "--override \"REASON\"");

        answer = "{\"variants\": [{\"segment\": \"fintech CFOs\", \"headline\": \"A\", \"body\": \"B.\"}]}";
        status = 200;
        CliRun overridden = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--item", launch,
                "--segments", "fintech CFOs", "--override", "PMM pilot", "--ai-url", url(), "--ai-model", "fake",
                "--format", "json");
        assertThat(overridden.exitCode()).as(overridden.err()).isZero();
        assertThat(overridden.jsonObject()).containsEntry("ready", false).containsEntry("override", "PMM pilot")
                .containsEntry("available", true);
    }

    @Test
    void mistakesAreNamed() throws IOException {
        CliRun none = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--item", "item-1",
                "--segments", " , ");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("expected at least one audience segment, found none in --segments");

        CliRun both = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--item", "item-1",
                "--brief", brief.toString(), "--segments", "a");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");

        Path empty = tmp.resolve("empty.md");
        Files.writeString(empty, "  \n");
        CliRun blank = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--brief", empty.toString(),
                "--segments", "a");
        assertThat(blank.exitCode()).isEqualTo(1);
        assertThat(blank.err()).contains("empty.md: error: expected a brief, found an empty file");

        CliRun unknown = CliRun.of("assist", "variants", "--model", MODEL, "--log", log.toString(), "--item", "item-99999",
                "--segments", "a");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("expected work item 'item-99999', found no event of it").doesNotContain("Exception");
    }
}
