package dev.baton.assist.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.assist.Assist;
import dev.baton.assist.gate.GateCondition;
import dev.baton.assist.variants.MessageVariant;
import dev.baton.assist.variants.MessageVariants;
import dev.baton.assist.variants.VariantRequest;
import dev.baton.model.Component;
import dev.baton.model.OperatingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Message variants per audience segment: written by a configured model (a fake server on
 * loopback), never offline, only where audience and messaging have an owner, and all or none.
 */
class MessageVariantsTest extends WithFakeServer {

    static final OperatingModel MODEL = OpenAiCompatibleProviderTest.MODEL;
    static final String BRIEF = """
            Fintech CFO LinkedIn push
            objective: Grow pipeline with finance leaders by showing month-end close in 3 days
            segment: Finance leaders
            """;
    static final String ANSWER = """
            {"variants": [
              {"segment": "fintech CFOs", "headline": "Close the month in 3 days", "body": "Your board wants numbers sooner. Close in 3 days."},
              {"segment": "healthcare controllers", "headline": "Month-end without the overtime", "body": "Close in 3 days, audit trail included."}
            ]}
            """;

    private OpenAiCompatibleProvider provider(Budget budget, Duration timeout) {
        return new OpenAiCompatibleProvider(new OpenAiSettings(server.baseUrl(), "fake-model", null, timeout),
                budget, usage, OpenAiCompatibleProviderTest.CLOCK, name -> null);
    }

    private static VariantRequest request(OperatingModel model) {
        return new VariantRequest(model, "campaign", "item-12", BRIEF, List.of("fintech CFOs", " healthcare controllers", "Fintech CFOs"));
    }

    @Test
    void aConfiguredModelWritesOneDraftPerSegmentInTheSegmentsOrder() throws Exception {
        server.content = ANSWER;
        MessageVariants result = Assist.variants(request(MODEL), provider(Budget.UNLIMITED, Duration.ofSeconds(10)), "maya.chen");

        assertThat(result.available()).isTrue();
        assertThat(result.provider()).isEqualTo("openai-compatible:fake-model");
        assertThat(result.variants()).extracting(MessageVariant::segment).containsExactly("fintech CFOs", "healthcare controllers");
        assertThat(result.variants().get(0)).isEqualTo(new MessageVariant("fintech CFOs", "Close the month in 3 days",
                "Your board wants numbers sooner. Close in 3 days.", "ai:fake-model"));
        assertThat(result.variants().get(1).fields()).containsOnlyKeys("segment", "headline", "body");
        assertThat(result.foundations()).extracting(GateCondition::reason)
                .containsExactly("audience is owned by pmm", "messaging is owned by maya.chen");
        // Segments went as an enum of a strict schema; the brief as the user's message, nothing else of the log.
        String sent = server.requests.get(0).replaceAll("\\s+", "");
        assertThat(sent).contains("\"message_variants\"", "\"strict\":true", "\"enum\":[\"fintechCFOs\",\"healthcarecontrollers\"]",
                "month-endclosein3days");
        assertThat(usage.all()).singleElement().satisfies(u -> {
            assertThat(u.assistant()).isEqualTo("message-variants");
            assertThat(u.workType()).isEqualTo("campaign");
            assertThat(u.outcome()).isEqualTo("ok");
            assertThat(u.tokens()).isEqualTo(160);
        });
    }

    @Test
    void offlineBatonSaysItWritesNoneRatherThanFakeThem() throws Exception {
        MessageVariants result = Assist.variants(request(MODEL), new OfflineProvider(), "maya.chen");
        assertThat(result.available()).isFalse();
        assertThat(result.variants()).isEmpty();
        assertThat(result.reason()).contains("need a configured model", "--ai-url", "rather than fake them");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void withoutASingleOwnerOfAudienceAndMessagingNothingIsOfferedOrSent() throws Exception {
        List<Component> components = new ArrayList<>();
        for (Component c : MODEL.components()) {
            if (c.id().equals("messaging")) {
                components.add(new Component("messaging", c.name(), List.of("maya.chen", "leo.okafor")));
            } else if (!c.id().equals("audience")) {
                components.add(c);
            }
        }
        OperatingModel unowned = new OperatingModel(MODEL.apiVersion(), MODEL.name(), MODEL.version(), MODEL.functions(),
                MODEL.teams(), MODEL.people(), components, MODEL.metrics(), MODEL.templates(), MODEL.workTypes(),
                MODEL.handoffs(), MODEL.intake(), MODEL.debt());
        server.content = ANSWER;
        MessageVariants result = Assist.variants(request(unowned), provider(Budget.UNLIMITED, Duration.ofSeconds(10)), "maya.chen");

        assertThat(result.available()).isFalse();
        assertThat(result.reason()).contains("the model declares no audience component",
                "the messaging component has 2 owners (maya.chen, leo.okafor)", "fix: declare the audience component");
        assertThat(result.foundations()).extracting(GateCondition::pass).containsExactly(false, false);
        assertThat(server.requests).isEmpty();
        assertThat(usage.all()).isEmpty();
    }

    @Test
    void segmentsAreNamedOnceAndBounded() {
        assertThat(request(MODEL).segments()).containsExactly("fintech CFOs", "healthcare controllers");
        assertThatThrownBy(() -> VariantRequest.segments(List.of(" ", "")))
                .hasMessage("expected at least one audience segment, found none");
        assertThatThrownBy(() -> VariantRequest.segments(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k")))
                .hasMessage("expected at most 10 audience segments, found 11");
    }

    @Test
    void aSlowServerIsATimeoutAndNoVariant() {
        server.content = ANSWER;
        server.delayMillis = 3_000;
        assertThatThrownBy(() -> Assist.variants(request(MODEL), provider(Budget.UNLIMITED, Duration.ofMillis(300)), "maya.chen"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ProviderException.Failure.TIMEOUT);
                    assertThat(e.getMessage()).contains("did not answer within 300 ms", "no draft was made");
                });
        assertThat(usage.all()).extracting(Usage::outcome).containsExactly("timeout");
    }

    @Test
    void http429IsRateLimitedAndNotRetried() {
        server.status = 429;
        assertThatThrownBy(() -> Assist.variants(request(MODEL), provider(Budget.UNLIMITED, Duration.ofSeconds(10)), "maya.chen"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ProviderException.Failure.RATE_LIMITED);
                    assertThat(e.getMessage()).contains("HTTP 429", "no draft was made");
                });
        assertThat(server.requests).hasSize(1);
        assertThat(usage.all()).extracting(Usage::outcome).containsExactly("rate-limited");
    }

    @Test
    void anAnswerThatMissesASegmentOrAddsOneIsMalformedAndNothingIsKept() {
        OpenAiCompatibleProvider provider = provider(Budget.UNLIMITED, Duration.ofSeconds(10));
        Map<String, String> answers = Map.of(
                "Here are your variants: {\"variants\": [", "the answer is not JSON",
                "{\"variants\": [{\"segment\": \"fintech CFOs\", \"headline\": \"Close fast\", \"body\": \"Close in 3 days.\"}]}",
                "no variant for healthcare controllers",
                ANSWER.replace("\"healthcare controllers\"", "\"retail CMOs\""),
                "a variant for 'retail CMOs', which is not one of the segments asked for",
                ANSWER.replace("\"healthcare controllers\"", "\"fintech CFOs\""), "two variants for 'fintech CFOs'",
                ANSWER.replace("\"Month-end without the overtime\"", "\"\""), "a variant without a headline",
                "{\"segments\": []}", "not a JSON object with a list of variants");
        answers.forEach((answer, expected) -> {
            server.content = answer;
            assertThatThrownBy(() -> Assist.variants(request(MODEL), provider, "maya.chen"))
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.failure()).isEqualTo(ProviderException.Failure.MALFORMED);
                        assertThat(e.getMessage()).contains("the model's answer is malformed", expected, "no draft was made");
                    });
        });
        // Each call that was made counts, with its tokens, though nothing of it was kept.
        assertThat(usage.all()).hasSize(answers.size()).allMatch(u -> u.outcome().equals("malformed") && u.tokens() == 160);
    }

    @Test
    void aUsedUpBudgetSendsNothing() throws Exception {
        server.content = ANSWER;
        OpenAiCompatibleProvider provider = provider(new Budget(1L, null), Duration.ofSeconds(10));
        assertThat(Assist.variants(request(MODEL), provider, "maya.chen").variants()).hasSize(2);
        assertThatThrownBy(() -> Assist.variants(request(MODEL), provider, "maya.chen"))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.failure()).isEqualTo(ProviderException.Failure.OUT_OF_BUDGET);
                    assertThat(e.getMessage()).contains("1 of 1 calls made in 2026-02", "nothing was sent");
                });
        assertThat(server.requests).hasSize(1);
        assertThat(usage.all()).extracting(Usage::outcome).containsExactly("ok", "out-of-budget");
    }
}
