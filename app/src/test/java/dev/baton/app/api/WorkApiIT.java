package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Work through the REST API on the B2B SaaS example (loaded by --demo), over real HTTP, on a real
 * PostgreSQL: the whole campaign lifecycle, decision rights, optimistic concurrency, idempotent
 * retries, bad input, roles, intake and the event feed.
 */
class WorkApiIT extends DemoServer {

    static final AtomicInteger IDS = new AtomicInteger();

    static final String BRIEF = """
            {"campaign-name": "Spring webinar series", "objective": "Pipeline from mid-market accounts",
             "segment": "Mid-market SaaS", "primary-metric": "pipeline", "channel-mix": ["email", "paid-social"],
             "start-date": "2026-04-01", "reach": 4000, "impact": 2, "confidence": 80, "effort": 5}""";

    ApiClient nobody;
    ApiClient nora;
    ApiClient maya;
    ApiClient jon;
    ApiClient dev;
    ApiClient alex;
    ApiClient tomas;

    @BeforeEach
    void clients() {
        nobody = nobody();
        nora = user("nora");
        maya = user("maya");
        jon = user("jon");
        dev = user("dev");
        alex = user("alex");
        tomas = user("tomas");
    }

    String createCampaign() {
        String id = "campaign-" + IDS.incrementAndGet();
        ApiClient.Response created = nora.post("/api/v1/items", """
                {"id": "%s", "workType": "campaign", "title": "Spring webinars", "fields": %s}""".formatted(id, BRIEF));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/v1/items/" + id);
        return id;
    }

    ApiClient.Response ok(ApiClient as, String id, String command, String body) {
        ApiClient.Response response = as.post("/api/v1/items/" + id + "/" + command, body);
        assertThat(response.status()).as(command + ": " + response.body()).isEqualTo(200);
        return response;
    }

    Map<String, Object> item(String id) {
        return maya.get("/api/v1/items/" + id).json();
    }

    long version(String id) {
        return ((Number) item(id).get("version")).longValue();
    }

    long eventCount() {
        return ((Number) nobody.get("/api/health").json().get("events")).longValue();
    }

    @Test
    void aCampaignGoesFromCreatedThroughItsGateAndABouncedHandoffToCompleted() {
        String id = createCampaign();
        ok(nora, id, "assign-owner", "{\"owner\": \"nora.haddad\"}");
        ok(nora, id, "move-to", "{\"stage\": \"brief-review\"}");
        ok(nora, id, "request-approval", "");
        assertThat(maya.get("/api/v1/approvals?approver=maya.chen").list())
                .singleElement().satisfies(a -> assertThat(a).containsEntry("itemId", id).containsEntry("stage", "brief-review"));

        ApiClient.Response early = jon.post("/api/v1/items/" + id + "/move-to", "{\"stage\": \"build\"}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json()).containsEntry("code", "approval-missing");
        assertThat((String) early.json().get("detail")).contains("needs approval from Nora Haddad and Maya Chen before Build");
        assertThat((String) early.json().get("detail")).contains("Nora Haddad and Maya Chen have not approved");

        long before = version(id);
        ApiClient.Response wrong = alex.post("/api/v1/items/" + id + "/approve", "{\"comment\": \"LGTM\"}");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json()).containsEntry("code", "not-allowed");
        assertThat((String) wrong.json().get("detail")).contains("Only Nora Haddad or Maya Chen can approve");
        assertThat(version(id)).isEqualTo(before);

        ok(nora, id, "approve", "{}");
        ok(maya, id, "approve", "{\"comment\": \"Messaging matches the launch\"}");
        assertThat(maya.get("/api/v1/approvals?approver=maya.chen").list()).isEmpty();
        ok(jon, id, "move-to", "{\"stage\": \"build\"}");
        ok(jon, id, "update-fields", """
                {"fields": {"landing-page": "https://northwind.example/webinars", "utm-plan": "https://northwind.example/utm"}}""");
        ok(jon, id, "move-to", "{\"stage\": \"qa\"}");
        ok(jon, id, "approve", "{\"comment\": \"Links and tracking work\"}");
        ok(jon, id, "move-to", "{\"stage\": \"live\"}");
        ok(nora, id, "update-fields", "{\"fields\": {\"budget\": 12000}}");
        ok(jon, id, "move-to", "{\"stage\": \"results\"}");
        assertThat(item(id)).containsEntry("stage", "live").extractingByKey("pendingHandoff").isNotNull();
        assertThat(dev.get("/api/v1/handoffs?to=ops").list()).singleElement()
                .satisfies(h -> assertThat(h).containsEntry("itemId", id).containsEntry("fromFunction", "demand-gen"));

        ok(dev, id, "reject-handoff", "{\"reason\": \"The UTM plan has no campaign parameter\"}");
        assertThat(dev.get("/api/v1/handoffs?to=ops").list()).isEmpty();
        ok(jon, id, "update-fields", "{\"fields\": {\"utm-plan\": \"https://northwind.example/utm?utm_campaign=spring\"}}");
        ok(jon, id, "hand-off", "{}");
        ok(dev, id, "accept-handoff", "");
        ApiClient.Response completed = ok(dev, id, "complete", "");
        assertThat(completed.raw().headers().firstValue("ETag")).isPresent();

        Map<String, Object> done = item(id);
        assertThat(done).containsEntry("completed", true).containsEntry("stage", "results");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) done.get("timeline");
        assertThat(timeline).extracting(e -> e.get("type")).containsSubsequence("ItemCreated", "ApprovalGranted",
                "HandoffSent", "HandoffRejected", "FieldsUpdated", "HandoffSent", "HandoffAccepted", "StageEntered",
                "ItemCompleted");
        assertThat(timeline).filteredOn(e -> "HandoffRejected".equals(e.get("type"))).singleElement()
                .satisfies(e -> assertThat(e.get("data").toString()).contains("The UTM plan has no campaign parameter"));
        assertThat(maya.get("/api/v1/items?workType=campaign&completed=true").list()).extracting(i -> i.get("id")).contains(id);
        assertThat(maya.get("/api/v1/items?stage=results&owner=nora.haddad").list()).extracting(i -> i.get("id")).contains(id);
    }

    @Test
    void aCommandOnAStaleVersionGets409WithTheCurrentVersion() {
        String id = createCampaign();
        ok(nora, id, "comment", "{\"text\": \"Kick-off on Monday\"}");
        long events = eventCount();

        ApiClient.Response stale = nora.post("/api/v1/items/" + id + "/comment", "{\"text\": \"late\"}", "If-Match", "\"1\"");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json()).containsEntry("code", "stale-version").containsEntry("currentVersion", 2);
        ApiClient.Response staleBody = nora.post("/api/v1/items/" + id + "/comment",
                "{\"text\": \"late\", \"expectedVersion\": 1}");
        assertThat(staleBody.status()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(events);

        ApiClient.Response current = nora.post("/api/v1/items/" + id + "/comment", "{\"text\": \"on time\"}", "If-Match", "\"2\"");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json()).containsEntry("version", 3);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyRecordsOneEvent() {
        String id = createCampaign();
        long events = eventCount();
        ApiClient.Response first = ok(nora, id, "comment", "{\"text\": \"once\"}");
        ApiClient.Response retry = nora.post("/api/v1/items/" + id + "/comment", "{\"text\": \"once\"}",
                "Idempotency-Key", "retry-1");
        ApiClient.Response retryAgain = nora.post("/api/v1/items/" + id + "/comment", "{\"text\": \"once\"}",
                "Idempotency-Key", "retry-1");
        assertThat(first.json()).containsEntry("replayed", false);
        assertThat(retry.json()).containsEntry("replayed", false);
        assertThat(retryAgain.status()).isEqualTo(200);
        assertThat(retryAgain.json()).containsEntry("replayed", true).containsEntry("version", retry.json().get("version"));
        assertThat(retryAgain.json().get("events")).isEqualTo(retry.json().get("events"));
        assertThat(eventCount()).isEqualTo(events + 2);

        ApiClient.Response created = nora.post("/api/v1/items", "{\"workType\": \"campaign\", \"title\": \"Once\", \"fields\": "
                + BRIEF + "}", "Idempotency-Key", "create-1");
        ApiClient.Response createdAgain = nora.post("/api/v1/items", "{\"workType\": \"campaign\", \"title\": \"Once\", \"fields\": "
                + BRIEF + "}", "Idempotency-Key", "create-1");
        assertThat(created.status()).isEqualTo(201);
        assertThat(createdAgain.json()).containsEntry("id", created.json().get("id")).containsEntry("replayed", true);
        assertThat(eventCount()).isEqualTo(events + 3);
    }

    @Test
    void badInputGetsAProblemDetailAndChangesNothing() {
        String id = createCampaign();
        long events = eventCount();
        long version = version(id);

        ApiClient.Response malformed = nora.post("/api/v1/items/" + id + "/move-to", "{\"stage\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json()).containsEntry("code", "malformed-json").containsKey("detail");

        ApiClient.Response wrongType = nora.post("/api/v1/items/" + id + "/move-to", "{\"stage\": 5}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json()).containsEntry("code", "invalid-input");
        assertThat((String) wrongType.json().get("detail")).isEqualTo("expected stage to be text, found the number 5");

        ApiClient.Response notAnObject = nora.post("/api/v1/items/" + id + "/comment", "[1, 2]");
        assertThat(notAnObject.json()).containsEntry("code", "invalid-input");

        ApiClient.Response noSuchTransition = nora.post("/api/v1/items/" + id + "/move-to", "{\"stage\": \"results\"}");
        assertThat(noSuchTransition.status()).isEqualTo(422);
        assertThat(noSuchTransition.json()).containsEntry("code", "transition-not-allowed");

        ApiClient.Response unknownField = nora.post("/api/v1/items/" + id + "/update-fields", "{\"fields\": {\"colour\": \"red\"}}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json()).containsEntry("code", "invalid-input");

        ApiClient.Response unknownCommand = nora.post("/api/v1/items/" + id + "/teleport", "{}");
        assertThat(unknownCommand.status()).isEqualTo(404);
        assertThat(unknownCommand.json()).containsEntry("code", "unknown-command");

        ApiClient.Response noItem = nora.post("/api/v1/items/nope/comment", "{\"text\": \"hi\"}");
        assertThat(noItem.status()).isEqualTo(404);

        ApiClient.Response badIfMatch = nora.post("/api/v1/items/" + id + "/comment", "{\"text\": \"x\"}", "If-Match", "soon");
        assertThat(badIfMatch.status()).isEqualTo(400);

        ApiClient.Response badCreate = nora.post("/api/v1/items", "{\"workType\": \"campaign\"}");
        assertThat(badCreate.status()).isEqualTo(400);
        assertThat(badCreate.json()).containsEntry("code", "invalid-input");

        // A key named twice is refused, never decided by whichever comes last.
        ApiClient.Response twice = nora.post("/api/v1/items", "{\"workType\": \"campaign\", \"workType\": \"launch\", "
                + "\"title\": \"Twice\", \"fields\": " + BRIEF + "}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json()).containsEntry("code", "malformed-json");
        assertThat((String) twice.json().get("detail")).contains("the key \"workType\" appears twice").contains("line 1");

        assertThat(nora.get("/api/v1/items?limit=abc").status()).isEqualTo(400);
        assertThat(nora.get("/api/v1/events?limit=0").status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(version(id)).isEqualTo(version);
    }

    @Test
    void aViewerReadsButCannotRunWorkAndNobodyUnsignedGetsIn() {
        String id = createCampaign();
        assertThat(tomas.get("/api/v1/items/" + id).status()).isEqualTo(200);
        ApiClient.Response viewer = tomas.post("/api/v1/items/" + id + "/comment", "{\"text\": \"hello\"}");
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.json()).containsEntry("code", "role-not-allowed");
        assertThat(nobody.post("/api/v1/items/" + id + "/comment", "{\"text\": \"hello\"}").status()).isEqualTo(401);
        assertThat(nobody.get("/api/v1/items").status()).isEqualTo(401);
        assertThat(nobody.get("/api/v1/events").status()).isEqualTo(401);
    }

    @Test
    void intakeRanksRequestsByRiceAndAnAcceptedRequestBecomesWork() {
        ApiClient.Response submitted = maya.post("/api/v1/intake/requests", """
                {"form": "campaign-request", "title": "Spring webinars", "fields": %s}""".formatted(BRIEF));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String request = (String) submitted.json().get("id");

        List<Map<String, Object>> queue = nora.get("/api/v1/intake/queue").list();
        assertThat(queue).filteredOn(q -> request.equals(q.get("id"))).singleElement().satisfies(q -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> score = (Map<String, Object>) q.get("score");
            assertThat(score).containsEntry("scheme", "rice").containsEntry("value", 1280.0);
            assertThat(score.get("formula")).isEqualTo("RICE = reach 4000 × impact 2 × confidence 0.8 / effort 5 = 1280");
            assertThat(score.get("inputs")).isEqualTo(Map.of("reach", 4000.0, "impact", 2.0, "confidence", 80.0, "effort", 5.0));
        });

        ApiClient.Response noReason = nora.post("/api/v1/intake/requests/" + request + "/decline", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        ApiClient.Response accepted = nora.post("/api/v1/intake/requests/" + request + "/accept",
                "{\"reason\": \"Fits the Q2 pipeline plan\"}", "If-Match", "\"1\"");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> state = (Map<String, Object>) accepted.json().get("state");
        assertThat(state).containsEntry("status", "accepted");
        String item = (String) state.get("itemId");
        assertThat(item(item)).containsEntry("fromRequest", request).containsEntry("stage", "brief");
        assertThat(nora.get("/api/v1/intake/requests?status=accepted").list()).extracting(r -> r.get("id")).contains(request);
        assertThat(nora.get("/api/v1/intake/queue").list()).extracting(q -> q.get("id")).doesNotContain(request);
    }

    @Test
    void theEventFeedPagesThroughEveryEventOnceInLogOrder() {
        createCampaign();
        createCampaign();
        long total = eventCount();
        List<Long> positions = new ArrayList<>();
        long after = 0;
        for (int page = 0; page < 1000; page++) {
            Map<String, Object> feed = maya.get("/api/v1/events?after=" + after + "&limit=3").json();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> events = (List<Map<String, Object>>) feed.get("events");
            events.forEach(e -> positions.add(((Number) e.get("position")).longValue()));
            after = ((Number) feed.get("next")).longValue();
            if (events.isEmpty()) {
                break;
            }
        }
        assertThat(positions).hasSize((int) total).isSorted().doesNotHaveDuplicates();
    }
}
