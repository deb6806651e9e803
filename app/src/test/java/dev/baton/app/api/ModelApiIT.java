package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;

/** The model API, sign-in and roles over real HTTP, on a real PostgreSQL, with the demo users. */
// Uploads change the current model: a context of its own, so other tests keep the demo model.
@DirtiesContext
class ModelApiIT extends DemoServer {

    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;

    ApiClient nobody;
    ApiClient grace;
    ApiClient maya;
    ApiClient tomas;

    @BeforeEach
    void clients() {
        nobody = nobody();
        grace = user("grace");   // ops
        maya = user("maya");     // member
        tomas = user("tomas");   // viewer
    }

    @Test
    void healthAndTheOpenApiDescriptionNeedNoSignInEverythingElseDoes() {
        assertThat(nobody.get("/api/health").json()).containsEntry("status", "UP");
        ApiClient.Response docs = nobody.get("/api/docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json()).containsKey("openapi");
        assertThat(docs.body()).contains("/api/v1/model");
        // The document names the API, both ways to sign in and the problem-details shape of every error.
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) docs.json().get("info");
        assertThat(info).containsEntry("title", "Baton API").containsEntry("version", "v1");
        @SuppressWarnings("unchecked")
        Map<String, Object> components = (Map<String, Object>) docs.json().get("components");
        assertThat((Map<String, Object>) components.get("securitySchemes")).containsKeys("basic", "apiToken");
        assertThat((Map<String, Object>) components.get("schemas")).containsKey("Problem");

        ApiClient.Response model = nobody.get("/api/v1/model");
        assertThat(model.status()).isEqualTo(401);
        assertThat(model.contentType()).startsWith("application/problem+json");
        assertThat(model.json()).containsEntry("code", "unauthenticated").containsKey("detail");

        assertThat(nobody.as("maya", "wrong").get("/api/v1/model").status()).isEqualTo(401);
        assertThat(nobody.bearer("baton_not-a-token").get("/api/v1/model").status()).isEqualTo(401);
    }

    @Test
    void theDemoModelIsCurrentAndEveryRoleReadsIt() {
        Map<String, Object> current = tomas.get("/api/v1/model/versions/1").json();
        assertThat(current).containsEntry("version", 1).containsEntry("name", "Northwind Analytics GTM");
        assertThat(tomas.get("/api/v1/model").status()).isEqualTo(200);
        assertThat(current.get("model")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP).containsKey("work-types");
        assertThat(maya.get("/api/v1/me").json()).containsEntry("person", "maya.chen").containsEntry("role", "member");
    }

    @Test
    void anInvalidModelIsRefusedWithEveryErrorAndItsLineAndStoresNothing() throws Exception {
        String broken = Files.readString(ROOT.resolve("examples/broken/five-mistakes.yaml"));
        Object before = grace.get("/api/v1/model").json().get("version");
        ApiClient.Response response = grace.put("/api/v1/model", "application/yaml", broken);

        assertThat(response.status()).isEqualTo(422);
        Map<String, Object> problem = response.json();
        assertThat(problem).containsEntry("code", "invalid-model").containsEntry("status", 422);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.get("errors");
        assertThat(errors).hasSize(5).allSatisfy(e -> assertThat(e).containsKeys("line", "column", "code", "message"));
        assertThat(grace.get("/api/v1/model").json()).containsEntry("version", before);
        assertThat(grace.get("/api/v1/model/versions").list()).extracting(v -> v.get("version")).doesNotHaveDuplicates()
                .allSatisfy(v -> assertThat((Integer) v).isLessThanOrEqualTo((Integer) before));
    }

    @Test
    void opsUploadsANewVersionMembersAndViewersMayNot() throws Exception {
        String content = Files.readString(ROOT.resolve("examples/content-team.yaml"));
        assertThat(maya.put("/api/v1/model", "application/yaml", content).status()).isEqualTo(403);
        assertThat(tomas.put("/api/v1/model", "application/yaml", content).json()).containsEntry("code", "role-not-allowed");

        ApiClient.Response uploaded = grace.put("/api/v1/model", "application/yaml", content);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        int version = (Integer) uploaded.json().get("version");
        assertThat(version).isGreaterThan(1);
        ApiClient.Response again = grace.put("/api/v1/model", "application/yaml", content);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).containsEntry("version", version);
        assertThat(maya.get("/api/v1/model/versions").list()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(maya.get("/api/v1/model/versions/1").json()).containsEntry("name", "Northwind Analytics GTM");
        assertThat(maya.get("/api/v1/model/versions/x").json()).containsEntry("code", "invalid-parameter");
    }

    @Test
    void anApiTokenSignsInWithoutAPassword() {
        ApiClient.Response issued = maya.post("/api/v1/tokens", "{\"name\": \"ci\"}");
        assertThat(issued.status()).isEqualTo(201);
        String token = (String) issued.json().get("token");
        assertThat(nobody.bearer(token).get("/api/v1/me").json()).containsEntry("username", "maya");
        assertThat(maya.post("/api/v1/tokens", "{\"name\": 3}").json()).containsEntry("code", "invalid-input");
        assertThat(maya.post("/api/v1/tokens", "{\"name\": ").json()).containsEntry("code", "malformed-json");
    }
}
