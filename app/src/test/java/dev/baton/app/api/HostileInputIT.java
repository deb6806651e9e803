package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Input that used to crash the server or be silently wrong, tried as an attacker would: NUL
 * characters, a YAML body on a JSON command, ids that are not URL-safe, an item without its
 * template's required fields, an Idempotency-Key reused for another request, and the web's
 * refusals and sign-out link. Each is a 4xx that says what and where, and changes nothing.
 */
class HostileInputIT extends DemoServer {

    static final String BRIEF = WorkApiIT.BRIEF;

    long events() {
        return ((Number) nobody().get("/api/health").json().get("events")).longValue();
    }

    @Test
    void nulCharactersAreRefusedWhereverTheyHide() {
        ApiClient maya = user("maya");
        long before = events();
        ApiClient.Response query = maya.get("/api/v1/items?workType=camp%00aign");
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.json()).containsEntry("code", "invalid-parameter");
        assertThat((String) query.json().get("detail")).contains("NUL").contains("'workType'");

        ApiClient.Response title = user("nora").post("/api/v1/items", """
                {"id": "nul-title", "workType": "campaign", "title": "a\\u0000b", "fields": %s}""".formatted(BRIEF));
        assertThat(title.status()).isEqualTo(400);
        assertThat((String) title.json().get("detail")).contains("NUL").contains("title");
        assertThat(maya.get("/api/v1/items/nul-title").status()).isEqualTo(404);

        ApiClient.Response field = user("nora").post("/api/v1/items", """
                {"workType": "campaign", "title": "ok", "fields": {"campaign-name": "x\\u0000"}}""");
        assertThat(field.status()).isEqualTo(400);
        assertThat((String) field.json().get("detail")).contains("fields.campaign-name");

        ApiClient.Response token = user("nora").post("/api/v1/tokens", "{\"name\": \"ci\\u0000\"}");
        assertThat(token.status()).isEqualTo(400);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aYamlBodyOnACommandIsUnsupportedMediaTypeNotAServerError() {
        ApiClient.Response yaml = user("nora").put("/api/v1/items/anything/comment", "application/yaml", "text: hi");
        assertThat(yaml.status()).isIn(405, 415);
        ApiClient.Response posted = user("nora").postAs("/api/v1/items/anything/comment", "application/yaml", "text: hi");
        assertThat(posted.status()).isEqualTo(415);
        assertThat(posted.json()).containsEntry("code", "unsupported-media-type");
        assertThat((String) posted.json().get("detail")).contains("expected Content-Type: application/json")
                .contains("found application/yaml");
    }

    @Test
    void idsThatAreNotUrlSafeAreRefusedBeforeAnythingIsStored() {
        long before = events();
        for (String id : new String[]{"with space", "../../etc/passwd", "a/b", "..", "a;b", ".hidden", "x".repeat(101)}) {
            ApiClient.Response r = user("nora").post("/api/v1/items", """
                    {"id": %s, "workType": "campaign", "title": "t", "fields": %s}"""
                    .formatted(dev.baton.app.json.Json.write(id), BRIEF));
            assertThat(r.status()).as(id).isEqualTo(400);
            assertThat((String) r.json().get("detail")).as(id).startsWith("expected an id");
        }
        assertThat(events()).isEqualTo(before);
        ApiClient.Response fine = user("nora").post("/api/v1/items", """
                {"id": "UT-26.v2_x:1", "workType": "campaign", "title": "t", "fields": %s}""".formatted(BRIEF));
        assertThat(fine.status()).as(fine.body()).isEqualTo(201);
    }

    @Test
    void anItemWithoutItsTemplatesRequiredFieldsIsRefusedNamingThem() {
        long before = events();
        ApiClient.Response r = user("nora").post("/api/v1/items", """
                {"workType": "campaign", "title": "No brief", "fields": {"campaign-name": "Spring"}}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat((String) r.json().get("detail")).startsWith("A new campaign needs Objective, Segment")
                .endsWith("filled when it is created");
        assertThat(events()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIsRefusedNotReplayed() {
        ApiClient nora = user("nora");
        ApiClient.Response created = nora.post("/api/v1/items", """
                {"id": "idem-target", "workType": "campaign", "title": "t", "fields": %s}""".formatted(BRIEF));
        assertThat(created.status()).isEqualTo(201);
        ApiClient.Response first = nora.post("/api/v1/items/idem-target/comment", "{\"text\": \"first\"}", "Idempotency-Key", "k-1");
        assertThat(first.status()).isEqualTo(200);
        ApiClient.Response retry = nora.post("/api/v1/items/idem-target/comment", "{ \"text\" : \"first\" }", "Idempotency-Key", "k-1");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).containsEntry("replayed", true);
        ApiClient.Response otherBody = nora.post("/api/v1/items/idem-target/comment", "{\"text\": \"second\"}",
                "Idempotency-Key", "k-1");
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.json()).containsEntry("code", "idempotency-key-reused");
        assertThat((String) otherBody.json().get("detail")).contains("with another body");
        ApiClient.Response otherCommand = nora.post("/api/v1/items/idem-target/block", "{\"reason\": \"x\"}",
                "Idempotency-Key", "k-1");
        assertThat(otherCommand.status()).isEqualTo(422);
        // Keys are per user: maya may use k-1 for anything.
        assertThat(user("maya").post("/api/v1/items/idem-target/comment", "{\"text\": \"mine\"}", "Idempotency-Key", "k-1")
                .status()).isEqualTo(200);
        assertThat(((java.util.List<?>) nora.get("/api/v1/items/idem-target").json().get("timeline"))).hasSize(3);
    }

    @Test
    void aRefusedWebActionShowsWhyAndSignOutHasAPage() throws Exception {
        Browserless tomas = new Browserless(port, "198.51.100.90");
        assertThat(tomas.signIn("tomas", "baton-demo")).doesNotContain("signin");
        HttpResponse<String> refused = tomas.post("/boards/campaign", "/boards/campaign/move",
                Map.of("item", "x", "stage", "qa"));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Your role does not allow this").contains("Nothing was changed");

        HttpResponse<String> signOut = tomas.get("/signout");
        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(signOut.body()).contains("Sign out of Baton").contains("id=\"signout-form\"");
        HttpResponse<String> anonymous = new Browserless(port, "198.51.100.91").get("/signout");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("You are not signed in");
    }
}
