package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.Examples;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Migrating work in flight over real HTTP on a real PostgreSQL: version 2 of the demo model drops
 * the campaign's QA stage (and the asset work type); a campaign at QA is previewed and migrated to
 * Live, after which the engine decides its commands against version 2. Bad requests say where and
 * what, with a 4xx, and store nothing; members and viewers may not migrate.
 */
// The upload changes the current model: a context of its own.
@DirtiesContext
class MigrationApiIT extends DemoServer {

    static final String BRIEF = WorkApiIT.BRIEF;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> json, String key) {
        return (List<Map<String, Object>>) json.get(key);
    }

    String campaignAtQa(String id, boolean budget) {
        ApiClient nora = user("nora");
        ApiClient jon = user("jon");
        assertThat(nora.post("/api/v1/items", """
                {"id": "%s", "workType": "campaign", "title": "Webinar %s", "fields": %s}""".formatted(id, id, BRIEF))
                .status()).isEqualTo(201);
        ok(nora, id, "move-to", "{\"stage\": \"brief-review\"}");
        ok(nora, id, "approve", "{}");
        ok(user("maya"), id, "approve", "{}");
        ok(jon, id, "move-to", "{\"stage\": \"build\"}");
        ok(jon, id, "update-fields", "{\"fields\": {\"landing-page\": \"https://nw.example/l\", "
                + "\"utm-plan\": \"https://nw.example/u\"" + (budget ? ", \"budget\": 12000" : "") + "}}");
        ok(jon, id, "move-to", "{\"stage\": \"qa\"}");
        return id;
    }

    static void ok(ApiClient as, String id, String command, String body) {
        ApiClient.Response r = as.post("/api/v1/items/" + id + "/" + command, body);
        assertThat(r.status()).as(command + ": " + r.body()).isEqualTo(200);
    }

    long events() {
        return ((Number) nobody().get("/api/health").json().get("events")).longValue();
    }

    static Map<String, Object> row(Map<String, Object> plan, String item) {
        return list(plan, "items").stream().filter(i -> item.equals(i.get("item"))).findFirst().orElseThrow();
    }

    @Test
    void aCampaignAtAStageVersionTwoDropsIsPreviewedMigratedAndThenFollowsVersionTwo() {
        ApiClient grace = user("grace");
        String ready = campaignAtQa("mig-ready", true);
        String noBudget = campaignAtQa("mig-no-budget", false);
        ApiClient.Response upload = grace.put("/api/v1/model", "application/yaml", Examples.b2bSaasV2());
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        assertThat(upload.json()).containsEntry("version", 2);
        long before = events();

        // Mistakes: what and where, 400 when the request can't be read, 422 when it names what the models lack.
        ApiClient.Response malformed = grace.post("/api/v1/migrations/preview",
                "{\"fromVersion\": 1, \"toVersion\": 2, \"map\": [\"qa\"]}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json()).containsEntry("code", "invalid-migration");
        assertThat(list(malformed.json(), "errors")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("where", "map[1] 'qa'");
            assertThat((String) e.get("message")).startsWith("expected old-stage=new-stage");
        });
        ApiClient.Response unknown = grace.post("/api/v1/migrations",
                "{\"fromVersion\": 1, \"toVersion\": 2, \"map\": {\"qa\": \"nowhere\"}}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json()).containsEntry("code", "invalid-mapping");
        assertThat(list(unknown.json(), "errors")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("where", "map[1] 'qa=nowhere'");
            assertThat((String) e.get("message")).startsWith("version 2 has no stage 'nowhere' in campaign");
        });
        assertThat(grace.post("/api/v1/migrations", "{\"fromVersion\": 1, \"toVersion\": 9}").json())
                .containsEntry("code", "invalid-mapping").containsEntry("status", 422);
        ApiClient.Response wrongType = grace.post("/api/v1/migrations/preview", "{\"fromVersion\": \"one\", \"toVersion\": 2}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(list(wrongType.json(), "errors")).extracting(e -> e.get("member")).containsExactly("fromVersion");
        assertThat(grace.post("/api/v1/migrations", "[1, 2]").status()).isEqualTo(400);
        assertThat(events()).as("a refused request stores nothing").isEqualTo(before);

        // Only ops and admins migrate.
        String body = "{\"fromVersion\": 1, \"toVersion\": 2, \"map\": {\"qa\": \"live\"}}";
        assertThat(user("maya").post("/api/v1/migrations/preview", body).status()).isEqualTo(403);
        assertThat(user("tomas").post("/api/v1/migrations", body).json()).containsEntry("code", "role-not-allowed");

        Map<String, Object> plan = grace.post("/api/v1/migrations/preview", body).json();
        assertThat(row(plan, ready)).containsEntry("status", "moves").containsEntry("fromStage", "qa")
                .containsEntry("toStage", "live");
        assertThat(row(plan, noBudget)).containsEntry("status", "refused").containsEntry("reason", "required-field-missing");
        assertThat((String) row(plan, noBudget).get("detail")).contains("without Budget");
        assertThat(list(plan, "items")).filteredOn(i -> "asset".equals(i.get("workType")))
                .allSatisfy(i -> assertThat(i).containsEntry("reason", "work-type-missing"));
        assertThat(events()).as("a preview stores nothing").isEqualTo(before);

        // Named items move all or none.
        ApiClient.Response refused = grace.post("/api/v1/migrations", """
                {"fromVersion": 1, "toVersion": 2, "map": {"qa": "live"}, "items": ["%s", "%s"]}""".formatted(ready, noBudget));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json()).containsEntry("code", "migration-refused");
        assertThat(list(refused.json(), "items")).extracting(i -> i.get("item")).containsExactly(noBudget);
        assertThat(events()).isEqualTo(before);

        String only = "{\"fromVersion\": 1, \"toVersion\": 2, \"map\": {\"qa\": \"live\"}, \"items\": [\"" + ready + "\"]}";
        ApiClient.Response applied = grace.post("/api/v1/migrations", only, "Idempotency-Key", "mig-7");
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json()).containsEntry("migrated", 1);
        assertThat(list(applied.json(), "events")).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("type", "ItemMigrated").containsEntry("modelVersion", 2)
                    .containsEntry("stream", ready).containsEntry("actor", "grace.lindqvist");
            assertThat(e.get("data")).isEqualTo(Map.of("fromVersion", 1, "toVersion", 2, "fromStage", "qa", "toStage", "live"));
        });
        ApiClient.Response again = grace.post("/api/v1/migrations", only, "Idempotency-Key", "mig-7");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).containsEntry("migrated", 0).containsEntry("alreadyMigrated", 1);
        assertThat(events()).isEqualTo(before + 1);

        // The engine now decides the migrated item against version 2; the other one stays under version 1.
        Map<String, Object> item = user("maya").get("/api/v1/items/" + ready).json();
        assertThat(item).containsEntry("modelVersion", 2).containsEntry("stage", "live");
        ApiClient.Response back = user("jon").post("/api/v1/items/" + ready + "/move-to", "{\"stage\": \"qa\"}");
        assertThat(back.status()).isEqualTo(404);
        assertThat(back.json().get("detail").toString()).contains("has no stage 'qa'");
        assertThat(user("maya").get("/api/v1/items?stage=live&workType=campaign").list()).extracting(i -> i.get("id"))
                .contains(ready);
        assertThat(user("maya").get("/api/v1/items/" + noBudget).json()).containsEntry("modelVersion", 1);
        ok(user("jon"), noBudget, "move-to", "{\"stage\": \"build\"}");
    }
}
