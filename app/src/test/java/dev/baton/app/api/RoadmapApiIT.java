package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.roadmap.RoadmapEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The roadmap over real HTTP on a real PostgreSQL (docs/roadmap.md#on-the-server), on the demo
 * model (product marketing: Maya and Leo at 36h/week, 86 person-days a quarter for initiatives):
 * initiatives entered, bad input refused with its members and nothing stored, the plan with what
 * does not fit and why, the demo's open initiatives merged in with their effort missing, a scenario
 * compared with the published plan, and publishing allowed for the approver and refused (403,
 * naming the right) for anyone else, with the RoadmapPublished event in the log; capacity assumptions
 * set (capacity exactly as the formula says) or refused with nothing stored; effort suggested from
 * completed work imported from Jira, shown and not planned on. Every answer is
 * held to /api/docs by {@link ApiClient}.
 */
class RoadmapApiIT extends DemoServer {

    static final String Q = "?quarters=2027-Q1..2027-Q4";

    @Autowired
    EventStore store;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    static Map<String, Object> verdict(Map<String, Object> plan, String id) {
        return list(plan.get("initiatives")).stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
    }

    void enter(ApiClient as, String json) {
        ApiClient.Response r = as.post("/api/v1/roadmap/initiatives", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void initiativesArePlannedExplainedComparedAndPublishedByTheApprover() {
        ApiClient maya = user("maya");
        ApiClient grace = user("grace");
        ApiClient.Response emea = grace.post("/api/v1/items", "{\"workType\": \"initiative\", \"title\": \"Enter EMEA\"}");
        assertThat(emea.status()).as(emea.body()).isEqualTo(201);
        String emeaId = (String) emea.json().get("id");
        enter(maya, """
                {"id": "launch-kit", "title": "Launch kit", "theme": "launch", "value": 50, "effort": {"pmm": [80]}}""");
        enter(maya, """
                {"id": "battlecards", "title": "Battlecards", "theme": "sales", "value": 40, "effort": {"pmm": [80]}}""");
        enter(maya, """
                {"id": "analyst-day", "title": "Analyst day", "theme": "brand", "value": 30, "effort": {"pmm": [90]},
                 "deadline": "2027-Q3", "deadlineKind": "hard"}""");
        enter(maya, """
                {"id": "launch-video", "title": "Launch video", "value": 20, "effort": {"content": [30]},
                 "dependsOn": ["launch-kit"], "earliest": "2027-Q1"}""");
        assertThat(maya.get("/api/v1/roadmap/initiatives").list()).extracting(i -> i.get("id"))
                .containsSubsequence("launch-kit", "battlecards", "analyst-day", "launch-video");
        assertThat(maya.get("/api/v1/roadmap/initiatives/launch-video").json())
                .containsEntry("dependsOn", List.of("launch-kit")).containsEntry("enteredBy", "maya.chen");

        ApiClient.Response first = maya.get("/api/v1/roadmap/plan" + Q);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Map<String, Object> plan = first.json();
        assertThat(plan.get("quarters")).isEqualTo(List.of("2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4"));
        assertThat(verdict(plan, "launch-kit")).containsEntry("status", "planned").containsEntry("start", "2027-Q1");
        assertThat(verdict(plan, "launch-video")).containsEntry("status", "planned").containsEntry("start", "2027-Q2");
        assertThat(verdict(plan, "battlecards")).containsEntry("status", "planned");
        Map<String, Object> out = verdict(plan, "analyst-day");
        assertThat(out).containsEntry("status", "out");
        assertThat((String) out.get("reason")).contains("pmm").contains("'Analyst day' needs 90 person-days of pmm");
        assertThat((String) out.get("remedy")).contains("more person-days of pmm");
        Map<String, Object> pmm = list(map(plan.get("capacity")).get("pmm")).get(0);
        assertThat(pmm).containsEntry("capacity", 86).containsEntry("used", 80);
        assertThat(plan.get("published")).isNull();
        // The same inputs give the same plan (fixed seed and step count).
        assertThat(maya.get("/api/v1/roadmap/plan" + Q).json().get("hash")).isEqualTo(plan.get("hash"));

        // The open initiatives of the log are on the roadmap too, flagged: nobody has estimated them.
        List<Map<String, Object>> items = maya.get("/api/v1/items?workType=initiative&completed=false").list();
        assertThat(items).extracting(i -> i.get("id")).contains(emeaId);
        for (Map<String, Object> item : items) {
            Map<String, Object> source = list(plan.get("sources")).stream().filter(s -> item.get("id").equals(s.get("id")))
                    .findFirst().orElseThrow();
            assertThat(source).containsEntry("workItem", true).containsEntry("effortMissing", true);
            assertThat((String) verdict(plan, (String) item.get("id")).get("reason")).contains("has no effort estimate");
        }

        // Maya holds no decision right on starting initiatives: 403, the right named, nothing recorded.
        long before = store.version(RoadmapEvent.STREAM);
        ApiClient.Response refused = maya.post("/api/v1/roadmap/publish",
                "{\"hash\": \"" + plan.get("hash") + "\", \"quarters\": \"2027-Q1..2027-Q4\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json()).containsEntry("code", "no-decision-right");
        assertThat((String) refused.json().get("detail")).contains("approver of Proposal of Marketing initiative")
                .contains("Grace Lindqvist").contains("Maya Chen does not hold it");
        assertThat(store.version(RoadmapEvent.STREAM)).isEqualTo(before);

        // Grace approves the start of initiatives: she publishes; a stale hash is refused first.
        ApiClient.Response stale = grace.post("/api/v1/roadmap/publish", "{\"hash\": \"0000\", \"quarters\": \"2027-Q1..2027-Q4\"}");
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(stale.json()).containsEntry("code", "plan-changed").containsEntry("hash", plan.get("hash"));
        ApiClient.Response published = grace.post("/api/v1/roadmap/publish",
                "{\"hash\": \"" + plan.get("hash") + "\", \"quarters\": \"2027-Q1..2027-Q4\"}");
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        assertThat(published.json()).containsEntry("publishedBy", "grace.lindqvist")
                .containsEntry("right", "approver of Proposal of Marketing initiative").containsEntry("hash", plan.get("hash"));
        assertThat(map(published.json().get("starts"))).containsEntry("launch-kit", "2027-Q1").doesNotContainKey("analyst-day");
        List<RecordedEvent> log = store.read(RoadmapEvent.STREAM);
        assertThat(log).hasSize((int) before + 1);
        RecordedEvent event = log.get(log.size() - 1);
        assertThat(event.actor()).isEqualTo("grace.lindqvist");
        assertThat(event.event()).isInstanceOfSatisfying(RoadmapEvent.RoadmapPublished.class, p -> {
            assertThat(p.hash()).isEqualTo(plan.get("hash"));
            assertThat(p.starts()).containsEntry("launch-video", "2027-Q2");
            assertThat(p.values()).containsEntry("analyst-day", 30.0);
        });
        Map<String, Object> after = maya.get("/api/v1/roadmap/plan" + Q).json();
        assertThat(map(after.get("published"))).containsEntry("publishedBy", "grace.lindqvist");

        // A second product marketer, compared with the published plan: the analyst day fits now.
        ApiClient.Response compared = maya.post("/api/v1/roadmap/scenarios" + Q,
                "{\"name\": \"Hire a product marketer\", \"headcount\": {\"pmm\": 1}}");
        assertThat(compared.status()).as(compared.body()).isEqualTo(200);
        Map<String, Object> c = compared.json();
        assertThat(c).containsEntry("against", "published").containsEntry("name", "Hire a product marketer");
        Map<String, Object> moved = list(c.get("moved")).stream().filter(m -> "analyst-day".equals(m.get("id")))
                .findFirst().orElseThrow();
        assertThat(moved).containsEntry("from", "not planned");
        assertThat((String) moved.get("to")).startsWith("2027-Q");
        List<?> base = (List<?>) map(c.get("valueByQuarter")).get("base");
        List<?> scenario = (List<?>) map(c.get("valueByQuarter")).get("scenario");
        double baseTotal = base.stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        double scenarioTotal = scenario.stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        assertThat(scenarioTotal).isEqualTo(baseTotal + 30);
        List<?> pmmBase = (List<?>) map(map(c.get("utilisation")).get("pmm")).get("base");
        assertThat(((Number) pmmBase.get(0)).doubleValue()).isEqualTo(Math.round(80 / 86.0 * 1000) / 1000.0);

        // Effort entered for the work item: its title and intake score stand, and it is planned.
        ApiClient.Response effort = maya.put("/api/v1/roadmap/initiatives/" + emeaId, "application/json",
                "{\"effort\": {\"leadership\": [5]}}");
        assertThat(effort.status()).as(effort.body()).isEqualTo(201);
        Map<String, Object> withEffort = maya.get("/api/v1/roadmap/plan" + Q).json();
        assertThat(list(withEffort.get("sources")).stream().filter(x -> emeaId.equals(x.get("id"))).findFirst().orElseThrow())
                .containsEntry("title", "Enter EMEA").containsEntry("entered", true).containsEntry("effortMissing", false);
        assertThat(verdict(withEffort, emeaId)).containsEntry("status", "planned");
        assertThat(withEffort.get("hash")).isNotEqualTo(plan.get("hash"));

        // A dependency keeps its prerequisite: removing it is refused; the dependent goes.
        ApiClient.Response kept = maya.delete("/api/v1/roadmap/initiatives/launch-kit");
        assertThat(kept.status()).as(kept.body()).isEqualTo(409);
        assertThat(maya.delete("/api/v1/roadmap/initiatives/launch-video").status()).isEqualTo(204);
        assertThat(maya.get("/api/v1/roadmap/initiatives/launch-video").status()).isEqualTo(404);
    }

    static int capacity(Map<String, Object> plan, String function, int quarter) {
        return ((Number) list(map(plan.get("capacity")).get(function)).get(quarter).get("capacity")).intValue();
    }

    @Test
    void assumptionsChangeTheCapacityAsTheFormulaSaysAndBadOnesAreRefusedWithNothingStored() {
        ApiClient maya = user("maya");
        Map<String, Object> defaults = maya.get("/api/v1/roadmap/assumptions").json();
        assertThat(defaults).containsEntry("workingDays", 60.0).containsEntry("runTheBusiness", 0.2)
                .containsEntry("holidays", Map.of()).containsEntry("setBy", null);
        assertThat(capacity(maya.get("/api/v1/roadmap/plan" + Q).json(), "pmm", 0)).isEqualTo(86);
        try {
            ApiClient.Response set = maya.put("/api/v1/roadmap/assumptions", "application/json",
                    "{\"workingDays\": 50, \"runTheBusiness\": 0.25, \"holidays\": {\"2027-Q2\": 10}}");
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.json()).containsEntry("workingDays", 50.0).containsEntry("runTheBusiness", 0.25)
                    .containsEntry("holidays", Map.of("2027-Q2", 10.0)).containsEntry("setBy", "maya.chen");
            assertThat((String) set.json().get("setAt")).isNotBlank();
            Map<String, Object> plan = maya.get("/api/v1/roadmap/plan" + Q).json();
            assertThat(map(plan.get("assumptions"))).containsEntry("workingDays", 50.0).containsEntry("setBy", "maya.chen");
            // pmm: Maya and Leo at 36h/week, 0.9 of a full week each: floor(2 x (days - holidays) x 0.9 x (1 - 0.25)).
            assertThat(capacity(plan, "pmm", 0)).isEqualTo((int) Math.floor(2 * 50 * 0.9 * 0.75 + 1e-9)).isEqualTo(67);
            assertThat(capacity(plan, "pmm", 1)).isEqualTo((int) Math.floor(2 * 40 * 0.9 * 0.75 + 1e-9)).isEqualTo(54);
            assertThat(capacity(plan, "pmm", 2)).isEqualTo(67);
            assertThat((String) plan.get("capacitySource")).contains("50 working days a quarter, 25% run-the-business");

            // Negative days, a share of 100% and a quarter that is none: every member named, nothing stored.
            ApiClient.Response bad = maya.put("/api/v1/roadmap/assumptions", "application/json",
                    "{\"workingDays\": -5, \"runTheBusiness\": 1, \"holidays\": {\"Q9\": 3, \"2027-Q3\": -1}}");
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(list(bad.json().get("errors"))).extracting(e -> e.get("member"))
                    .containsExactly("workingDays", "runTheBusiness", "holidays.Q9", "holidays.2027-Q3");
            assertThat((String) bad.json().get("detail")).contains("found -5").contains("below 1");
            ApiClient.Response share = maya.put("/api/v1/roadmap/assumptions", "application/json",
                    "{\"workingDays\": 60, \"runTheBusiness\": 1.5}");
            assertThat(share.status()).as(share.body()).isEqualTo(400);
            assertThat(list(share.json().get("errors"))).extracting(e -> e.get("member")).containsExactly("runTheBusiness");
            assertThat(maya.get("/api/v1/roadmap/assumptions").json()).containsEntry("workingDays", 50.0)
                    .containsEntry("runTheBusiness", 0.25);
            assertThat(capacity(maya.get("/api/v1/roadmap/plan" + Q).json(), "pmm", 0)).isEqualTo(67);
            // A viewer cannot change planning inputs.
            assertThat(user("tomas").put("/api/v1/roadmap/assumptions", "application/json",
                    "{\"workingDays\": 60, \"runTheBusiness\": 0.2}").status()).isEqualTo(403);
        } finally {
            maya.put("/api/v1/roadmap/assumptions", "application/json", "{\"workingDays\": 60, \"runTheBusiness\": 0.2}");
        }
        assertThat(capacity(maya.get("/api/v1/roadmap/plan" + Q).json(), "pmm", 0)).isEqualTo(86);
    }

    /** A Jira issue done by Maya Patel (maya.chen, pmm) with the time spent Jira recorded. */
    static String doneIssue(String key, String summary, int hoursSpent) {
        return """
                {"id": "%1$s", "key": "%1$s", "fields": {"summary": "%2$s",
                  "issuetype": {"name": "Campaign"}, "created": "2026-03-01T08:00:00.000+0000",
                  "status": {"name": "Done", "statusCategory": {"key": "done"}}, "timespent": %3$d,
                  "assignee": {"accountId": "maya", "displayName": "Maya Patel"},
                  "creator": {"accountId": "maya", "displayName": "Maya Patel"}},
                 "changelog": {"startAt": 0, "maxResults": 100, "total": 2, "histories": [
                  {"id": "%1$s-1", "author": {"accountId": "maya", "displayName": "Maya Patel"}, "created": "2026-03-02T09:00:00.000+0000",
                   "items": [{"field": "status", "fromString": "To Do", "toString": "In Progress"}]},
                  {"id": "%1$s-2", "author": {"accountId": "maya", "displayName": "Maya Patel"}, "created": "2026-03-09T16:00:00.000+0000",
                   "items": [{"field": "status", "fromString": "In Progress", "toString": "Done"}]}]}}""".formatted(key, summary,
                hoursSpent * 3600);
    }

    @Test
    void anInitiativeWithoutEffortIsShownTheMedianOfComparableCompletedWorkAsASuggestionOnly() throws Exception {
        ApiClient grace = user("grace");
        ApiClient maya = user("maya");
        // Two campaigns done by Maya (pmm) with 40 and 56 hours spent, 5 and 7 person-days at 8 hours a day, in
        // history imported from Jira (the log's completed work, as baton plan --log reads it).
        String export = "{\"issues\": [" + doneIssue("SUG-1", "Spring webinar", 40) + ", "
                + doneIssue("SUG-2", "Summer webinar", 56) + "]}";
        ApiClient.Response imported = grace.multipart("/api/v1/imports", "kind", "jira-json",
                "file", new ApiClient.FilePart("done.json", export.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "mapping", ImportApiIT.mapping());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(map(imported.json().get("eventsByType"))).as(imported.body()).containsKeys("OwnerAssigned", "ItemCompleted");
        enter(maya, "{\"id\": \"autumn-webinar\", \"title\": \"Autumn webinar\", \"theme\": \"campaign\", \"value\": 5}");

        Map<String, Object> plan = maya.get("/api/v1/roadmap/plan" + Q).json();
        Map<String, Object> suggestion = list(plan.get("suggestions")).stream()
                .filter(x -> "autumn-webinar".equals(x.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no suggestion for autumn-webinar: " + plan.get("suggestions")));
        assertThat(suggestion).containsEntry("basedOn", 2).containsEntry("theme", "campaign")
                .containsEntry("effort", Map.of("pmm", List.of(6)));
        assertThat((String) suggestion.get("sentence")).contains("pmm [6]").contains("not used unless asked for");
        // Shown, not planned on: the initiative is still without effort for the planner.
        assertThat(list(plan.get("sources")).stream().filter(x -> "autumn-webinar".equals(x.get("id"))).findFirst()
                .orElseThrow()).containsEntry("effortMissing", true);
        assertThat((String) verdict(plan, "autumn-webinar").get("reason")).contains("has no effort estimate");
        // The page says it beside "effort missing", labelled as a suggestion.
        Browserless page = new Browserless(port, "198.51.100.140");
        assertThat(page.signIn("maya", "baton-demo")).doesNotContain("signin");
        java.net.http.HttpResponse<String> shown = page.get("/roadmap" + Q);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("suggested: pmm [6] person-days (the median of comparable completed work; "
                + "a suggestion, not planned on)");
        assertThat(maya.delete("/api/v1/roadmap/initiatives/autumn-webinar").status()).isEqualTo(204);
    }

    @Test
    void badInputIsRefusedWithItsMembersAndNothingIsStored() {
        ApiClient maya = user("maya");
        enter(maya, "{\"id\": \"persona\", \"title\": \"Persona refresh\", \"value\": 10, \"effort\": {\"pmm\": [10]}}");
        enter(maya, "{\"id\": \"messaging\", \"title\": \"Messaging\", \"value\": 10, \"effort\": {\"pmm\": 5},"
                + " \"dependsOn\": [\"persona\"]}");
        int stored = maya.get("/api/v1/roadmap/initiatives").list().size();

        ApiClient.Response bad = maya.post("/api/v1/roadmap/initiatives", """
                {"id": "ebook", "value": -1, "effort": {"contnt": [5], "pmm": [2.5]}, "dependsOn": ["nope"],
                 "earliest": "Q9", "deadlineKind": "maybe"}""");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(list(bad.json().get("errors"))).extracting(e -> e.get("member")).contains("title", "value",
                "effort.contnt", "effort.pmm", "dependsOn[0]", "earliest", "deadlineKind");
        assertThat(list(bad.json().get("errors"))).anySatisfy(e -> assertThat((String) e.get("message"))
                .contains("found 'contnt'").contains("content"));

        // A cycle: persona cannot depend on messaging, which depends on persona.
        ApiClient.Response cycle = maya.put("/api/v1/roadmap/initiatives/persona", "application/json",
                "{\"title\": \"Persona refresh\", \"value\": 10, \"dependsOn\": [\"messaging\"]}");
        assertThat(cycle.status()).as(cycle.body()).isEqualTo(400);
        assertThat((String) cycle.json().get("detail")).contains("persona -> messaging -> persona");
        assertThat(maya.get("/api/v1/roadmap/initiatives/persona").json()).containsEntry("dependsOn", List.of());

        ApiClient.Response twice = maya.post("/api/v1/roadmap/initiatives",
                "{\"id\": \"persona\", \"title\": \"Again\", \"value\": 1}");
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(maya.get("/api/v1/roadmap/initiatives/persona").json()).containsEntry("title", "Persona refresh");
        assertThat(maya.get("/api/v1/roadmap/initiatives").list()).hasSize(stored);

        assertThat(maya.get("/api/v1/roadmap/plan?quarters=2027-Q4..2027-Q1").status()).isEqualTo(400);
        ApiClient.Response scenario = maya.post("/api/v1/roadmap/scenarios" + Q, "{\"headcount\": {\"nobody\": 1}}");
        assertThat(scenario.status()).as(scenario.body()).isEqualTo(400);
        assertThat(scenario.json()).containsEntry("code", "invalid-scenario");
        assertThat(maya.post("/api/v1/roadmap/publish", "{}").status()).isEqualTo(400);
        assertThat(user("tomas").post("/api/v1/roadmap/initiatives", "{\"id\": \"x\", \"title\": \"X\", \"value\": 1}")
                .status()).isEqualTo(403);
        assertThat(maya.get("/api/v1/roadmap/initiatives").list()).hasSize(stored);
        // The other test plans the product marketers' quarters: these go.
        assertThat(maya.delete("/api/v1/roadmap/initiatives/messaging").status()).isEqualTo(204);
        assertThat(maya.delete("/api/v1/roadmap/initiatives/persona").status()).isEqualTo(204);
    }
}
