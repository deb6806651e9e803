package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.ProjectRoot;
import dev.baton.app.api.ApiClient.FilePart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Outcome imports and reports through the API on a real PostgreSQL: the example exports import as
 * batches beside the event log (the log is untouched), the same export again changes nothing, a bad
 * export is refused at its file:line:col and stores nothing, and the funnel and attribution show the
 * figures of {@code baton funnel} and every model side by side; a model version with a
 * {@code funnel:} section then gives the funnel, the handoff and the metrics its stages.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.springframework.test.annotation.DirtiesContext // the last test uploads a model version
class OutcomeApiIT extends DemoServer {

    static final Path EXAMPLES = ProjectRoot.PATH.resolve("examples/outcomes");

    @Autowired
    JdbcTemplate jdbc;

    /** The example Salesforce exports and touchpoints: kind, file under examples/outcomes. */
    static final String[][] EXAMPLE_FILES = {{"salesforce-leads", "salesforce/leads.csv"},
            {"salesforce-opportunities", "salesforce/opportunities.csv"},
            {"salesforce-contact-roles", "salesforce/contact-roles.csv"},
            {"salesforce-opportunity-history", "salesforce/opportunity-history.csv"},
            {"salesforce-campaign-members", "salesforce/campaign-members.csv"},
            {"touchpoints", "touchpoints.csv"}};

    static FilePart file(String name) {
        try {
            return new FilePart(Path.of(name).getFileName().toString(), Files.readAllBytes(EXAMPLES.resolve(name)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long batches() {
        return jdbc.queryForObject("select count(*) from outcome_batches", Long.class);
    }

    long events() {
        return jdbc.queryForObject("select count(*) from events", Long.class);
    }

    @Test
    @Order(1)
    void beforeAnyImportTheReportsSayThereIsNothing() {
        ApiClient.Response funnel = user("maya").get("/api/v1/outcomes/funnel");
        assertThat(funnel.status()).isEqualTo(404);
        assertThat(funnel.body()).contains("no-outcome-data");
        assertThat(user("maya").get("/api/v1/outcomes/metrics").status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void theExamplesImportBesideTheLogAndTheSameExportAgainChangesNothing() {
        ApiClient grace = user("grace");
        long events = events();
        for (String[] f : EXAMPLE_FILES) {
            ApiClient.Response r = grace.multipart("/api/v1/outcomes/imports", "kind", f[0], "file", file(f[1]));
            assertThat(r.status()).as(f[1] + ": " + r.body()).isEqualTo(201);
            assertThat(r.json()).containsEntry("changed", true);
            assertThat((Map<String, Object>) r.json().get("batch")).containsEntry("kind", f[0]);
        }
        assertThat(batches()).isEqualTo(6);
        assertThat(events()).as("outcome data is not work events").isEqualTo(events);

        ApiClient.Response again = grace.multipart("/api/v1/outcomes/imports", "kind", "salesforce-leads", "file",
                file("salesforce/leads.csv"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).containsEntry("changed", false);
        assertThat(batches()).isEqualTo(6);

        ApiClient.Response member = user("maya").multipart("/api/v1/outcomes/imports", "kind", "touchpoints", "file",
                file("touchpoints.csv"));
        assertThat(member.status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void aBadExportIsRefusedAtItsLineAndColumnAndStoresNothing() {
        ApiClient grace = user("grace");
        long before = batches();
        String bad = "Opportunity ID,Opportunity Name,Stage,Amount,Created Date,Close Date\n"
                + "0069,Big,Closed Won,1000,2026-01-05,31/31/2026\n"
                + "0068,Small,Discovery Call,10,2026-01-05,\n";
        ApiClient.Response r = grace.multipart("/api/v1/outcomes/imports", "kind", "salesforce-opportunities", "file",
                new FilePart("more-opps.csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("invalid-export").contains("more-opps.csv:2:6").contains("more-opps.csv:3:3")
                .contains("Discovery Call");
        assertThat(batches()).isEqualTo(before);

        ApiClient.Response unknown = grace.multipart("/api/v1/outcomes/imports", "kind", "marketo", "file",
                new FilePart("x.csv", "a,b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown-kind");
        ApiClient.Response noFile = grace.multipart("/api/v1/outcomes/imports", "kind", "touchpoints");
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(batches()).isEqualTo(before);
    }

    @Test
    @Order(4)
    @SuppressWarnings("unchecked")
    void theFunnelAndAttributionShowTheStoredExports() {
        ApiClient maya = user("maya");
        ApiClient.Response funnel = maya.get("/api/v1/outcomes/funnel?by=channel");
        assertThat(funnel.status()).as(funnel.body()).isEqualTo(200);
        Map<String, Object> total = (Map<String, Object>) funnel.json().get("total");
        assertThat((List<Map<String, Object>>) total.get("stages")).extracting(s -> s.get("count"))
                .containsExactly(6, 5, 3, 3, 1);
        assertThat(funnel.json()).containsEntry("by", "channel");

        ApiClient.Response attribution = maya.get("/api/v1/outcomes/attribution");
        assertThat(attribution.status()).as(attribution.body()).isEqualTo(200);
        List<Map<String, Object>> models = (List<Map<String, Object>>) attribution.json().get("models");
        assertThat(models).extracting(m -> m.get("model")).contains("first-touch", "last-touch", "linear", "markov",
                "shapley", "shapley-rate");
        assertThat((List<Map<String, Object>>) attribution.json().get("channels")).isNotEmpty();

        ApiClient.Response badBy = maya.get("/api/v1/outcomes/funnel?by=planet");
        assertThat(badBy.status()).isEqualTo(400);
        assertThat(badBy.body()).contains("campaign, channel, work-type, segment, quarter, none");
    }

    @Test
    @Order(5)
    @SuppressWarnings("unchecked")
    void theModelsMetricsAreMeasuredAgainstTheirTargetsWithTheRecordsBehindThem() {
        ApiClient.Response r = user("maya").get("/api/v1/outcomes/metrics");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<Map<String, Object>> measured = (List<Map<String, Object>>) r.json().get("measured");
        assertThat(measured).extracting(m -> ((Map<String, Object>) m.get("metric")).get("id"))
                .containsExactly("pipeline", "win-rate", "mql-to-sql");

        // The example exports run from January to March 2026: one quarter.
        Map<String, Object> pipeline = period(measured, 0);
        assertThat(pipeline).containsEntry("period", "2026-Q1").containsEntry("status", "missed");
        assertThat(((Number) pipeline.get("actual")).doubleValue()).as("Northwind, Orbit and Kestrel").isEqualTo(54_000.0);
        assertThat(((Number) pipeline.get("target")).doubleValue()).isEqualTo(4_200_000.0);
        assertThat(((Number) pipeline.get("missedByPercent")).doubleValue())
                .isCloseTo((4_200_000 - 54_000) / 4_200_000.0 * 100, org.assertj.core.api.Assertions.within(1e-9));
        assertThat((Map<String, Object>) pipeline.get("evidence")).containsEntry("count", 3)
                .containsEntry("of", "opportunities sourced");

        Map<String, Object> winRate = period(measured, 1);
        assertThat(((Number) winRate.get("actual")).doubleValue()).as("Northwind won, Kestrel lost").isEqualTo(50.0);
        assertThat(winRate).containsEntry("status", "met").containsEntry("verdict",
                "met: 50 against 27 (2 opportunities closed)");

        Map<String, Object> mqlToSql = period(measured, 2);
        assertThat(((Number) mqlToSql.get("actual")).doubleValue()).as("3 of 5 MQLs became SQLs").isEqualTo(60.0);
        assertThat((Map<String, Object>) mqlToSql.get("evidence")).containsEntry("count", 5);

        List<Map<String, Object>> not = (List<Map<String, Object>>) r.json().get("notMeasured");
        assertThat(not).extracting(m -> ((Map<String, Object>) m.get("metric")).get("id"))
                .containsExactly("launch-readiness", "content-velocity", "feature-adoption");
        assertThat(not).extracting(m -> (String) m.get("reason")).allMatch(s -> s.startsWith("not measurable yet: add measure:"));
    }

    @Test
    @Order(7)
    @SuppressWarnings("unchecked")
    void theCurrentModelsFunnelSectionWinsOverTheMappingsStages() {
        ApiClient grace = user("grace");
        String model = grace.get("/api/v1/model", "Accept", "application/yaml").body();
        // Sales-accepted instead of SQL: the example leads' SQL Date and Working - Contacted now mean "sal".
        String withFunnel = model + "\nfunnel:\n  stages:\n"
                + "    - { id: lead, name: Lead }\n"
                + "    - { id: mql, name: Marketing qualified }\n"
                + "    - { id: sal, name: Sales accepted, statuses: [Working - Contacted], date-columns: [SQL Date] }\n"
                + "    - { id: opportunity, name: Opportunity }\n"
                + "    - { id: won, name: Customer }\n"
                + "  handoff: { from: mql, to: sal }\n";
        ApiClient.Response upload = grace.put("/api/v1/model", "application/yaml", withFunnel);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);

        ApiClient.Response funnel = user("maya").get("/api/v1/outcomes/funnel");
        assertThat(funnel.status()).as(funnel.body()).isEqualTo(200);
        Map<String, Object> total = (Map<String, Object>) funnel.json().get("total");
        List<Map<String, Object>> stages = (List<Map<String, Object>>) total.get("stages");
        assertThat(stages).extracting(s -> s.get("stage")).containsExactly("lead", "mql", "sal", "opportunity", "won");
        assertThat(stages).extracting(s -> s.get("count")).containsExactly(6, 5, 3, 3, 1);
        Map<String, Object> handoff = (Map<String, Object>) total.get("handoff");
        assertThat(handoff).containsEntry("from", "mql").containsEntry("to", "sal").containsEntry("handedOver", 5)
                .containsEntry("accepted", 3);

        // The MQL → SQL metric names a stage this funnel no longer has: not measurable, and the page says why.
        ApiClient.Response metrics = user("maya").get("/api/v1/outcomes/metrics");
        assertThat(metrics.status()).as(metrics.body()).isEqualTo(200);
        List<Map<String, Object>> not = (List<Map<String, Object>>) metrics.json().get("notMeasured");
        System.out.println("metrics under the model's funnel, not measured: " + not);
        assertThat(not).filteredOn(m -> "mql-to-sql".equals(((Map<String, Object>) m.get("metric")).get("id")))
                .singleElement().satisfies(m -> assertThat((String) m.get("reason")).contains("'sql' is not a funnel stage"));
        assertThat(user("maya").get("/api/v1/outcomes/attribution").status()).isEqualTo(200);

        // A later version whose funnel cannot read the stored exports (no stage takes Working - Contacted) is
        // refused, naming the value and the export, and nothing is stored: the figures stay the current model's.
        long versions = modelVersions();
        String narrower = model + "\nfunnel:\n  stages: [{ id: lead }, { id: mql }, { id: opportunity }, { id: won }]\n"
                + "  handoff: { from: mql, to: opportunity }\n";
        ApiClient.Response second = grace.put("/api/v1/model", "application/yaml", narrower);
        System.out.println("a model whose funnel cannot read the stored exports: " + second.body());
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(second.json()).containsEntry("code", "funnel-breaks-stored-exports");
        assertThat((String) second.json().get("detail")).contains("stored outcome export leads.csv")
                .contains("leads.csv:3:6").contains("'Working - Contacted'").contains("nothing was stored");
        assertThat(modelVersions()).isEqualTo(versions);
        assertThat(grace.get("/api/v1/model", "Accept", "application/yaml").body()).isEqualTo(withFunnel);
        ApiClient.Response still = user("maya").get("/api/v1/outcomes/funnel");
        assertThat(((List<Map<String, Object>>) ((Map<String, Object>) still.json().get("total")).get("stages")))
                .extracting(s -> s.get("stage")).containsExactly("lead", "mql", "sal", "opportunity", "won");
        assertThat((List<String>) still.json().get("notes")).noneMatch(n -> n.contains("cannot read"));
        // A model change that leaves the funnel as it is passes.
        ApiClient.Response renamed = grace.put("/api/v1/model", "application/yaml", withFunnel + "\n# same funnel\n");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(201);
    }

    /**
     * Stored exports that the current model cannot read all the same (stored before uploads were checked,
     * say): the figures fall back to the outcome mapping's stages with a note; when nothing reads them, the
     * API answers 409 with why and the page says so — never a 500.
     */
    @Test
    @Order(8)
    @SuppressWarnings("unchecked")
    void storedExportsThatCannotBeReadGiveANoteNeverA500() {
        String id = jdbc.queryForObject("select id from outcome_batches where file_name = 'leads.csv'", String.class);
        byte[] original = jdbc.queryForObject("select content from outcome_exports where batch_id = ?", byte[].class, id);
        String leads = new String(original, java.nio.charset.StandardCharsets.UTF_8);
        try {
            // "SQL" is a default status of the outcome mapping, but not one of the model's funnel (lead, mql, sal, ...).
            content(id, leads.replace("Working - Contacted", "SQL"));
            ApiClient.Response fallback = user("maya").get("/api/v1/outcomes/funnel");
            assertThat(fallback.status()).as(fallback.body()).isEqualTo(200);
            assertThat(((List<Map<String, Object>>) ((Map<String, Object>) fallback.json().get("total")).get("stages")))
                    .extracting(s -> s.get("stage")).containsExactly("lead", "mql", "sql", "opportunity", "won");
            assertThat((List<String>) fallback.json().get("notes")).first().asString()
                    .startsWith("the current model's funnel: section cannot read the stored exports (leads.csv:3:6:");

            content(id, leads.replace("Working - Contacted", "Discovery Call"));
            for (String path : List.of("/api/v1/outcomes/funnel", "/api/v1/outcomes/funnel?by=work-type",
                    "/api/v1/outcomes/attribution", "/api/v1/outcomes/metrics")) {
                ApiClient.Response r = user("maya").get(path);
                assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(409);
                assertThat(r.json()).containsEntry("code", "stored-exports-unreadable");
                assertThat((String) r.json().get("detail")).contains("leads.csv:3:6").contains("'Discovery Call'");
            }
            assertThat(user("maya").get("/api/v1/outcomes/imports").status()).isEqualTo(200);
        } finally {
            content(id, leads);
        }
        assertThat(user("maya").get("/api/v1/outcomes/funnel").status()).isEqualTo(200);
    }

    private void content(String batch, String text) {
        jdbc.update("update outcome_exports set content = ? where batch_id = ?",
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8), batch);
    }

    long modelVersions() {
        return jdbc.queryForObject("select count(*) from model_versions", Long.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> period(List<Map<String, Object>> measured, int metric) {
        List<Map<String, Object>> periods = (List<Map<String, Object>>) measured.get(metric).get("periods");
        assertThat(periods).hasSize(1);
        return periods.get(0);
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void byWorkTypeTheFunnelGroupsCampaignsByTheWorkTypeOfTheItemsLinkedToThem() {
        ApiClient grace = user("grace");
        byte[] utf8 = "campaigns:\n  link-field: campaign-name\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ApiClient.Response mapped = grace.multipart("/api/v1/outcomes/imports", "kind", "touchpoints", "file",
                new FilePart("gala.csv", ("email,account,time,channel,campaign\n"
                        + "fay@lumenfreight.example,,2026-03-05T10:00:00Z,event,Spring Gala\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)), "mapping", new FilePart("mapping.yaml", utf8));
        assertThat(mapped.status()).as(mapped.body()).isEqualTo(201);
        for (String campaign : List.of("Q1 Analytics Webinar", "Q1 Search")) {
            ApiClient.Response item = grace.post("/api/v1/items", "{\"id\": \"wt-" + campaign.length() + "-" + System.nanoTime()
                    + "\", \"workType\": \"campaign\", \"title\": \"" + campaign
                    + "\", \"fields\": {\"campaign-name\": \"" + campaign + "\", \"objective\": \"Pipeline\", "
                    + "\"segment\": \"Mid-market\", \"primary-metric\": \"pipeline\", \"channel-mix\": [\"webinar\"], "
                    + "\"start-date\": \"2026-01-05\", \"reach\": 400, \"impact\": 2, \"confidence\": 80, \"effort\": 3}}");
            assertThat(item.status()).as(item.body()).isEqualTo(201);
        }

        ApiClient.Response funnel = user("maya").get("/api/v1/outcomes/funnel?by=work-type");
        assertThat(funnel.status()).as(funnel.body()).isEqualTo(200);
        assertThat(funnel.json()).containsEntry("by", "work-type");
        List<Map<String, Object>> groups = (List<Map<String, Object>>) funnel.json().get("groups");
        assertThat(groups).extracting(g -> g.get("key")).containsExactly("(no linked work item)", "(none)", "campaign");
        Map<String, Object> campaign = groups.get(2);
        // Ana, Cho, Fay (first touch Q1 Search), Ben (the webinar) and Kestrel's opportunity; lead to MQL in
        // 5, 7 and 2 days: median 5, neither campaign's own.
        assertThat((List<Map<String, Object>>) campaign.get("stages")).extracting(s -> s.get("count"))
                .containsExactly(4, 3, 2, 2, 1);
        assertThat(((List<Map<String, Object>>) campaign.get("stages")).get(0)).containsEntry("medianDaysToNext", 5.0);
        assertThat((Map<String, Object>) campaign.get("sourced")).containsEntry("opportunities", 2)
                .containsEntry("pipeline", 36_000.0);
        // Northwind was touched by both campaigns: its 24,000 counts once for the work type.
        assertThat((Map<String, Object>) campaign.get("influenced")).containsEntry("opportunities", 3)
                .containsEntry("pipeline", 54_000.0);
        assertThat(campaign).containsEntry("cost", 150.0);
    }
}
