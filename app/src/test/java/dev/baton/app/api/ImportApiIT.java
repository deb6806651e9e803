package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.api.ApiClient.FilePart;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Imports through the API over real HTTP on a real PostgreSQL with the demo model and users: a
 * preview stores nothing, an import stores each event once (a second one finds them all present),
 * only ops and admins may, and a bad kind, file or mapping, a file over the limit or an item id
 * taken by the engine are refused with a problem detail and change nothing.
 */
@TestPropertySource(properties = "baton.import.max-upload=64KB")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportApiIT extends DemoServer {

    @Autowired
    JdbcTemplate jdbc;

    ApiClient grace;   // ops
    ApiClient maya;    // member
    ApiClient tomas;   // viewer

    @BeforeEach
    void clients() {
        grace = user("grace");
        maya = user("maya");
        tomas = user("tomas");
    }

    static byte[] resource(String name) {
        try (InputStream in = ImportApiIT.class.getResourceAsStream("/imports/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static FilePart jira() {
        return new FilePart("jira-cloud-search-jql.json", resource("jira-cloud-search-jql.json"));
    }

    static String mapping() {
        return new String(resource("jira-to-b2b-saas.yaml"), java.nio.charset.StandardCharsets.UTF_8);
    }

    long events() {
        return jdbc.queryForObject("select count(*) from events", Long.class);
    }

    long imported(String stream) {
        return jdbc.queryForObject("select count(*) from events where stream = ? and event_id is not null", Long.class, stream);
    }

    @Test
    @Order(1)
    @SuppressWarnings("unchecked")
    void aPreviewCountsMapsAndSamplesButStoresNothing() {
        long before = events();
        ApiClient.Response preview = grace.multipart("/api/v1/imports/preview", "kind", "jira-json", "file", jira(),
                "mapping", mapping());
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        Map<String, Object> body = preview.json();
        assertThat(body).containsEntry("stored", false).containsEntry("kind", "jira-json")
                .containsEntry("file", "jira-cloud-search-jql.json").containsEntry("items", 2).containsEntry("newItems", 2)
                .containsEntry("alreadyPresent", 0).containsEntry("modelVersion", 1);
        int events = (Integer) body.get("events");
        assertThat(events).isPositive();
        Map<String, Object> byType = (Map<String, Object>) body.get("eventsByType");
        assertThat(byType).containsEntry("ItemCreated", 2).containsKeys("StageEntered", "OwnerAssigned", "ItemCompleted");
        assertThat(byType.values().stream().mapToInt(v -> (Integer) v).sum()).isEqualTo(events);

        List<Map<String, Object>> workTypes = (List<Map<String, Object>>) body.get("workTypes");
        assertThat(workTypes).containsExactly(Map.of("workType", "campaign", "items", 2, "inModel", true));
        List<Map<String, Object>> stages = (List<Map<String, Object>>) body.get("stages");
        assertThat(stages).extracting(s -> s.get("stage")).contains("brief", "build", "qa", "live");
        assertThat(stages).allSatisfy(s -> assertThat(s).containsEntry("workType", "campaign").containsEntry("inModel", true));

        List<Map<String, Object>> unmapped = (List<Map<String, Object>>) body.get("unmapped");
        assertThat(unmapped).anySatisfy(u -> assertThat(u).containsEntry("category", "people")
                .containsEntry("value", "Sam Lee").containsEntry("key", "people.\"Sam Lee\""));
        assertThat(unmapped).allSatisfy(u -> assertThat((String) u.get("hint")).isNotBlank());

        List<Map<String, Object>> sample = (List<Map<String, Object>>) body.get("sample");
        assertThat(sample).hasSize(Math.min(events, 20));
        assertThat(sample.get(0)).containsEntry("stream", "MKT-1").containsEntry("type", "ItemCreated")
                .containsEntry("id", "jira:10001:created").containsEntry("actor", "maya.chen")
                .containsEntry("workType", "campaign").doesNotContainKey("position");

        assertThat(events()).isEqualTo(before);
    }

    @Test
    @Order(2)
    @SuppressWarnings("unchecked")
    void anImportStoresEachEventOnceAndAgainStoresNothing() {
        Map<String, Object> preview = grace.multipart("/api/v1/imports/preview", "kind", "jira-json", "file", jira(),
                "mapping", new FilePart("map.yaml", mapping().getBytes())).json();
        long before = events();

        ApiClient.Response first = grace.multipart("/api/v1/imports", "kind", "jira-json", "file", jira(),
                "mapping", mapping());
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        Map<String, Object> stored = first.json();
        assertThat(stored).containsEntry("stored", true).containsEntry("alreadyPresent", 0)
                .containsEntry("events", preview.get("events")).containsEntry("eventsByType", preview.get("eventsByType"));
        int events = (Integer) stored.get("events");
        // The export's events and the BatchImported that records them as one batch.
        assertThat(events()).isEqualTo(before + events + 1);
        assertThat(imported("MKT-1") + imported("MKT-2")).isEqualTo(events);
        assertThat(jdbc.queryForObject("select count(*) from events where event_id is not null and model_version <> 0",
                Long.class)).isZero();

        ApiClient.Response again = grace.multipart("/api/v1/imports", "kind", "jira-json", "file", jira(),
                "mapping", mapping());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json()).containsEntry("events", 0).containsEntry("alreadyPresent", stored.get("changesRead"))
                .containsEntry("batch", null);
        assertThat(events()).isEqualTo(before + events + 1);

        // Imported history is in the event feed, but it is no work item the engine runs.
        List<Map<String, Object>> feed = (List<Map<String, Object>>) grace.get("/api/v1/events?after=0&limit=1000")
                .json().get("events");
        assertThat(feed).filteredOn(e -> "MKT-1".equals(e.get("stream"))).isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsEntry("modelVersion", 0).containsKey("id"));
        ApiClient.Response item = grace.get("/api/v1/items/MKT-1");
        assertThat(item.status()).isEqualTo(404);
        ApiClient.Response command = grace.post("/api/v1/items/MKT-1/comment", "{\"text\": \"hello\"}");
        assertThat(command.status()).isEqualTo(404);
        assertThat(events()).isEqualTo(before + events + 1);
    }

    @Test
    void viewersAndMembersMayNotImport() {
        long before = events();
        for (ApiClient who : List.of(tomas, maya)) {
            for (String path : List.of("/api/v1/imports/preview", "/api/v1/imports", "/api/v1/imports/suggest-mapping")) {
                ApiClient.Response refused = who.multipart(path, "kind", "jira-json", "file", jira());
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.json()).containsEntry("code", "role-not-allowed");
            }
        }
        assertThat(nobody().multipart("/api/v1/imports", "kind", "jira-json", "file", jira()).status())
                .isEqualTo(401);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void badKindFileOrMappingIsRefusedWithWhatAndWhereAndStoresNothing() {
        long before = events();
        Map<String, Object> kind = problem(grace.multipart("/api/v1/imports", "kind", "jira-xml", "file", jira()), 400,
                "unknown-kind");
        assertThat((String) kind.get("detail")).contains("found 'jira-xml'").contains("jira-json");
        assertThat((List<String>) kind.get("kinds")).contains("jira-json", "trello-json", "ocel");

        assertThat((String) problem(grace.multipart("/api/v1/imports", "kind", "jira-json"), 400, "invalid-input")
                .get("detail")).contains("expected an export file");

        Map<String, Object> wrongKind = problem(grace.multipart("/api/v1/imports", "kind", "jira-json", "file",
                new FilePart("board.json", resource("trello-board-moves.json"))), 422, "invalid-export");
        assertThat((String) wrongKind.get("detail")).startsWith("board.json: ").contains("expected");

        byte[] full = resource("jira-cloud-search-jql.json");
        Map<String, Object> truncated = problem(grace.multipart("/api/v1/imports", "kind", "jira-json", "file",
                new FilePart("cut.json", Arrays.copyOf(full, full.length / 2))), 422, "invalid-export");
        assertThat((String) truncated.get("where")).contains("line");
        assertThat((String) truncated.get("detail")).contains("nothing was imported");

        Map<String, Object> yaml = problem(grace.multipart("/api/v1/imports", "kind", "jira-json", "file", jira(),
                "mapping", "stages:\n  To Do: [brief\n"), 422, "invalid-mapping");
        assertThat((List<Map<String, Object>>) yaml.get("errors")).isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsKeys("line", "column", "message"));

        Map<String, Object> unknownStage = problem(grace.multipart("/api/v1/imports/preview", "kind", "jira-json",
                "file", jira(), "mapping", "stages:\n  To Do: briefing\npeople:\n  Sam Lee: sam\n"), 422, "invalid-mapping");
        List<Map<String, Object>> errors = (List<Map<String, Object>>) unknownStage.get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).containsEntry("line", 2).containsEntry("path", "stages.To Do");
        assertThat((String) errors.get(0).get("message")).contains("found 'briefing'").contains("brief");
        assertThat(errors.get(1)).containsEntry("line", 4);

        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitGets413AndStoresNothing() {
        long before = events();
        byte[] big = new byte[100 * 1024];
        Arrays.fill(big, (byte) ' ');
        Map<String, Object> problem = problem(grace.multipart("/api/v1/imports", "kind", "jira-json", "file",
                new FilePart("huge.json", big)), 413, "upload-too-large");
        assertThat((String) problem.get("detail")).contains("huge.json is 100 KB").contains("up to 64 KB")
                .contains("baton.import.max-upload");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anItemWhoseIdIsAWorkItemOfTheEngineIsAConflictNotAMerge() {
        ApiClient nora = user("nora");
        ApiClient.Response created = nora.post("/api/v1/items", """
                {"id": "spring-webinars", "workType": "campaign", "title": "Spring webinars", "fields": %s}"""
                .formatted(WorkApiIT.BRIEF));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long before = events();
        byte[] csv = """
                case,activity,timestamp,resource
                spring-webinars,brief,2026-03-01T09:00:00Z,maya
                spring-webinars,build,2026-03-03T09:00:00Z,maya
                autumn-webinars,brief,2026-03-02T09:00:00Z,maya
                """.getBytes();
        Map<String, Object> preview = grace.multipart("/api/v1/imports/preview", "kind", "csv", "file",
                new FilePart("log.csv", csv)).json();
        assertThat((List<String>) preview.get("warnings")).anySatisfy(w -> assertThat(w).contains("spring-webinars")
                .contains("importing would be refused"));

        Map<String, Object> refused = problem(grace.multipart("/api/v1/imports", "kind", "csv", "file",
                new FilePart("log.csv", csv)), 409, "import-conflict");
        assertThat((List<String>) refused.get("items")).containsExactly("spring-webinars");
        assertThat(events()).isEqualTo(before);
        assertThat(imported("autumn-webinars")).isZero();
    }

    @Test
    void aSuggestedMappingListsTheExportsValuesAndTheModelsIds() {
        ApiClient.Response suggested = grace.multipart("/api/v1/imports/suggest-mapping", "kind", "jira-json", "file", jira());
        assertThat(suggested.status()).as(suggested.body()).isEqualTo(200);
        assertThat(suggested.body()).contains("work type campaign: stages brief, brief-review, build, qa, live, results")
                .contains("\"In Review\": in-review").contains("\"Sam Lee\": sam-lee");
    }

    @Test
    void theOpenApiDescriptionDocumentsTheImports() {
        String docs = nobody().get("/api/docs").body();
        assertThat(docs).contains("/api/v1/imports/preview", "/api/v1/imports/suggest-mapping", "multipart/form-data");
    }

    @Test
    void aGzipBombIsRefusedWith413AndAKeyNamedTwiceOrLatin1With422() throws IOException {
        long before = events();
        // 48 MB of spaces after the start of a Jira export: about 47 KB gzipped, within the upload limit.
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(bytes)) {
            gzip.write("{\"issues\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 48; i++) {
                gzip.write(spaces);
            }
        }
        Map<String, Object> bomb = problem(grace.multipart("/api/v1/imports/preview", "kind", "jira-json", "file",
                new FilePart("bomb.json.gz", bytes.toByteArray())), 413, "upload-too-large");
        assertThat((String) bomb.get("detail")).startsWith("bomb.json.gz: expands beyond 200:1").contains("gzip bomb")
                .contains("nothing was imported");

        Map<String, Object> twice = problem(grace.multipart("/api/v1/imports/preview", "kind", "jira-json", "file",
                new FilePart("twice.json", "{\"issues\": [{\"id\": \"1\", \"key\": \"MKT-1\", \"key\": \"MKT-2\"}]}"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))), 422, "invalid-export");
        assertThat((String) twice.get("detail")).contains("the key \"key\" appears twice");
        assertThat((String) twice.get("where")).startsWith("line 1, column ");

        byte[] latin1 = "Summary,Issue key,Issue id,Status,Created\nCaf\u00e9,MKT-1,1,Done,01/Mar/26 8:00 AM\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Map<String, Object> notUtf8 = problem(grace.multipart("/api/v1/imports/preview", "kind", "jira-csv", "file",
                new FilePart("latin1.csv", latin1)), 422, "invalid-export");
        assertThat((String) notUtf8.get("detail")).contains("not UTF-8 at byte 45 (line 2); save the export as UTF-8");
        assertThat(events()).isEqualTo(before);
    }

    private static Map<String, Object> problem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, Object> body = response.json();
        assertThat(body).containsEntry("code", code).containsKey("detail");
        return body;
    }
}
