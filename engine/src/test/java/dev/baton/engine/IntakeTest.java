package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.CommandResult.Recorded;
import dev.baton.engine.CommandResult.Rejected;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.intake.IntakeCommand.AcceptRequest;
import dev.baton.engine.intake.IntakeCommand.DeclineRequest;
import dev.baton.engine.intake.IntakeCommand.DeferRequest;
import dev.baton.engine.intake.IntakeCommand.SubmitRequest;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.intake.IntakeRequest;
import dev.baton.engine.intake.QueuedRequest;
import dev.baton.engine.intake.RequestId;
import dev.baton.engine.intake.RequestStatus;
import dev.baton.engine.item.WorkItemId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Intake on the B2B SaaS example: content requests ranked by RICE, accepted, declined or deferred. */
class IntakeTest {

    final Northwind n = new Northwind();

    static Map<String, Object> contentRequest(double reach, double impact, double confidence, double effort) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", "Customer story: Acme");
        fields.put("requester", "alex.morgan");
        fields.put("asset-type", "blog-post");
        fields.put("context", "Acme cut their cloud bill by a fifth");
        fields.put("due-date", "2026-04-15");
        fields.put("reach", reach);
        fields.put("impact", impact);
        fields.put("confidence", confidence);
        fields.put("effort", effort);
        return fields;
    }

    CommandResult submit(String id, String person, Map<String, Object> fields) {
        return n.engine.submit(new RequestId(id), n.next(), new Actor(person),
                new SubmitRequest("content-request", "Request " + id, fields));
    }

    CommandResult decide(String id, String person, dev.baton.engine.intake.IntakeCommand command) {
        return n.engine.decide(new RequestId(id), null, n.next(), new Actor(person), command);
    }

    @Test
    void theQueueIsRankedByRice() {
        submit("r-low", "alex.morgan", contentRequest(100, 1, 50, 4));     // 12.5
        submit("r-high", "rita.santos", contentRequest(2000, 2, 80, 2));   // 1600
        submit("r-mid", "leo.okafor", contentRequest(500, 1, 100, 1));     // 500

        assertThat(n.engine.queue()).extracting(q -> q.request().id().value(), q -> q.score().value(), QueuedRequest::rank)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r-high", 1600.0, 1),
                        org.assertj.core.groups.Tuple.tuple("r-mid", 500.0, 2),
                        org.assertj.core.groups.Tuple.tuple("r-low", 12.5, 3));
    }

    @Test
    void acceptingCreatesTheItemThroughTheCreateCommand() {
        submit("r1", "alex.morgan", contentRequest(100, 1, 50, 4));
        Recorded accepted = (Recorded) decide("r1", "sam.rivera", new AcceptRequest("Good story"));

        IntakeEvent.RequestAccepted event = (IntakeEvent.RequestAccepted) accepted.events().get(0).event();
        var item = n.engine.item(new WorkItemId(event.itemId())).orElseThrow();
        assertThat(item.workType()).isEqualTo("asset");
        assertThat(item.stage()).isEqualTo("triage");
        assertThat(item.title()).isEqualTo("Request r1");
        assertThat(item.fromRequest()).isEqualTo("r1");
        // Only the fields the asset's creative brief has come along.
        assertThat(item.fields()).containsOnlyKeys("asset-type", "due-date");
        assertThat(n.engine.history(item.id()).get(0).actor()).isEqualTo("sam.rivera");
        assertThat(n.engine.request(new RequestId("r1")).orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RequestStatus.ACCEPTED);
            assertThat(r.itemId()).isEqualTo(item.id().value());
            assertThat(r.reason()).isEqualTo("Good story");
        });
        assertThat(n.engine.queue()).isEmpty();

        Rejected again = (Rejected) decide("r1", "sam.rivera", new AcceptRequest(null));
        assertThat(again.rejection()).isEqualTo(new Rejection(Code.WRONG_STATE,
                "This request was already accepted (it became " + item.id() + ")"));
    }

    @Test
    void aRetriedAcceptCreatesOneItem() {
        submit("r1", "alex.morgan", contentRequest(100, 1, 50, 4));
        CommandResult first = n.engine.decide(new RequestId("r1"), 1L, "accept-1", new Actor("sam.rivera"),
                new AcceptRequest(null));
        CommandResult retry = n.engine.decide(new RequestId("r1"), 1L, "accept-1", new Actor("sam.rivera"),
                new AcceptRequest(null));
        assertThat(((Recorded) retry).replayed()).isTrue();
        assertThat(((Recorded) retry).events()).isEqualTo(((Recorded) first).events());
        assertThat(n.engine.items(dev.baton.engine.item.ItemFilter.ALL)).hasSize(1);
    }

    @Test
    void anAcceptThatLosesTheRaceOnItsRequestRecordsNoItem() {
        submit("r1", "alex.morgan", contentRequest(100, 1, 50, 4));
        // Another process declines the request behind this engine's back: the engine still sees version 1.
        n.engine.store().append("r1", 1, "elsewhere", java.util.List.of(new dev.baton.engine.event.PendingEvent(
                n.clock.instant(), "sam.rivera", "content", 1, new IntakeEvent.RequestDeclined("Duplicate"))));
        long before = n.engine.store().readAll(0, 100).size();

        Rejected lost = (Rejected) n.engine.decide(new RequestId("r1"), null, "accept-1", new Actor("sam.rivera"),
                new AcceptRequest(null));

        // Decided again on the request as the store has it: declined already, so nothing to accept.
        assertThat(lost.rejection().code()).isEqualTo(Code.WRONG_STATE);
        assertThat(lost.rejection().sentence()).containsIgnoringCase("declined");
        assertThat(n.engine.store().readAll(0, 100)).hasSize((int) before);
        assertThat(n.engine.store().byCommandId("accept-1:item")).isEmpty();
        assertThat(n.engine.items(dev.baton.engine.item.ItemFilter.ALL)).isEmpty();
        assertThat(n.engine.request(new RequestId("r1")).orElseThrow().status()).isEqualTo(RequestStatus.DECLINED);
    }

    @Test
    void declineAndDeferNeedAReasonAndDeferredRequestsComeBackOnTheirDate() {
        submit("r1", "alex.morgan", contentRequest(100, 1, 50, 4));
        submit("r2", "alex.morgan", contentRequest(200, 1, 50, 4));
        assertThat(((Rejected) decide("r1", "sam.rivera", new DeclineRequest(" "))).rejection())
                .isEqualTo(new Rejection(Code.INVALID_INPUT, "Declining needs a reason the requester will read"));
        assertThat(((Rejected) decide("r2", "sam.rivera", new DeferRequest("2026-03-01", "Later"))).rejection())
                .isEqualTo(new Rejection(Code.INVALID_INPUT, "Defer until a date after today (2026-03-02), not 2026-03-01"));
        assertThat(((Rejected) decide("r2", "sam.rivera", new DeferRequest("soon", "Later"))).rejection().code())
                .isEqualTo(Code.INVALID_INPUT);

        decide("r1", "sam.rivera", new DeclineRequest("We covered Acme last month"));
        decide("r2", "sam.rivera", new DeferRequest("2026-03-09", "After the launch"));
        assertThat(n.engine.queue()).isEmpty();
        IntakeRequest deferred = n.engine.request(new RequestId("r2")).orElseThrow();
        assertThat(deferred.status()).isEqualTo(RequestStatus.DEFERRED);
        assertThat(deferred.deferredUntil()).hasToString("2026-03-09");

        n.clock.advance(Duration.ofDays(7));
        assertThat(n.engine.queue()).extracting(q -> q.request().id().value()).containsExactly("r2");
        assertThat(decide("r2", "sam.rivera", new AcceptRequest(null)).rejected()).isFalse();
    }

    @Test
    void submissionsAreCheckedAgainstTheFormsTemplate() {
        Map<String, Object> fields = contentRequest(100, 1, 50, 0);
        fields.remove("context");
        fields.put("asset-type", "podcast");
        fields.put("reach", "many");
        Rejected r = (Rejected) submit("r1", "alex.morgan", fields);
        assertThat(r.rejection().code()).isEqualTo(Code.INVALID_INPUT);
        assertThat(r.rejection().sentence()).isEqualTo("Asset type must be one of blog-post, ebook, one-pager, video, "
                + "email, landing-page or social, not 'podcast'; Reach must be a number, not 'many'; "
                + "'Request content' needs Context; effort must be more than 0: the rice score divides by it");
        assertThat(n.engine.requests()).isEmpty();
        assertThat(n.engine.store().readAll(0, 10)).isEmpty();
    }

    @Test
    void whoMaySubmitAndWhoMayDecide() {
        Rejected outsider = (Rejected) submit("r1", "dev.patel", contentRequest(1, 1, 1, 1));
        assertThat(outsider.rejection()).isEqualTo(new Rejection(Code.NOT_ALLOWED, "Only Product marketing, Demand "
                + "generation, Sales, Customer success or Product management can submit 'Request content'; "
                + "Dev Patel is not one of them"));
        submit("r1", "alex.morgan", contentRequest(1, 1, 1, 1));
        Rejected decider = (Rejected) decide("r1", "alex.morgan", new AcceptRequest(null));
        assertThat(decider.rejection()).isEqualTo(new Rejection(Code.NOT_ALLOWED,
                "Only Sam Rivera can decide on requests for a content asset; Alex Morgan can't"));
        assertThat(((Rejected) n.engine.submit(null, "x", new Actor("alex.morgan"),
                new SubmitRequest("podcast-request", "x", Map.of()))).rejection().code()).isEqualTo(Code.NOT_FOUND);
        assertThat(((Rejected) decide("r404", "sam.rivera", new AcceptRequest(null))).rejection())
                .isEqualTo(new Rejection(Code.NOT_FOUND, "There is no intake request 'r404'"));
    }

    @Test
    void aStaleDecisionIsRejected() {
        submit("r1", "alex.morgan", contentRequest(1, 1, 1, 1));
        Rejected r = (Rejected) n.engine.decide(new RequestId("r1"), 0L, "d1", new Actor("sam.rivera"),
                new DeclineRequest("No"));
        assertThat(r.rejection().code()).isEqualTo(Code.STALE_VERSION);
        assertThat(r.version()).isEqualTo(1);
    }

    @Test
    void aRestartedEngineCatchesUpFromTheStore() {
        submit("r1", "alex.morgan", contentRequest(100, 1, 50, 4));
        decide("r1", "sam.rivera", new AcceptRequest(null));
        submit("r2", "alex.morgan", contentRequest(100, 1, 50, 4));

        Engine restarted = new Engine(n.engine.store(), n.versions, n.clock);

        assertThat(restarted.requests()).extracting(IntakeRequest::status)
                .containsExactly(RequestStatus.ACCEPTED, RequestStatus.OPEN);
        assertThat(restarted.queue()).hasSize(1);
        assertThat(restarted.items(dev.baton.engine.item.ItemFilter.ALL)).hasSize(1)
                .first().satisfies(i -> assertThat(i.fromRequest()).isEqualTo("r1"));
    }
}
