package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stable contract of {@code baton assist draft|similar|summary|ledger} (docs/assist.md), on a simulated quarter. */
class AssistCommandTest {

    @TempDir
    static Path tmp;
    static Path log;
    static final String MODEL = CliRun.example("b2b-saas.yaml");
    static final String REQUEST = "Paid social campaign for fintech data leaders starting 1 March 2027 with a $15k budget, "
            + "to grow pipeline";

    @BeforeAll
    static void simulate() {
        log = tmp.resolve("quarter.jsonl");
        CliRun run = CliRun.of("simulate", "--model", MODEL, "--items", "300", "--seed", "7", "--out", log.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDraftForAReadyWorkTypeIsTheTemplatesFieldsWithTheirSources() {
        CliRun run = CliRun.of("assist", "draft", "--model", MODEL, "--log", log.toString(), "--work-type", "campaign",
                "--request", REQUEST, "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsKeys("workType", "ready", "provider", "draft", "basis");
        assertThat(json).containsEntry("workType", "campaign").containsEntry("ready", true).containsEntry("provider", "offline");
        Map<String, Object> draft = (Map<String, Object>) json.get("draft");
        Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) draft.get("fields");
        assertThat(fields.get("start-date")).containsEntry("value", "2027-03-01").containsEntry("source", "request");
        assertThat(fields.get("budget")).containsEntry("value", 15000).containsEntry("source", "request");
        assertThat(fields.get("reach").get("source").toString()).startsWith("similar:item-");
        assertThat((List<String>) draft.get("missing")).isEmpty();
        assertThat(CliRun.objects(json, "basis")).extracting(b -> b.get("source")).contains("request");
    }

    @Test
    void aWorkTypeThatIsNotReadyIsRefusedNamingEachFailingCondition() {
        CliRun run = CliRun.of("assist", "draft", "--model", MODEL, "--log", log.toString(), "--work-type", "initiative",
                "--request", REQUEST, "--format", "json");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("work type 'initiative' is not ready for AI")
                .contains("clear-inputs-outputs (Clear inputs and outputs): no template with required fields")
                .contains("prioritised-work (Prioritised work): no intake form feeds this work type; fix: add an intake form")
                .contains("standard-templates (Standard templates)")
                .contains("--override \"REASON\"")
                .doesNotContain("Exception");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anOverrideDraftsAnywayAndSaysSo() {
        CliRun run = CliRun.of("assist", "draft", "--model", MODEL, "--log", log.toString(), "--work-type", "product-launch",
                "--request", "Tier 2 launch of usage alerts on 2027-05-04 for enterprise data teams, owned by Priya Raman",
                "--override", "PMM pilot, agreed with Grace", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsEntry("ready", false).containsEntry("override", "PMM pilot, agreed with Grace");
        assertThat(CliRun.objects(json, "failing")).extracting(c -> c.get("id")).containsExactly("prioritised-work");
        Map<String, Map<String, Object>> fields = (Map<String, Map<String, Object>>) ((Map<String, Object>) json.get("draft"))
                .get("fields");
        assertThat(fields.get("launch-tier")).containsEntry("value", "tier-2");
        assertThat(fields.get("launch-date")).containsEntry("value", "2027-05-04");
        assertThat(fields.get("product-owner")).containsEntry("value", "priya.raman");
    }

    @Test
    void anUnknownWorkTypeListsTheKnownOnes() {
        CliRun run = CliRun.of("assist", "draft", "--model", MODEL, "--log", log.toString(), "--work-type", "podcast",
                "--request", REQUEST);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("unknown work type 'podcast'")
                .contains("initiative, campaign, asset, product-launch");
    }

    @Test
    @SuppressWarnings("unchecked")
    void similarListsTheMostSimilarPastWorkBestFirst() {
        CliRun run = CliRun.of("assist", "similar", "--model", MODEL, "--log", log.toString(), "--request",
                "Fintech paid social about data quality for data leaders", "--top", "3", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> matches = CliRun.objects(run.jsonObject(), "matches");
        assertThat(matches).hasSize(3);
        assertThat(matches).allSatisfy(m -> {
            assertThat(m.containsKey("item") ^ m.containsKey("request")).isTrue();
            assertThat(m).containsKeys("title", "similarity");
            assertThat(((Number) m.get("similarity")).doubleValue()).isBetween(-1.0, 1.0);
        });
        assertThat(matches).extracting(m -> ((Number) m.get("similarity")).doubleValue())
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(((Number) matches.get(0).get("similarity")).doubleValue()).isGreaterThan(0.6);
        Map<String, Object> routing = (Map<String, Object>) run.jsonObject().get("routing");
        assertThat(routing).containsKeys("workType", "owner", "reasons");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLedgerCountsDecisionsPerWorkTypeAndAssistant() throws Exception {
        Path drafts = tmp.resolve("drafts.jsonl");
        Instant t = Instant.parse("2026-03-02T09:00:00Z");
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String id = "d" + i;
            events.add(new RecordedEvent(events.size() + 1, AssistEvent.draftStream(id), 1, t, "nora.haddad", "campaign", 1,
                    null, new AssistEvent.DraftOffered(id, "brief-draft", null, "offline", Map.of("segment", "CFOs"),
                    List.of(), null)));
            events.add(new RecordedEvent(events.size() + 1, AssistEvent.draftStream(id), 2, t.plusSeconds(3600L * i),
                    "nora.haddad", "campaign", 1, null, i == 1 ? new AssistEvent.DraftAccepted(id, "brief-draft", Map.of(), 0)
                    : new AssistEvent.DraftDiscarded(id, "brief-draft", null)));
        }
        EventLogJsonl.write(drafts, events);

        CliRun run = CliRun.of("assist", "ledger", "--log", drafts.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> row = CliRun.objects(run.jsonObject(), "ledger").get(0);
        assertThat(row).containsEntry("workType", "campaign").containsEntry("assistant", "brief-draft")
                .containsEntry("offered", 4).containsEntry("acceptedUnchanged", 1).containsEntry("acceptedAfterEdits", 0)
                .containsEntry("discarded", 3).containsEntry("discardedShare", 0.75).containsEntry("medianHoursToDecision", 2.5)
                .containsEntry("verdict", "overhead: mostly discarded or heavily edited — consider switching it off");
        assertThat((Map<String, Object>) run.jsonObject().get("thresholds")).containsEntry("maxDiscardedShare", 0.5)
                .containsEntry("maxMeanEditedShare", 0.5);

        CliRun empty = CliRun.of("assist", "ledger", "--log", log.toString());
        assertThat(empty.exitCode()).isZero();
        assertThat(empty.out()).contains("No assistant has offered a draft");
    }

    @Test
    void aSummaryNamesWhatTheItemIsAndWhatIsWaiting() {
        CliRun run = CliRun.of("assist", "summary", "--model", MODEL, "--log", log.toString(), "--item", "item-1",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<Map<String, Object>> facts = CliRun.objects(run.jsonObject(), "facts");
        assertThat(facts.get(0).get("text").toString()).startsWith("'Fintech paid social: data quality for data leaders' is a campaign");
        assertThat(facts).allSatisfy(f -> assertThat((List<?>) f.get("events")).isNotEmpty());

        CliRun unknown = CliRun.of("assist", "summary", "--model", MODEL, "--log", log.toString(), "--item", "item-99999");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("expected work item 'item-99999', found no event of it");
    }

    @Test
    void aModelServerIsUsedOnlyWhenConfiguredAndItsFailuresAreOneClearLine() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_exceeded\"}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(429, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            Path usage = tmp.resolve("usage.jsonl");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
            CliRun run = CliRun.of("assist", "draft", "--model", MODEL, "--log", log.toString(), "--work-type", "campaign",
                    "--request", REQUEST, "--ai-url", url, "--ai-model", "fake", "--ai-usage-log", usage.toString(),
                    "--as", "nora.haddad", "--format", "json");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("refused the call: too many requests (HTTP 429)", "no draft was made");
            assertThat(run.err().lines()).hasSize(1);
            assertThat(Files.readString(usage)).contains("\"who\":\"nora.haddad\"", "\"outcome\":\"rate-limited\"");

            CliRun broke = CliRun.of("assist", "draft", "--model", MODEL, "--log", log.toString(), "--work-type", "campaign",
                    "--request", REQUEST, "--ai-url", url, "--ai-model", "fake", "--ai-usage-log", usage.toString(),
                    "--ai-budget-calls", "1");
            assertThat(broke.exitCode()).isEqualTo(1);
            assertThat(broke.err()).contains("the monthly AI budget is used up: 1 of 1 calls", "nothing was sent");
        } finally {
            server.stop(0);
        }
        CliRun usage = CliRun.of("assist", "draft", "--model", MODEL, "--log", log.toString(), "--work-type", "campaign",
                "--request", REQUEST, "--ai-url", "http://127.0.0.1:9/v1");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("expected both --ai-url URL and --ai-model NAME");
    }
}
