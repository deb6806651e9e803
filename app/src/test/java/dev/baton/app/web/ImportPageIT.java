package dev.baton.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.server.BatonApplication;
import dev.baton.app.store.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Import page without JavaScript, as a plain browser form posts it: signed in with the form,
 * each button posts the multipart form with its CSRF token and gets the whole page back — the
 * preview stores nothing, the import stores, a bad mapping is shown at its line with 422. Also the
 * servlet container's own upload limit, above the import limit, answers 413 with a sentence.
 */
@SpringBootTest(classes = BatonApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"baton.demo=true", "baton.import.max-upload=64KB", "spring.servlet.multipart.max-file-size=80KB"})
class ImportPageIT {

    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.useFreshDatabase(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void withoutJavaScriptEachButtonPostsTheFormAndTheWholePageComesBack() throws Exception {
        signIn("grace");
        byte[] export = Files.readAllBytes(ROOT.resolve("app/src/test/resources/imports/jira-cloud-search-jql.json"));
        String mapping = Files.readString(ROOT.resolve("app/src/test/resources/imports/jira-to-b2b-saas.yaml"));
        long before = events();

        HttpResponse<String> preview = post("/import/preview", "jira-json", export, mapping);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("nothing is stored yet").contains("<strong id=\"import-events\">16</strong>")
                .contains("people.&quot;Sam Lee&quot;").contains("<textarea id=\"mapping\"");
        assertThat(events()).isEqualTo(before);

        HttpResponse<String> refused = post("/import", "jira-json", export, mapping.replace("Done: live", "Done: launched"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("mapping:8:9").contains("found &#39;launched&#39;");
        assertThat(events()).isEqualTo(before);

        HttpResponse<String> stored = post("/import", "jira-json", export, mapping);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("id=\"dashboard-link\"").contains("<strong id=\"import-events\">16</strong>");
        assertThat(events()).isEqualTo(before + 16 + 1); // and the batch's BatchImported
    }

    @Test
    void historyInTheToolsOwnWordsShowsOnTheDashboardAndItsItemPages() throws Exception {
        signIn("grace");
        byte[] board = Files.readAllBytes(ROOT.resolve("app/src/test/resources/imports/trello-board-moves.json"));
        HttpResponse<String> stored = post("/import", "trello-json", board, "");
        assertThat(stored.statusCode()).isEqualTo(200);
        // Without a mapping the lists and card types are kept as Trello writes them: not in the model.
        assertThat(stored.body()).contains("id=\"dashboard-link\"").contains("is not in the operating model");
        String card = jdbc.queryForObject("select stream from events where event_id like 'trello:%' order by position "
                + "limit 1", String.class);

        HttpResponse<String> dashboard = get("/debt");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        // Every stream is an item, except the import batches' own (import:<id>).
        long items = jdbc.queryForObject("select count(distinct stream) from events where stream not like 'import:%'",
                Long.class);
        assertThat(dashboard.body()).contains(items + " items, ");
        HttpResponse<String> item = get("/items/" + card);
        assertThat(item.statusCode()).isEqualTo(200);
        assertThat(item.body()).contains("Imported history").contains("data-type=\"ItemCreated\"");
        assertThat(get("/items/no-such-item").statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadOverTheContainersLimitIs413WithASentence() throws Exception {
        HttpClient basic = HttpClient.newHttpClient();
        String boundary = "b" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\njira-json\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.json\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(" ".repeat(100 * 1024).getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        long before = events();
        HttpResponse<String> response = basic.send(HttpRequest.newBuilder(session().uri("/api/v1/imports"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("grace:baton-demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("\"code\":\"upload-too-large\"").contains("larger than the server accepts");
        assertThat(events()).isEqualTo(before);
    }

    long events() {
        return jdbc.queryForObject("select count(*) from events", Long.class);
    }

    /** Posts the Import form as a browser does without JavaScript: multipart, with the page's CSRF token. */
    private HttpResponse<String> post(String path, String kind, byte[] export, String mapping) throws IOException, InterruptedException {
        String token = FormSession.csrf(get("/import").body());
        String boundary = "form" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, boundary, "_csrf", token);
        field(body, boundary, "kind", kind);
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(export);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        field(body, boundary, "mapping", mapping);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return session().send(HttpRequest.newBuilder(session().uri(path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void field(ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return session().get(path);
    }

    private void signIn(String user) throws IOException, InterruptedException {
        session().signIn(user);
    }

    private FormSession session;

    private FormSession session() {
        if (session == null) {
            session = new FormSession(port);
        }
        return session;
    }
}
