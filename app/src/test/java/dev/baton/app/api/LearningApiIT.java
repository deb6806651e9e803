package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.PastCampaign;
import dev.baton.engine.Examples;
import dev.baton.engine.event.EventStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Learning loops over real HTTP on a real PostgreSQL (docs/learning-loops.md): a campaign whose
 * history ran over the last weeks is completed and offered a post-mortem whose facts come from its
 * log; the post-mortem is written; findings become insights tagged to components, searched, and
 * acted on by follow-up work whose completion closes the loop; a proposed model change is shown as
 * a diff, accepted by ops into a new model version, or declined with a reason; a proposal whose base
 * version was replaced is written again or refused with the reason. Bad input gets a 4xx problem and
 * stores nothing; every answer is held to /api/docs by {@link ApiClient}.
 */
// Accepting a change uploads a model version: a context of its own.
@DirtiesContext
// The last test replaces the model with a version without QA, which the others propose changes to.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LearningApiIT extends DemoServer {

    @Autowired
    EventStore store;

    long events() {
        return ((Number) nobody().get("/api/health").json().get("events")).longValue();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> json, String key) {
        return (List<Map<String, Object>>) json.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    static List<String> sentences(Map<String, Object> facts, String key) {
        return list(facts, key).stream().map(f -> (String) f.get("sentence")).toList();
    }

    String insight(ApiClient as, String body) {
        ApiClient.Response r = as.post("/api/v1/insights", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return (String) r.json().get("id");
    }

    @Test
    void aCompletedCampaignIsOfferedAPostMortemWhoseFactsComeFromItsLog() {
        Instant start = PastCampaign.write(store, "pm-webinars", "Autumn webinar series", 40);
        ApiClient nora = user("nora");
        assertThat(nora.get("/api/v1/post-mortems?status=offered").list()).noneMatch(p -> "pm-webinars".equals(p.get("item")));
        ApiClient.Response early = nora.put("/api/v1/post-mortems/pm-webinars", "application/json", "{\"wentWell\": \"x\"}");
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.json().get("detail")).asString().contains("is not completed yet");

        assertThat(user("dev").post("/api/v1/items/pm-webinars/complete", "{}").status()).isEqualTo(200);
        assertThat(nora.get("/api/v1/post-mortems?status=offered").list()).anyMatch(p -> "pm-webinars".equals(p.get("item")));

        ApiClient.Response draft = nora.get("/api/v1/post-mortems/pm-webinars");
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.json()).containsEntry("completed", true).containsEntry("offered", true).containsEntry("written", null);
        Map<String, Object> facts = map(draft.json(), "facts");
        Map<String, Object> dates = map(facts, "dates");
        assertThat(dates).containsEntry("dueField", "end-date").containsEntry("due", PastCampaign.endDate(start).toString());
        assertThat(((Number) dates.get("daysLate")).intValue()).isEqualTo(15);
        assertThat((String) dates.get("sentence")).endsWith(": 15 days late.");
        assertThat(sentences(facts, "slaOverruns")).contains("Brief review took 3.0 days against its SLA of 2d (25.0 h over)",
                "The handoff from Live to Results (Demand generation → Marketing & revenue operations) was accepted 2.0 days "
                        + "after it was sent, against its SLA of 1d (24.0 h over)");
        assertThat(sentences(facts, "rework")).containsExactly("Sent back from QA to Build by Jon Ito");
        assertThat(sentences(facts, "approvalWaits")).contains("Brief review waited 3.0 days for approval, until Maya Chen approved");
        assertThat(list(facts, "rejectedHandoffs")).singleElement().satisfies(f ->
                assertThat(f).containsEntry("detail", "No UTM plan attached"));
        assertThat(list(facts, "outcomes")).extracting(o -> o.get("sentence")).contains(
                "MQL to SQL conversion (target 35 percent): no outcome data linked");

        long before = events();
        ApiClient.Response empty = nora.put("/api/v1/post-mortems/pm-webinars", "application/json", "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail")).isEqualTo("Write what went well or what to change (or both); both are empty");
        assertThat(nora.put("/api/v1/post-mortems/pm-webinars", "application/json", "{\"wentWell\": 3}").status()).isEqualTo(400);
        assertThat(nora.put("/api/v1/post-mortems/no-such-item", "application/json", "{\"wentWell\": \"x\"}").status())
                .isEqualTo(404);
        assertThat(events()).as("refused writes store nothing").isEqualTo(before);

        ApiClient.Response written = nora.put("/api/v1/post-mortems/pm-webinars", "application/json",
                "{\"wentWell\": \"The brief was clear\", \"toChange\": \"Attach the UTM plan before handing over\"}");
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        assertThat(map(written.json(), "written")).containsEntry("toChange", "Attach the UTM plan before handing over")
                .containsEntry("writtenBy", "nora.haddad");
        assertThat(map(written.json(), "written").get("facts")).asString().contains("Sent back from QA to Build by Jon Ito");
        assertThat(nora.put("/api/v1/post-mortems/pm-webinars", "application/json", "{\"wentWell\": \"x\"}", "If-Match", "\"0\"")
                .status()).isEqualTo(409);
        assertThat(nora.get("/api/v1/post-mortems?status=offered").list()).noneMatch(p -> "pm-webinars".equals(p.get("item")));
        assertThat(nora.get("/api/v1/post-mortems?status=written").list()).anyMatch(p -> "pm-webinars".equals(p.get("item")));
        assertThat(nora.get("/api/v1/post-mortems?status=late").status()).isEqualTo(400);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPostMortemShowsTheOutcomesOfTheCrmCampaignItIsLinkedToAgainstTheMetricsTarget() {
        ApiClient grace = user("grace");
        for (String[] f : OutcomeApiIT.EXAMPLE_FILES) {
            ApiClient.Response r = grace.multipart("/api/v1/outcomes/imports", "kind", f[0], "file", OutcomeApiIT.file(f[1]));
            assertThat(r.status()).as(f[1] + ": " + r.body()).isIn(200, 201);
        }
        // the figures the Outcomes page shows for the campaign
        Map<String, Object> group = list(grace.get("/api/v1/outcomes/funnel?by=campaign").json(), "groups").stream()
                .filter(g -> "Q1 Analytics Webinar".equals(g.get("key"))).findFirst().orElseThrow();
        Map<String, Object> sourced = map(group, "sourced");
        Map<String, Object> influenced = map(group, "influenced");
        double pipeline = ((Number) sourced.get("pipeline")).doubleValue();
        assertThat(pipeline).isPositive();

        PastCampaign.write(store, "pm-q1-webinar", "Q1 Analytics Webinar", 40);
        assertThat(user("dev").post("/api/v1/items/pm-q1-webinar/complete", "{}").status()).isEqualTo(200);
        Map<String, Object> facts = map(user("nora").get("/api/v1/post-mortems/pm-q1-webinar").json(), "facts");
        assertThat(list(facts, "linkedCampaigns")).singleElement().satisfies(l -> {
            assertThat(l).containsEntry("campaign", "Q1 Analytics Webinar").containsEntry("via", "its campaign-name field");
            assertThat(((Number) l.get("pipelineSourced")).doubleValue()).isEqualTo(pipeline);
            assertThat(((Number) l.get("revenueSourced")).doubleValue())
                    .isEqualTo(((Number) sourced.get("revenue")).doubleValue());
            assertThat(((Number) l.get("pipelineInfluenced")).doubleValue())
                    .isEqualTo(((Number) influenced.get("pipeline")).doubleValue());
            assertThat(((Number) l.get("revenueInfluenced")).doubleValue())
                    .isEqualTo(((Number) influenced.get("revenue")).doubleValue());
            assertThat((String) l.get("sentence")).startsWith("CRM campaign “Q1 Analytics Webinar” (linked by its "
                    + "campaign-name field): sourced ");
        });
        Map<String, Object> pipelineOutcome = list(facts, "outcomes").stream()
                .filter(o -> "pipeline".equals(o.get("metric"))).findFirst().orElseThrow();
        assertThat(((Number) pipelineOutcome.get("result")).doubleValue()).isEqualTo(pipeline);
        assertThat((String) pipelineOutcome.get("sentence")).startsWith("Marketing-sourced pipeline (target 4,200,000 USD "
                + "per quarter): actual ").contains("from Q1 Analytics Webinar").endsWith("% of the target");
        assertThat(list(facts, "outcomes")).filteredOn(o -> "mql-to-sql".equals(o.get("metric"))).singleElement()
                .satisfies(o -> assertThat((String) o.get("sentence")).contains("no figure for this metric"));

        // a campaign the CRM does not know: said, and every metric has no outcome data linked
        PastCampaign.write(store, "pm-unlinked", "Winter roadshow", 40);
        assertThat(user("dev").post("/api/v1/items/pm-unlinked/complete", "{}").status()).isEqualTo(200);
        Map<String, Object> unlinked = map(user("nora").get("/api/v1/post-mortems/pm-unlinked").json(), "facts");
        assertThat(sentences(unlinked, "linkedCampaigns")).singleElement().asString()
                .startsWith("No CRM campaign named “Winter roadshow”");
        assertThat(sentences(unlinked, "outcomes")).allMatch(s -> s.endsWith(": no outcome data linked"));
    }

    @Test
    void insightsAreTaggedSearchedAndTheirLoopIsClosedByFollowUpWork() {
        ApiClient maya = user("maya");
        long before = events();
        ApiClient.Response untagged = maya.post("/api/v1/insights", "{\"title\": \"Legal is slow\", \"tags\": [\"legal\"]}");
        assertThat(untagged.status()).isEqualTo(400);
        assertThat(untagged.json().get("detail")).asString().contains("'legal' is no component of Northwind Analytics GTM");
        assertThat(maya.post("/api/v1/insights", "{\"tags\": \"messaging\"}").json().get("errors")).asList().hasSize(2);
        assertThat(maya.post("/api/v1/insights", "{\"title\": \"x\", \"tags\": [\"content\"], \"source\": \"post-mortem\", "
                + "\"sourceRef\": \"nothing-reviewed\"}").status()).isEqualTo(404);
        assertThat(events()).isEqualTo(before);

        String legal = insight(maya, "{\"title\": \"Legal review needs a week\", \"finding\": \"Both launches waited six days\", "
                + "\"tags\": [\"messaging\", \"content\"]}");
        insight(user("nora"), "{\"title\": \"Webinar audiences convert from email\", \"tags\": [\"channels\", \"audience\"]}");
        assertThat(maya.get("/api/v1/insights?tag=messaging").list()).extracting(i -> i.get("id")).contains(legal)
                .allMatch(id -> !id.equals("x"));
        assertThat(maya.get("/api/v1/insights?tag=channels").list()).extracting(i -> i.get("title"))
                .containsExactly("Webinar audiences convert from email");
        assertThat(maya.get("/api/v1/insights?q=LEGAL%20week").list()).extracting(i -> i.get("id")).containsExactly(legal);
        assertThat(maya.get("/api/v1/insights?q=six%20days").list()).extracting(i -> i.get("id")).containsExactly(legal);
        assertThat(maya.get("/api/v1/insights?q=100%25").list()).isEmpty();
        assertThat(maya.get("/api/v1/insights?source=meeting").status()).isEqualTo(400);
        assertThat(maya.get("/api/v1/insights/insight-404").status()).isEqualTo(404);

        ApiClient.Response missing = maya.post("/api/v1/insights/" + legal + "/follow-ups",
                "{\"workType\": \"campaign\", \"title\": \"Legal-first webinar\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before + 2);
        ApiClient.Response followUp = maya.post("/api/v1/insights/" + legal + "/follow-ups",
                "{\"workType\": \"initiative\", \"title\": \"Legal in every brief\"}");
        assertThat(followUp.status()).as(followUp.body()).isEqualTo(201);
        String item = (String) followUp.json().get("id");
        Map<String, Object> loop = maya.get("/api/v1/insights/loop").json();
        assertThat(loop).containsEntry("withAction", 1).containsEntry("withResult", 0);

        ApiClient grace = user("grace");
        for (String stage : List.of("prioritization", "in-flight", "results-review")) {
            assertThat(grace.post("/api/v1/items/" + item + "/move-to", "{\"stage\": \"" + stage + "\"}").status()).isEqualTo(200);
        }
        assertThat(grace.post("/api/v1/items/" + item + "/complete", "{}").status()).isEqualTo(200);
        Map<String, Object> insight = maya.get("/api/v1/insights/" + legal).json();
        assertThat(list(insight, "followUps")).singleElement().satisfies(f -> {
            assertThat(f).containsEntry("item", item).containsEntry("workType", "initiative");
            assertThat(f.get("completedAt")).isNotNull();
        });
        loop = maya.get("/api/v1/insights/loop").json();
        assertThat(loop).containsEntry("insights", 2).containsEntry("withAction", 1).containsEntry("withResult", 1);
        assertThat((String) loop.get("sentence")).startsWith("Of 2 insights, 1 led to action");
    }

    @Test
    void aProposedChangeIsADiffThatOpsAcceptIntoANewModelVersionOrDeclineWithAReason() {
        ApiClient maya = user("maya");
        ApiClient grace = user("grace");
        String id = insight(maya, "{\"title\": \"Builds wait without a clock\", \"tags\": [\"channels\"]}");
        long before = events();
        ApiClient.Response malformed = maya.post("/api/v1/insights/" + id + "/proposals", "{\"kind\": \"add-sla\", \"stage\": 3}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(list(malformed.json(), "errors").stream().map(e -> e.get("member")).toList())
                .containsExactly("workType", "stage", "sla");
        ApiClient.Response nowhere = maya.post("/api/v1/insights/" + id + "/proposals",
                "{\"kind\": \"add-sla\", \"workType\": \"campaign\", \"stage\": \"launch\", \"sla\": \"1d\"}");
        assertThat(nowhere.status()).isEqualTo(422);
        assertThat(nowhere.json()).containsEntry("code", "change-refused");
        assertThat((String) nowhere.json().get("detail")).startsWith("Campaign has no stage 'launch'; its stages are brief, "
                + "brief-review, build");
        assertThat(maya.post("/api/v1/insights/insight-404/proposals", "{\"kind\": \"add-sla\"}").status()).isEqualTo(404);
        assertThat(maya.post("/api/v1/insights", "{\"title\": \"x\", \"tags\": [\"channels\"], \"change\": {\"kind\": "
                + "\"add-approver\", \"workType\": \"campaign\", \"stage\": \"qa\", \"approver\": \"nobody\"}}").status())
                .isEqualTo(422);
        assertThat(events()).as("refused proposals store nothing").isEqualTo(before);

        int current = ((Number) maya.get("/api/v1/model").json().get("version")).intValue();
        ApiClient.Response proposed = maya.post("/api/v1/insights/" + id + "/proposals",
                "{\"kind\": \"add-sla\", \"workType\": \"campaign\", \"stage\": \"build\", \"sla\": \"3d\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        String change = (String) proposed.json().get("id");
        Map<String, Object> preview = map(proposed.json(), "preview");
        assertThat(preview).containsEntry("applies", true).containsEntry("valid", true).containsEntry("reapplied", false);
        assertThat((String) preview.get("diff")).contains("+         sla: 3d\n").doesNotContain("\n-");
        assertThat((List<?>) preview.get("changes")).isNotEmpty();
        assertThat(proposed.json()).containsEntry("summary", "Campaign › build: SLA 3d added").containsEntry("status", "open");

        ApiClient.Response byMember = maya.post("/api/v1/model-changes/" + change + "/accept", "{}");
        assertThat(byMember.status()).isEqualTo(403);
        assertThat(byMember.json()).containsEntry("code", "role-not-allowed");
        ApiClient.Response accepted = grace.post("/api/v1/model-changes/" + change + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json()).containsEntry("status", "accepted").containsEntry("acceptedAs", current + 1)
                .containsEntry("decidedBy", "grace.lindqvist");
        assertThat(maya.get("/api/v1/model").json().get("version")).isEqualTo(current + 1);
        assertThat(maya.get("/api/v1/model", "Accept", "application/yaml").body())
                .contains("        owner: demand-team\n        sla: 3d\n");
        ApiClient.Response again = grace.post("/api/v1/model-changes/" + change + "/accept", "{}");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("detail")).asString().startsWith("This change was accepted already by Grace Lindqvist");

        String other = (String) maya.post("/api/v1/insights/" + id + "/proposals",
                "{\"kind\": \"add-approver\", \"workType\": \"campaign\", \"stage\": \"qa\", \"approver\": \"nora.haddad\"}")
                .json().get("id");
        assertThat(grace.post("/api/v1/model-changes/" + other + "/decline", "{}").status()).isEqualTo(400);
        ApiClient.Response declined = grace.post("/api/v1/model-changes/" + other + "/decline",
                "{\"reason\": \"Jon covers QA alone this quarter\"}");
        assertThat(declined.status()).isEqualTo(200);
        assertThat(declined.json()).containsEntry("status", "declined").containsEntry("reason", "Jon covers QA alone this quarter");
        assertThat(maya.get("/api/v1/model").json().get("version")).as("a decline stores no version").isEqualTo(current + 1);
        assertThat(maya.get("/api/v1/model-changes?status=declined").list()).extracting(p -> p.get("id")).contains(other);
        assertThat(maya.get("/api/v1/insights/" + id).json().get("proposals")).asList().hasSize(2);
        assertThat(maya.get("/api/v1/model-changes?status=maybe").status()).isEqualTo(400);
        assertThat(maya.get("/api/v1/model-changes/change-404").status()).isEqualTo(404);
    }

    @Test
    void hostileBodiesAreRefusedWithAProblemAndStoreNothing() {
        ApiClient maya = user("maya");
        long before = events();
        assertThat(maya.post("/api/v1/insights", "{\"title\": ").json()).containsEntry("code", "malformed-json");
        assertThat(maya.post("/api/v1/insights", "[1, 2]").status()).isEqualTo(400);
        assertThat(maya.post("/api/v1/insights", "{\"title\": \"a\\u0000b\", \"tags\": [\"content\"]}").json())
                .containsEntry("code", "invalid-input");
        assertThat(maya.post("/api/v1/insights", "{\"title\": \"x\", \"tags\": [\"content\"], \"change\": 7}").status())
                .isEqualTo(400);
        assertThat(maya.post("/api/v1/insights", "{\"title\": \"x\", \"tags\": [\"content\"], \"source\": \"hunch\"}")
                .status()).isEqualTo(400);
        assertThat(maya.postAs("/api/v1/insights", "application/yaml", "title: x").status()).isEqualTo(415);
        assertThat(maya.put("/api/v1/post-mortems/x", "application/json", "{\"wentWell\": [\"a\"]}").status()).isEqualTo(400);
        assertThat(maya.get("/api/v1/insights?limit=0").status()).isEqualTo(400);
        assertThat(maya.get("/api/v1/post-mortems?limit=5000").status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aChangeProposedOnAReplacedVersionIsWrittenAgainOrRefusedWithTheReason() {
        ApiClient maya = user("maya");
        ApiClient grace = user("grace");
        String id = insight(maya, "{\"title\": \"QA and results need clocks\", \"tags\": [\"reporting\"]}");
        String results = (String) maya.post("/api/v1/insights/" + id + "/proposals",
                "{\"kind\": \"add-approver\", \"workType\": \"campaign\", \"stage\": \"results\", \"approver\": \"dev.patel\"}")
                .json().get("id");
        String qa = (String) maya.post("/api/v1/insights/" + id + "/proposals",
                "{\"kind\": \"add-approver\", \"workType\": \"campaign\", \"stage\": \"qa\", \"approver\": \"dev.patel\"}")
                .json().get("id");
        // a new version without QA is uploaded meanwhile
        assertThat(grace.put("/api/v1/model", "application/yaml", Examples.b2bSaasV2()).status()).isEqualTo(201);

        Map<String, Object> stale = map(maya.get("/api/v1/model-changes/" + qa).json(), "preview");
        assertThat(stale).containsEntry("applies", false).containsEntry("reapplied", true);
        assertThat((String) stale.get("refused")).startsWith("Campaign has no stage 'qa'");
        long before = events();
        ApiClient.Response refused = grace.post("/api/v1/model-changes/" + qa + "/accept", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail")).asString().contains("the change no longer applies to it: Campaign has no "
                + "stage 'qa'");
        assertThat(events()).isEqualTo(before);

        assertThat(map(maya.get("/api/v1/model-changes/" + results).json(), "preview")).containsEntry("reapplied", true)
                .containsEntry("applies", true);
        ApiClient.Response accepted = grace.post("/api/v1/model-changes/" + results + "/accept", "{}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json()).containsEntry("reapplied", true);
        String yaml = maya.get("/api/v1/model", "Accept", "application/yaml").body();
        assertThat(yaml).doesNotContain("id: qa").contains("approvers: [dev.patel]");
    }
}
