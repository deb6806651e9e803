package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.web.DashboardReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Imports are batches that can be undone, over real HTTP on a real PostgreSQL with the demo's
 * history: an old Jira export imported into the demo changes the debt dashboard; retracted, the
 * dashboard's report is exactly the one from before the import; imported again, its events are
 * stored anew. Only ops and admins retract; an unknown batch is 404, a second retraction 409, and
 * neither changes anything.
 */
class ImportBatchesIT extends DemoServer {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    long events() {
        return jdbc.queryForObject("select count(*) from events", Long.class);
    }

    Map<String, Object> dashboard() {
        return DashboardReport.of(context);
    }

    ApiClient.Response importJira(ApiClient client) {
        return client.multipart("/api/v1/imports", "kind", "jira-json", "file", ImportApiIT.jira(),
                "mapping", ImportApiIT.mapping());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> batches(ApiClient client) {
        ApiClient.Response list = client.get("/api/v1/imports");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return (List<Map<String, Object>>) list.json().get("batches");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> feed(ApiClient client) {
        return (List<Map<String, Object>>) client.get("/api/v1/events?after=0&limit=1000").json().get("events");
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImportIsRetractedAndTheDashboardIsExactlyAsBefore() {
        ApiClient grace = user("grace");   // ops
        ApiClient maya = user("maya");     // member
        ApiClient tomas = user("tomas");   // viewer
        Map<String, Object> before = dashboard();
        assertThat(batches(tomas)).isEmpty();

        ApiClient.Response imported = importJira(grace);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        Map<String, Object> batch = (Map<String, Object>) imported.json().get("batch");
        String id = (String) batch.get("id");
        int stored = (Integer) imported.json().get("events");
        assertThat(batch).containsEntry("kind", "jira-json").containsEntry("file", "jira-cloud-search-jql.json")
                .containsEntry("importedBy", "grace.lindqvist").containsEntry("modelVersion", 1)
                .containsEntry("events", stored).containsEntry("items", 2).containsEntry("newItems", 2)
                .containsEntry("retracted", false);
        assertThat((String) batch.get("firstAt")).startsWith("20");
        assertThat((String) batch.get("asOf")).startsWith("20");
        // Every signed-in user sees the batch; each of its events names it, in the same transaction as its record.
        assertThat(batches(tomas)).containsExactly(batch);
        assertThat(jdbc.queryForObject("select count(*) from events where batch_id = ?", Long.class, id)).isEqualTo(stored);
        assertThat(jdbc.queryForObject("select count(*) from events where stream = ? and type = 'BatchImported'",
                Long.class, "import:" + id)).isOne();

        Map<String, Object> after = dashboard();
        assertThat(after).isNotEqualTo(before);
        assertThat(((Number) after.get("items")).longValue()).isEqualTo(((Number) before.get("items")).longValue() + 2);

        // Viewers and members may not retract; nothing changes.
        long count = events();
        for (ApiClient refused : List.of(maya, tomas)) {
            ApiClient.Response r = refused.post("/api/v1/imports/" + id + "/retract", "");
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.json()).containsEntry("code", "role-not-allowed");
        }
        ApiClient.Response unknown = grace.post("/api/v1/imports/0123456789ab/retract", "");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
        assertThat(unknown.json()).containsEntry("code", "unknown-batch");
        assertThat((String) unknown.json().get("detail")).contains("no import batch '0123456789ab'");
        assertThat(grace.get("/api/v1/imports/0123456789ab").status()).isEqualTo(404);
        assertThat(grace.post("/api/v1/imports/not%20an%20id/retract", "").status()).isEqualTo(404);
        assertThat(events()).isEqualTo(count);
        assertThat(dashboard()).isEqualTo(after);

        ApiClient.Response retracted = grace.post("/api/v1/imports/" + id + "/retract", "");
        assertThat(retracted.status()).as(retracted.body()).isEqualTo(200);
        assertThat(retracted.json()).containsEntry("id", id).containsEntry("retracted", true)
                .containsEntry("retractedBy", "grace.lindqvist").containsEntry("events", stored);
        assertThat(retracted.json().get("retractedAt")).isNotNull();
        assertThat(events()).isEqualTo(count + 1); // the ImportRetracted; nothing deleted
        assertThat(dashboard()).isEqualTo(before);
        List<Map<String, Object>> feed = feed(tomas);
        assertThat(feed).noneMatch(e -> id.equals(e.get("batch")));
        assertThat(feed).filteredOn(e -> "ImportRetracted".equals(e.get("type"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("stream", "import:" + id));
        assertThat(grace.get("/api/v1/imports/" + id).json()).containsEntry("retracted", true);

        ApiClient.Response twice = grace.post("/api/v1/imports/" + id + "/retract", "");
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.json()).containsEntry("code", "already-retracted");
        assertThat((String) twice.json().get("detail")).contains("was retracted already").contains("nothing was changed");
        assertThat(events()).isEqualTo(count + 1);

        // The same export again: its events count as never imported, and are stored anew in a new batch.
        ApiClient.Response again = importJira(grace);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json()).containsEntry("events", stored).containsEntry("alreadyPresent", 0)
                .containsEntry("newItems", 2);
        String second = (String) ((Map<String, Object>) again.json().get("batch")).get("id");
        assertThat(second).isNotEqualTo(id);
        assertThat(DashboardReport.withoutPositions(dashboard())).isEqualTo(DashboardReport.withoutPositions(after));
        assertThat(batches(grace)).extracting(b -> b.get("id")).containsExactly(second, id);
        // Retracted events keep their rows, so each item's versions stay unique in the log.
        assertThat(jdbc.queryForObject("select count(*) from events where stream = 'MKT-1'", Long.class))
                .isEqualTo(jdbc.queryForObject("select count(distinct version) from events where stream = 'MKT-1'", Long.class));
        assertThat(feed(tomas)).filteredOn(e -> "MKT-1".equals(e.get("stream")))
                .isNotEmpty().allMatch(e -> second.equals(e.get("batch")));
    }
}
