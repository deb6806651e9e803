package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.security.Role;
import dev.baton.app.security.Users;
import dev.baton.assist.provider.FakeOpenAiServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Brief drafts on a server configured with a model server (baton.assist.provider.*), here a fake
 * OpenAI-compatible one on loopback, on the demo model without its history (the gate enabled by an
 * admin): the draft holds the model's values and names the provider, the usage log has the person
 * who asked, and a rate-limited call and a used-up budget are problems (429) with nothing recorded.
 */
class AssistProviderIT extends DemoServer {

    static final FakeOpenAiServer FAKE = fake();
    static final Path USAGE = usageLog();

    static final String ANSWER = """
            {"campaign-name": "Fintech CFO LinkedIn push", "objective": "Grow pipeline with fintech CFOs",
             "segment": "Fintech CFOs in the UK", "primary-metric": "pipeline", "channel-mix": ["LinkedIn", "webinar"],
             "start-date": "2026-03-01", "end-date": null, "budget": 20000, "campaign-owner": "nora.haddad",
             "utm-plan": null, "landing-page": null, "reach": null, "impact": null, "confidence": null, "effort": null}
            """;

    @Autowired
    Users users;

    private static FakeOpenAiServer fake() {
        try {
            return new FakeOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path usageLog() {
        try {
            return Files.createTempDirectory("baton-ai-usage").resolve("usage").resolve("ai-usage.jsonl");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("baton.assist.provider.url", FAKE::baseUrl);
        registry.add("baton.assist.provider.model", () -> "fake-model");
        registry.add("baton.assist.provider.timeout", () -> "10s");
        registry.add("baton.assist.provider.monthly-calls", () -> "3");
        registry.add("baton.assist.provider.usage-log", USAGE::toString);
    }

    @AfterAll
    static void stop() {
        FAKE.close();
    }

    long events() {
        return ((Number) nobody().get("/api/health").json().get("events")).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void theConfiguredModelDraftsTheBriefAndItsFailuresAreProblemsWithNothingRecorded() throws Exception {
        users.create("provider-admin", "provider admin password", Role.ADMIN, "dev.patel");
        ApiClient admin = nobody().as("provider-admin", "provider admin password");
        ApiClient nora = user("nora");
        assertThat(admin.post("/api/v1/assist/enablements", "{\"assistant\": \"brief-draft\", \"workType\": \"campaign\", "
                + "\"reason\": \"pilot of the model server\"}").status()).isEqualTo(201);

        // message variants of an item's brief: one draft per segment, written by the model server
        assertThat(admin.post("/api/v1/assist/enablements", "{\"assistant\": \"message-variants\", \"workType\": "
                + "\"campaign\", \"reason\": \"pilot of the model server\"}").status()).isEqualTo(201);
        ApiClient.Response item = nora.post("/api/v1/items", "{\"workType\": \"campaign\", \"title\": \"CFO webinars\", "
                + "\"fields\": " + WorkApiIT.BRIEF + "}");
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        String itemId = (String) item.json().get("id");
        FAKE.content = """
                {"variants": [{"segment": "Fintech CFOs", "headline": "Close the quarter faster", "body": "See how peers cut close time."},
                 {"segment": "Agency founders", "headline": "Bill clients sooner", "body": "Invoices out the day work ends."}]}
                """;
        long beforeVariants = events();
        ApiClient.Response variants = nora.post("/api/v1/assist/items/" + itemId + "/variants",
                "{\"segments\": [\"Fintech CFOs\", \"Agency founders\"]}");
        assertThat(variants.status()).as(variants.body()).isEqualTo(201);
        assertThat(variants.json()).containsEntry("available", true).containsEntry("provider", "openai-compatible:fake-model")
                .containsEntry("subject", itemId).containsEntry("override", "pilot of the model server");
        List<Object> written = AssistApiIT.list(variants.json().get("variants"));
        assertThat(written).hasSize(2);
        assertThat(map(written.get(0))).containsEntry("segment", "Fintech CFOs")
                .containsEntry("headline", "Close the quarter faster").containsEntry("source", "ai:fake-model");
        assertThat(FAKE.requests).singleElement().satisfies(sent -> assertThat(sent).contains("message_variants",
                "Agency founders", "CFO webinars"));
        // each variant a draft offered, as a brief draft is: two DraftOffered, counted by the ledger
        assertThat(events()).isEqualTo(beforeVariants + 2);
        List<Object> drafts = AssistApiIT.list(variants.json().get("drafts"));
        assertThat(nora.get("/api/v1/assist/drafts/" + drafts.get(1)).json()).containsEntry("assistant", "message-variants")
                .containsEntry("offeredTo", "nora.haddad").containsEntry("workType", "campaign");
        assertThat(AssistApiIT.list(nora.get("/api/v1/assist/ledger").json().get("ledger")).stream().map(AssistProviderIT::map)
                .filter(r -> "message-variants".equals(r.get("assistant"))).findFirst().orElseThrow().get("offered"))
                .isEqualTo(2);
        FAKE.requests.clear();

        FAKE.content = ANSWER;
        ApiClient.Response offered = nora.post("/api/v1/assist/drafts", "{\"workType\": \"campaign\", \"request\": "
                + "\"LinkedIn campaign for fintech CFOs from 1 March, $20k, Nora owns it\"}");
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        assertThat(offered.json()).containsEntry("provider", "openai-compatible:fake-model");
        Map<String, Object> fields = map(map(offered.json().get("draft")).get("fields"));
        assertThat(map(fields.get("segment"))).containsEntry("value", "Fintech CFOs in the UK")
                .containsEntry("source", "ai:fake-model");
        assertThat(map(fields.get("channel-mix")).get("value")).isEqualTo(List.of("LinkedIn", "webinar"));
        assertThat(FAKE.requests).singleElement().satisfies(sent -> assertThat(sent).contains("campaign-brief",
                "LinkedIn campaign for fintech CFOs"));
        // the draft as recorded names the provider too
        String id = (String) offered.json().get("id");
        assertThat(nora.get("/api/v1/assist/drafts/" + id).json()).containsEntry("provider", "openai-compatible:fake-model")
                .containsEntry("offeredTo", "nora.haddad");
        List<String> usage = Files.readAllLines(USAGE);
        assertThat(usage).hasSize(2).last().satisfies(line -> assertThat(line).contains("\"who\":\"nora.haddad\"",
                "\"outcome\":\"ok\"", "\"inputTokens\":120", "\"outputTokens\":40", "\"workType\":\"campaign\""));

        // the model server rate-limits: a problem saying so, nothing recorded, the call in the usage log
        long before = events();
        FAKE.status = 429;
        ApiClient.Response limited = nora.post("/api/v1/assist/drafts", "{\"workType\": \"campaign\", \"request\": "
                + "\"A webinar for CFOs\"}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(limited.json()).containsEntry("failure", "rate-limited").containsEntry("provider", "openai-compatible:fake-model");
        assertThat((String) limited.json().get("detail")).startsWith("The model server http://127.0.0.1:")
                .contains("too many requests (HTTP 429)").endsWith("no draft was made.");
        assertThat(events()).as("no DraftOffered").isEqualTo(before);

        // three calls were made this month (the variants, the draft, the limited one), the budget's three: the third is refused before anything is sent
        FAKE.status = 200;
        ApiClient.Response over = nora.post("/api/v1/assist/drafts", "{\"workType\": \"campaign\", \"request\": "
                + "\"A webinar for CFOs\"}");
        assertThat(over.status()).as(over.body()).isEqualTo(429);
        assertThat(over.json()).containsEntry("failure", "out-of-budget");
        assertThat((String) over.json().get("detail")).startsWith("The monthly AI budget is used up: 3 of 3 calls made in ")
                .endsWith("nothing was sent, no draft was made.");
        assertThat(FAKE.requests).as("nothing sent past the budget").hasSize(2);
        assertThat(events()).isEqualTo(before);

        // the intake page says where drafts go, and shows the failure as a sentence with the request kept
        Browserless page = new Browserless(port, "198.51.100.160");
        assertThat(page.signIn("nora", "baton-demo")).doesNotContain("signin");
        assertThat(page.get("/assist/intake").body()).contains("Drafted by the model server the admins configured "
                + "(openai-compatible:fake-model)");
        java.net.http.HttpResponse<String> refused = page.post("/assist/intake", "/assist/intake/draft",
                Map.of("workType", "campaign", "request", "A webinar for CFOs", "key", "page-draft-1"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).contains("id=\"problem\"", "The monthly AI budget is used up: 3 of 3 calls",
                "try again later", "A webinar for CFOs");
        assertThat(events()).isEqualTo(before);
        assertThat(Files.readAllLines(USAGE)).hasSize(5).last().asString().contains("\"outcome\":\"out-of-budget\"",
                "\"who\":\"nora.haddad\"");
    }
}
