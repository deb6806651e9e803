package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.baton.client.ApiException;
import dev.baton.client.api.AccountApi;
import dev.baton.client.api.EventsApi;
import dev.baton.client.api.IntakeApi;
import dev.baton.client.api.ItemsApi;
import dev.baton.client.model.AssignOwner;
import dev.baton.client.model.CreateItem;
import dev.baton.client.model.Decision;
import dev.baton.client.model.Event;
import dev.baton.client.model.EventPage;
import dev.baton.client.model.ItemRecorded;
import dev.baton.client.model.ItemWithTimeline;
import dev.baton.client.model.MoveTo;
import dev.baton.client.model.OptionalReason;
import dev.baton.client.model.Problem;
import dev.baton.client.model.QueuedRequest;
import dev.baton.client.model.RequestRecorded;
import dev.baton.client.model.RequiredReason;
import dev.baton.client.model.SubmitRequest;
import dev.baton.client.model.TokenRequest;
import dev.baton.client.model.UpdateFields;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client openapi-generator makes from docs/openapi.json (at build time, Java "native" library)
 * drives the main path as a program would: a token from a password, a campaign through its gate, a
 * bounced handoff and completion, an intake request ranked and accepted, the event feed paged, and
 * a refusal read as a Problem. If the document lies about a shape, this client cannot read it.
 */
class GeneratedClientIT extends DemoServer {

    static final Map<String, Object> BRIEF = Map.of("campaign-name", "Generated-client webinars",
            "objective", "Pipeline from mid-market accounts", "segment", "Mid-market SaaS", "primary-metric", "pipeline",
            "channel-mix", List.of("email", "paid-social"), "start-date", "2026-04-01",
            "reach", 4000, "impact", 2, "confidence", 80, "effort", 5);

    dev.baton.client.ApiClient client(String authorization) {
        dev.baton.client.ApiClient client = new dev.baton.client.ApiClient();
        client.updateBaseUri("http://localhost:" + port);
        client.setRequestInterceptor(request -> request.header("Authorization", authorization));
        return client;
    }

    dev.baton.client.ApiClient withPassword(String user) {
        return client("Basic " + Base64.getEncoder().encodeToString((user + ":baton-demo").getBytes()));
    }

    /** A program signs in once with a password and works with the token from then on. */
    dev.baton.client.ApiClient withToken(String user) throws ApiException {
        String token = new AccountApi(withPassword(user)).issueToken(new TokenRequest().name("generated-client")).getToken();
        assertThat(token).startsWith("baton_");
        return client("Bearer " + token);
    }

    @Test
    void aCampaignRunsThroughItsGateAndABouncedHandoffToCompleted() throws Exception {
        ItemsApi nora = new ItemsApi(withToken("nora"));
        ItemsApi maya = new ItemsApi(withToken("maya"));
        ItemsApi jon = new ItemsApi(withToken("jon"));
        ItemsApi dev = new ItemsApi(withToken("dev"));
        assertThat(new AccountApi(withToken("jon")).me().getPerson()).isEqualTo("jon.ito");

        ItemRecorded created = nora.createItem(new CreateItem().id("generated-1").workType("campaign")
                .title("Generated-client webinars").fields(BRIEF), "generated-create-1");
        String id = created.getId();
        assertThat(created.getState().getStage()).isEqualTo("brief");
        nora.assignOwner(id, new AssignOwner().owner("nora.haddad"), null, null);
        nora.moveTo(id, new MoveTo().stage("brief-review"), null, null);
        nora.requestApproval(id, null, null, null);
        assertThat(maya.listApprovals("maya.chen")).extracting(a -> a.getItemId()).containsExactly(id);

        ApiException early = catchThrowableOfType(ApiException.class,
                () -> jon.moveTo(id, new MoveTo().stage("build"), null, null));
        assertThat(early.getCode()).isEqualTo(422);
        Problem problem = withPassword("jon").getObjectMapper().readValue(early.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo("approval-missing");
        assertThat(problem.getDetail()).contains("Nora Haddad and Maya Chen have not approved");

        long version = nora.getItem(id).getVersion();
        nora.approve(id, "\"" + version + "\"", null, new Decision());
        maya.approve(id, null, null, new Decision().comment("Messaging matches the launch"));
        jon.moveTo(id, new MoveTo().stage("build"), null, null);
        jon.updateFields(id, new UpdateFields().fields(Map.of("landing-page", "https://northwind.example/webinars",
                "utm-plan", "https://northwind.example/utm")), null, null);
        jon.moveTo(id, new MoveTo().stage("qa"), null, null);
        jon.approve(id, null, null, new Decision().comment("Links and tracking work"));
        jon.moveTo(id, new MoveTo().stage("live"), null, null);
        nora.updateFields(id, new UpdateFields().fields(Map.of("budget", 12000)), null, null);
        jon.moveTo(id, new MoveTo().stage("results"), null, null);
        assertThat(dev.listHandoffs("ops")).singleElement().satisfies(h -> {
            assertThat(h.getItemId()).isEqualTo(id);
            assertThat(h.getFromFunction()).isEqualTo("demand-gen");
        });
        dev.rejectHandoff(id, new RequiredReason().reason("The UTM plan has no campaign parameter"), null, null);
        jon.updateFields(id, new UpdateFields().fields(Map.of("utm-plan",
                "https://northwind.example/utm?utm_campaign=spring")), null, null);
        jon.handOff(id, null, null, null);
        dev.acceptHandoff(id, null, null, null);
        ItemRecorded completed = dev.complete(id, null, null, null);
        assertThat(completed.getState().getCompleted()).isTrue();

        ItemWithTimeline done = maya.getItem(id);
        assertThat(done.getStage()).isEqualTo("results");
        assertThat(done.getOwner()).isEqualTo("nora.haddad");
        assertThat(done.getTimeline()).extracting(Event::getType).containsSubsequence("ItemCreated", "ApprovalGranted",
                "HandoffSent", "HandoffRejected", "HandoffSent", "HandoffAccepted", "ItemCompleted");
        assertThat(maya.listItems("campaign", "results", "nora.haddad", null, null, true, 100, 0))
                .extracting(i -> i.getId()).contains(id);

        // a retry with the same key is answered from the first attempt, and says so
        ItemRecorded again = nora.createItem(new CreateItem().id("generated-1").workType("campaign")
                .title("Generated-client webinars").fields(BRIEF), "generated-create-1");
        assertThat(again.getReplayed()).isTrue();
        assertThat(again.getEvents()).hasSameSizeAs(created.getEvents());
    }

    @Test
    void anIntakeRequestIsRankedAcceptedAndBecomesWork() throws Exception {
        IntakeApi maya = new IntakeApi(withToken("maya"));
        IntakeApi nora = new IntakeApi(withToken("nora"));
        RequestRecorded submitted = maya.submitRequest(new SubmitRequest().form("campaign-request")
                .title("Generated-client webinars").fields(BRIEF), null);
        String request = submitted.getId();

        QueuedRequest queued = nora.getQueue().stream().filter(q -> q.getId().equals(request)).findFirst().orElseThrow();
        assertThat(queued.getScore().getScheme()).isEqualTo("rice");
        assertThat(queued.getScore().getValue()).isEqualByComparingTo(new BigDecimal("1280"));
        assertThat(queued.getScore().getFormula()).isEqualTo("RICE = reach 4000 × impact 2 × confidence 0.8 / effort 5 = 1280");

        RequestRecorded accepted = nora.acceptRequest(request, "\"1\"", null, new OptionalReason().reason("Fits the plan"));
        String item = accepted.getState().getItemId();
        assertThat(item).isNotBlank();
        assertThat(new ItemsApi(withToken("maya")).getItem(item).getFromRequest()).isEqualTo(request);
        assertThat(nora.getRequest(request).getTimeline()).extracting(Event::getType)
                .containsExactly("RequestSubmitted", "RequestAccepted");
    }

    @Test
    void theEventFeedPagesToTheEndEachEventOnce() throws Exception {
        // a viewer reads with a password: viewers issue no tokens
        EventsApi events = new EventsApi(withPassword("tomas"));
        List<Long> positions = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 10_000; page++) {
            EventPage feed = events.getEvents(after, 1000);
            feed.getEvents().forEach(e -> positions.add(e.getPosition()));
            after = feed.getNext();
            if (!feed.getMore()) {
                break;
            }
        }
        // every event the log holds, each once: the feed reached its end
        long total = new dev.baton.client.api.OperationsApi(withPassword("tomas")).health().getEvents();
        assertThat(positions).hasSize((int) total).isSorted().doesNotHaveDuplicates();
    }
}
