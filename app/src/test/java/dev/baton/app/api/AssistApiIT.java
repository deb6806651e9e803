package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.security.Role;
import dev.baton.app.security.Users;
import dev.baton.app.web.DebtReports;
import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.assist.AssistEvent.DraftAccepted;
import dev.baton.engine.assist.AssistEvent.DraftDiscarded;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.Dimension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The assistants over real HTTP on a real PostgreSQL, on the demo's simulated quarter (where
 * campaigns are ready for AI and initiatives are not): the gate ready, not ready (409 naming each
 * failing condition and its fix) and overridden by an admin with a reason; brief drafts accepted
 * unchanged, accepted after edits (the item created by the person, the assistant named) and
 * discarded, each an event; and the ledger's figures from that known history.
 */
@TestPropertySource(properties = "baton.demo.history=true")
class AssistApiIT extends DemoServer {

    static final String REQUEST = "Webinar series for fintech CFOs in the UK to grow pipeline from mid-market accounts. "
            + "Starting 2026-04-01, budget $20k, reach 400 accounts, impact 2, confidence 80%, effort 3 person-weeks.";

    @Autowired
    EventStore store;

    @Autowired
    Users users;

    @Autowired
    DebtReports debt;

    long events() {
        return ((Number) nobody().get("/api/health").json().get("events")).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    Map<String, Object> gate(ApiClient as, String assistant, String workType) {
        return as.get("/api/v1/assist/gates" + (workType == null ? "" : "?workType=" + workType)).list().stream()
                .filter(g -> assistant.equals(g.get("assistant"))).findFirst().orElseThrow();
    }

    /** The draft's values, with the required fields it left missing filled as a person would. */
    static Map<String, Object> completed(Map<String, Object> draft) {
        Map<String, Object> fields = new LinkedHashMap<>();
        map(map(draft.get("draft")).get("fields")).forEach((k, v) -> fields.put(k, map(v).get("value")));
        Map<String, Object> filler = Map.of("campaign-name", "UK CFO webinars", "objective", "Pipeline", "segment",
                "Fintech CFOs", "primary-metric", "pipeline", "channel-mix", List.of("webinar"), "start-date", "2026-04-01",
                "reach", 400, "impact", 2, "confidence", 80, "effort", 3);
        for (Object missing : list(map(draft.get("draft")).get("missing"))) {
            fields.put((String) missing, filler.get(missing));
        }
        return fields;
    }

    @Test
    void theGateSaysWhatFailsAndWhatWouldFixItAndOnlyAnAdminOverridesIt() {
        ApiClient nora = user("nora");
        Map<String, Object> ready = gate(nora, "brief-draft", "campaign");
        assertThat(ready).containsEntry("ready", true).containsEntry("allowed", true);
        // experiments are not ready in the demo quarter (no intake form feeds them); nothing here enables them
        Map<String, Object> notReady = gate(nora, "brief-draft", "experiment");
        assertThat(notReady).containsEntry("ready", false).containsEntry("allowed", false);
        assertThat(list(notReady.get("conditions")).stream().map(c -> map(c)).filter(c -> !(Boolean) c.get("pass"))
                .map(c -> c.get("id"))).containsExactly("prioritised-work");
        assertThat(list(notReady.get("conditions")).stream().map(c -> map(c)).filter(c -> !(Boolean) c.get("pass"))
                .map(c -> c.get("fix"))).allSatisfy(fix -> assertThat((String) fix).isNotBlank());
        assertThat(gate(nora, "similar-requests", null)).containsEntry("workType", null).containsEntry("ready", true);

        long before = events();
        ApiClient.Response refused = nora.post("/api/v1/assist/drafts", "{\"workType\": \"experiment\", \"request\": \"Test a "
                + "shorter pricing page headline\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat((String) refused.json().get("detail")).startsWith("Work type 'experiment' is not ready for AI")
                .contains("prioritised-work (", "fix: ");
        assertThat(events()).as("a refusal records nothing").isEqualTo(before);

        ApiClient.Response member = nora.post("/api/v1/assist/enablements", "{\"assistant\": \"brief-draft\", \"workType\": "
                + "\"experiment\", \"reason\": \"pilot\"}");
        assertThat(member.status()).isEqualTo(403);
        assertThat(nora.get("/api/v1/assist/gates?workType=nowhere").status()).isEqualTo(404);
        Map<String, Object> narrative = nora.get("/api/v1/assist/weekly-narrative").json();
        assertThat(list(narrative.get("sentences"))).isNotEmpty().allSatisfy(x -> assertThat((String) map(x).get("text")).endsWith("."));
        assertThat(nora.get("/api/v1/assist/weekly-narrative?week=soon").status()).isEqualTo(400);
        assertThat(nora.get("/api/v1/assist/themes").json()).containsKey("themes");
        assertThat(nora.post("/api/v1/assist/drafts", "{\"workType\": \"campaign\"}").status()).isEqualTo(400);
        assertThat(nora.post("/api/v1/assist/drafts/draft-none/accept", "{}").status()).isEqualTo(404);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void withoutAModelServerMessageVariantsAreNotConfiguredAndNothingIsRecorded() throws Exception {
        ApiClient nora = user("nora");
        ApiClient.Response item = nora.post("/api/v1/items", "{\"workType\": \"campaign\", \"title\": \"Variants offline\", "
                + "\"fields\": " + WorkApiIT.BRIEF + "}");
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        String id = (String) item.json().get("id");
        long before = events();
        ApiClient.Response refused = nora.post("/api/v1/assist/items/" + id + "/variants", "{\"segments\": [\"Fintech CFOs\"]}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.json()).containsEntry("code", "not-configured");
        assertThat((String) refused.json().get("detail")).isEqualTo("Message variants need a configured model (an "
                + "OpenAI-compatible server: baton.assist.provider.url and .model, docs/assist.md); offline, Baton writes "
                + "none rather than fake them.");
        assertThat(nora.post("/api/v1/assist/items/" + id + "/variants", "{\"segments\": [\" \"]}").status()).isEqualTo(400);
        assertThat(nora.post("/api/v1/assist/items/" + id + "/variants", "{}").status()).isEqualTo(400);
        assertThat(nora.post("/api/v1/assist/items/item-none/variants", "{\"segments\": [\"CFOs\"]}").status()).isEqualTo(404);
        // the item page's form says the same, in a sentence
        Browserless page = new Browserless(port, "198.51.100.170");
        assertThat(page.signIn("nora", "baton-demo")).doesNotContain("signin");
        assertThat(page.get("/items/" + id).body()).contains("id=\"assist-variants-form\"", "Message variants");
        java.net.http.HttpResponse<String> shown = page.post("/items/" + id, "/assist/items/" + id + "/variants",
                Map.of("segments", "Fintech CFOs, Agency founders", "key", "variants-offline-1"));
        assertThat(shown.statusCode()).isEqualTo(503);
        assertThat(shown.body()).contains("id=\"problem\"", "Message variants need a configured model", "Agency founders");
        assertThat(events()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void draftsAreDecidedByPeopleThroughTheEngineAndTheLedgerCountsThem() {
        users.create("assist-admin", "assist admin password", Role.ADMIN, "dev.patel");
        ApiClient nora = user("nora");
        ApiClient admin = nobody().as("assist-admin", "assist admin password");
        // the debt report's campaign figures before any assistant came: the ledger's "before"
        DebtReport.Group campaignsBefore = debt.current().report().breakdowns().get(Dimension.WORK_TYPE).stream()
                .filter(g -> g.key().equals("campaign")).findFirst().orElseThrow();

        // accepted after edits: the missing fields filled and the audience rewritten
        ApiClient.Response offered = nora.post("/api/v1/assist/drafts", "{\"workType\": \"campaign\", \"request\": "
                + quoted(REQUEST) + "}");
        assertThat(offered.status()).as(offered.body()).isEqualTo(201);
        Map<String, Object> draft = offered.json();
        String edited = (String) draft.get("id");
        Map<String, Object> values = map(map(draft.get("draft")).get("fields"));
        assertThat(map(values.get("start-date"))).containsEntry("value", "2026-04-01").containsEntry("source", "request");
        assertThat(map(values.get("budget")).get("value")).isEqualTo(20000);
        assertThat(list(draft.get("basis"))).isNotEmpty();
        Map<String, Object> fields = completed(draft);
        fields.put("segment", "Fintech CFOs and finance directors in the UK and Ireland");
        ApiClient.Response accepted = nora.post("/api/v1/assist/drafts/" + edited + "/accept",
                "{\"title\": \"UK CFO webinars\", \"fields\": " + dev.baton.app.json.Json.write(fields) + "}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        String item = (String) map(accepted.json().get("draft")).get("item");
        assertThat(map(accepted.json().get("item"))).containsEntry("id", item).containsEntry("workType", "campaign");
        RecordedEvent created = store.read(item).get(0);
        assertThat(created.event()).isInstanceOf(ItemCreated.class);
        assertThat(created.actor()).as("the person's own command").isEqualTo("nora.haddad");
        DraftAccepted taken = (DraftAccepted) store.read(AssistEvent.draftStream(edited)).get(1).event();
        assertThat(taken.assistant()).isEqualTo("brief-draft");
        assertThat(taken.item()).isEqualTo(item);
        assertThat(taken.editedShare()).isBetween(0.01, 0.5);
        assertThat(nora.post("/api/v1/assist/drafts/" + edited + "/discard", "{}").status())
                .as("a draft is decided once").isEqualTo(422);

        // accepted unchanged (taken as offered, the request stating every required field)
        String full = REQUEST + " Campaign name: UK CFO webinars. Objective: pipeline. Primary metric: pipeline. "
                + "Channel mix: webinar.";
        Map<String, Object> second = nora.post("/api/v1/assist/drafts", "{\"workType\": \"campaign\", \"request\": "
                + quoted(full) + "}").json();
        Map<String, Object> asOffered = completed(second);
        String unchanged = (String) second.get("id");
        boolean complete = list(map(second.get("draft")).get("missing")).isEmpty();
        ApiClient.Response kept = nora.post("/api/v1/assist/drafts/" + unchanged + "/accept", "{\"title\": \"As drafted\", "
                + "\"fields\": " + dev.baton.app.json.Json.write(asOffered) + "}");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        double share = ((DraftAccepted) store.read(AssistEvent.draftStream(unchanged)).get(1).event()).editedShare();
        assertThat(share == 0).isEqualTo(complete);

        // discarded, with a reason
        String thrown = (String) nora.post("/api/v1/assist/drafts", "{\"workType\": \"campaign\", \"request\": \"Something "
                + "for the brand\"}").json().get("id");
        ApiClient.Response discarded = nora.post("/api/v1/assist/drafts/" + thrown + "/discard", "{\"reason\": \"too vague\"}");
        assertThat(discarded.status()).isEqualTo(200);
        assertThat(discarded.json()).containsEntry("decision", "discarded").containsEntry("decidedBy", "nora.haddad");
        assertThat(((DraftDiscarded) store.read(AssistEvent.draftStream(thrown)).get(1).event()).reason()).isEqualTo("too vague");

        // overridden: an admin enables drafting initiatives with a reason; the draft under it is marked
        ApiClient.Response enabled = admin.post("/api/v1/assist/enablements", "{\"assistant\": \"brief-draft\", "
                + "\"workType\": \"initiative\", \"reason\": \"pilot with the strategy team\"}");
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(201);
        assertThat(enabled.json()).containsEntry("ready", false).containsEntry("allowed", true)
                .containsEntry("override", "pilot with the strategy team");
        ApiClient.Response underOverride = nora.post("/api/v1/assist/drafts", "{\"workType\": \"initiative\", \"request\": "
                + "\"A pricing initiative for the second half\"}");
        assertThat(underOverride.status()).as(underOverride.body()).isEqualTo(201);
        assertThat(underOverride.json()).containsEntry("override", "pilot with the strategy team").containsEntry("ready", false);

        Map<String, Object> ledger = nora.get("/api/v1/assist/ledger").json();
        Map<String, Object> campaign = row(ledger, "campaign");
        assertThat(campaign).containsEntry("offered", 3).containsEntry("acceptedUnchanged", complete ? 1 : 0)
                .containsEntry("acceptedAfterEdits", complete ? 1 : 2).containsEntry("discarded", 1)
                .containsEntry("pending", 0).containsEntry("overridden", 0);
        assertThat(((Number) campaign.get("discardedShare")).doubleValue()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-3));
        assertThat((String) campaign.get("verdict")).startsWith("leverage");
        Map<String, Object> change = map(campaign.get("beforeAfter"));
        assertThat(change).containsEntry("how", "first draft offered");
        Map<String, Object> before = map(change.get("before"));
        assertThat(((Number) before.get("coordinationShare")).doubleValue())
                .isCloseTo(campaignsBefore.values().get("coordination-share"), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(((Number) before.get("hoursLost")).doubleValue())
                .isCloseTo(campaignsBefore.costHours(), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(map(change.get("after"))).containsEntry("from", change.get("enabledAt"));
        assertThat((String) change.get("summary")).contains("brief-draft");
        Map<String, Object> initiative = row(ledger, "initiative");
        assertThat(initiative).containsEntry("offered", 1).containsEntry("pending", 1).containsEntry("overridden", 1);
        assertThat(map(list(initiative.get("enabledByOverride")).get(0))).containsEntry("by", "dev.patel")
                .containsEntry("reason", "pilot with the strategy team");
    }

    static Map<String, Object> row(Map<String, Object> ledger, String workType) {
        return list(ledger.get("ledger")).stream().map(AssistApiIT::map)
                .filter(r -> workType.equals(r.get("workType")) && "brief-draft".equals(r.get("assistant"))).findFirst()
                .orElseThrow();
    }

    static String quoted(String text) {
        return dev.baton.app.json.Json.write(text);
    }
}
