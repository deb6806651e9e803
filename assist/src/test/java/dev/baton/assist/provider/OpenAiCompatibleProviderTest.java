package dev.baton.assist.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.assist.Examples;
import dev.baton.assist.draft.BriefDraft;
import dev.baton.assist.draft.DraftField;
import dev.baton.assist.draft.DraftRequest;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI-compatible route against a fake server on loopback: a draft, and each way it fails without one. */
class OpenAiCompatibleProviderTest extends WithFakeServer {

    static final OperatingModel MODEL = Examples.b2b();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC);
    static final String ANSWER = """
            {"campaign-name": "Fintech CFO LinkedIn push", "objective": "Grow pipeline with fintech CFOs",
             "segment": "Fintech CFOs in the UK", "primary-metric": "pipeline", "channel-mix": ["LinkedIn", "webinar"],
             "start-date": "2026-03-01", "end-date": null, "budget": 20000, "campaign-owner": "nora.haddad",
             "utm-plan": null, "landing-page": null, "reach": null, "impact": null, "confidence": null, "effort": null}
            """;

    private OpenAiCompatibleProvider provider(Budget budget, Duration timeout) {
        return new OpenAiCompatibleProvider(new OpenAiSettings(server.baseUrl(), "fake-model", "BATON_TEST_KEY", timeout),
                budget, usage, CLOCK, Map.of("BATON_TEST_KEY", "sk-test")::get);
    }

    private static DraftRequest request() {
        WorkType campaign = MODEL.workType("campaign").orElseThrow();
        return new DraftRequest(MODEL, campaign, MODEL.template("campaign-brief").orElseThrow(),
                "LinkedIn campaign for fintech CFOs from 1 March, $20k, Nora owns it", List.of(),
                LocalDate.of(2026, 2, 10), Set.of());
    }

    @Test
    void theModelsAnswerBecomesADraftBoundToTheTemplate() throws Exception {
        server.content = ANSWER;
        BriefDraft draft = provider(Budget.UNLIMITED, Duration.ofSeconds(10)).draft(request(), "nora.haddad");

        assertThat(draft.fields().get("segment")).isEqualTo(new DraftField("Fintech CFOs in the UK", "ai:fake-model"));
        assertThat(draft.fields().get("budget").value()).isEqualTo(20000.0);
        assertThat(draft.fields().get("channel-mix").value()).isEqualTo(List.of("LinkedIn", "webinar"));
        assertThat(draft.missing()).containsExactly("reach", "impact", "confidence", "effort");
        // The template went as a strict JSON schema, every field nullable, people as their ids; the key as a bearer token.
        String sent = server.requests.get(0).replaceAll("\\s+", "");
        assertThat(sent).contains("\"json_schema\"", "\"strict\":true", "\"campaign-brief\"", "\"nora.haddad\"", "\"null\"");
        assertThat(usage.all()).singleElement().satisfies(u -> {
            assertThat(u.outcome()).isEqualTo("ok");
            assertThat(u.who()).isEqualTo("nora.haddad");
            assertThat(u.tokens()).isEqualTo(160);
            assertThat(u.provider()).isEqualTo("openai-compatible:fake-model");
        });
    }

    @Test
    void aSlowServerIsATimeoutAndNoDraft() {
        server.content = ANSWER;
        server.delayMillis = 3_000;
        assertThatThrownBy(() -> provider(Budget.UNLIMITED, Duration.ofMillis(300)).draft(request(), "maya.chen"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ProviderException.Failure.TIMEOUT);
                    assertThat(e.getMessage()).contains("did not answer within 300 ms", "no draft was made");
                });
        assertThat(usage.all()).extracting(Usage::outcome).containsExactly("timeout");
    }

    @Test
    void http429IsRateLimitedAndNotRetried() {
        server.status = 429;
        assertThatThrownBy(() -> provider(Budget.UNLIMITED, Duration.ofSeconds(10)).draft(request(), "maya.chen"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ProviderException.Failure.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("HTTP 429");
                });
        assertThat(server.requests).hasSize(1);
        assertThat(usage.all()).extracting(Usage::outcome).containsExactly("rate-limited");
    }

    @Test
    void anAnswerThatIsNotJsonOrNotTheTemplateIsMalformedAndNoDraft() {
        server.content = "Sure! Here is your brief: {\"segment\": ";
        assertThatThrownBy(() -> provider(Budget.UNLIMITED, Duration.ofSeconds(10)).draft(request(), "maya.chen"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ProviderException.Failure.MALFORMED);
                    assertThat(e.getMessage()).contains("not JSON", "no draft was made");
                });
        server.content = ANSWER.replace("\"2026-03-01\"", "\"next spring\"");
        assertThatThrownBy(() -> provider(Budget.UNLIMITED, Duration.ofSeconds(10)).draft(request(), "maya.chen"))
                .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.getMessage())
                        .contains("field 'start-date': expected a date YYYY-MM-DD, found \"next spring\""));
        // Calls that were made count, tokens included, whatever came back.
        assertThat(usage.all()).extracting(Usage::outcome).containsExactly("malformed", "malformed");
        assertThat(usage.all()).allMatch(u -> u.tokens() == 160);
    }

    @Test
    void aUsedUpBudgetSendsNothing() throws Exception {
        server.content = ANSWER;
        OpenAiCompatibleProvider provider = provider(new Budget(2L, null), Duration.ofSeconds(10));
        provider.draft(request(), "maya.chen");
        provider.draft(request(), "maya.chen");
        assertThatThrownBy(() -> provider.draft(request(), "maya.chen"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ProviderException.Failure.OUT_OF_BUDGET);
                    assertThat(e.getMessage()).contains("2 of 2 calls made in 2026-02", "nothing was sent");
                });
        assertThat(server.requests).hasSize(2);
        assertThat(usage.all()).extracting(Usage::outcome).containsExactly("ok", "ok", "out-of-budget");
        // A token cap counts the tokens of the month's calls.
        assertThatThrownBy(() -> provider(new Budget(null, 300L), Duration.ofSeconds(10)).draft(request(), "maya.chen"))
                .hasMessageContaining("320 of 300 tokens spent in 2026-02");
    }

    @Test
    void aMissingKeyVariableSendsNothing() {
        OpenAiCompatibleProvider provider = new OpenAiCompatibleProvider(new OpenAiSettings(server.baseUrl(), "fake-model",
                "BATON_UNSET_KEY", Duration.ofSeconds(5)), Budget.UNLIMITED, usage, CLOCK, name -> null);
        assertThatThrownBy(() -> provider.draft(request(), "maya.chen"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ProviderException.Failure.NOT_CONFIGURED);
                    assertThat(e.getMessage()).contains("BATON_UNSET_KEY");
                });
        assertThat(server.requests).isEmpty();
    }

    @Test
    void theUsageLogFileKeepsTheMonthAcrossRuns(@TempDir Path dir) throws Exception {
        server.content = ANSWER;
        Path file = dir.resolve("ai-usage.jsonl");
        usage = new UsageLogFile(file);
        provider(new Budget(1L, null), Duration.ofSeconds(10)).draft(request(), "maya.chen");
        usage = new UsageLogFile(file);
        assertThatThrownBy(() -> provider(new Budget(1L, null), Duration.ofSeconds(10)).draft(request(), "maya.chen"))
                .hasMessageContaining("1 of 1 calls made in 2026-02");
        assertThat(Files.readAllLines(file)).hasSize(2).first().asString()
                .contains("\"who\":\"maya.chen\"", "\"outcome\":\"ok\"", "\"latencyMillis\"");
    }
}
