package dev.baton.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import dev.baton.app.ProjectRoot;
import dev.baton.app.json.Json;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document at /api/docs is a contract people can build on: valid OpenAPI 3.1, every
 * operation typed and with its errors, every example true to its schema, and the committed copy
 * (docs/openapi.json, which the test client is generated from) the one the server serves. That
 * the server's answers match the document is checked on every answer of the API tests
 * ({@link DocumentedAnswers}).
 */
class ApiContractIT extends DemoServer {

    static final Path COMMITTED = ProjectRoot.PATH.resolve("docs/openapi.json");

    JsonNode served() {
        return Json.mapper().readTree(nobody().get("/api/docs").body());
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        JsonNode served = served();
        JsonNode committed = Json.mapper().readTree(Files.readString(COMMITTED));
        if (!served.equals(committed)) {
            Path fresh = Path.of("target/openapi.json").toAbsolutePath();
            Files.writeString(fresh, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
            throw new AssertionError("The API document changed: review and copy " + fresh + " to docs/openapi.json "
                    + "(the generated test client and API users read that file)");
        }
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(nobody().get("/api/docs").body(), null, options);
        assertThat(parsed.getMessages()).as("the parser's findings").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Baton API");
    }

    @Test
    void everyOperationIsTypedAndNamesItsErrors() {
        JsonNode docs = served();
        List<String> wrong = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String op = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            if (!ids.add(operation.path("operationId").asString(""))) {
                wrong.add(op + ": no operationId or one used twice");
            }
            if (operation.path("summary").asString("").isBlank() || operation.path("tags").isEmpty()) {
                wrong.add(op + ": no summary or tag");
            }
            boolean typed = false;
            for (var response : operation.get("responses").properties()) {
                int status = Integer.parseInt(response.getKey());
                JsonNode answer = response.getValue();
                if (status >= 400 && status < 500) {
                    if (!answer.path("$ref").asString("").startsWith("#/components/responses/")) {
                        wrong.add(op + " " + status + ": not one of the problem responses");
                    }
                } else if (status == 204 || !answer.path("content").isEmpty()) {
                    typed = true;
                    answer.path("content").properties().forEach(media -> {
                        JsonNode schema = media.getValue().path("schema");
                        if (media.getKey().equals("*/*") || schema.isMissingNode() || schema.toString().contains("JsonNode")
                                || schema.path("type").asString("").equals("object") && !schema.has("properties")) {
                            wrong.add(op + " " + status + " " + media.getKey() + ": untyped answer " + schema);
                        }
                    });
                }
            }
            if (!typed) {
                wrong.add(op + ": no typed success answer");
            }
            JsonNode body = operation.path("requestBody").path("content");
            body.properties().forEach(media -> {
                JsonNode schema = media.getValue().path("schema");
                if (schema.isMissingNode() || schema.toString().contains("JsonNode")) {
                    wrong.add(op + " body " + media.getKey() + ": untyped");
                }
            });
            // Body-less by nature: a retraction, marking read, a removal.
            if (!op.startsWith("GET") && !op.startsWith("DELETE") && !op.endsWith("/retract") && !op.endsWith("/read")
                    && body.isEmpty()) {
                wrong.add(op + ": takes a body the document does not describe");
            }
            boolean open = operation.has("security") && operation.get("security").isEmpty();
            if (!open && !operation.get("responses").has("401")) {
                wrong.add(op + ": signed-in only, yet no 401");
            }
        }));
        assertThat(ids).hasSizeGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyCommandTheServerTakesHasItsOwnPath() {
        Set<String> paths = new HashSet<>();
        served().get("paths").propertyNames().forEach(paths::add);
        assertThat(dev.baton.engine.item.WorkItemCommand.NAMES.stream().filter(c -> !c.equals("create"))
                .map(c -> "/api/v1/items/{id}/" + c)).allMatch(paths::contains);
        assertThat(IntakeController.DECISIONS.stream().map(d -> "/api/v1/intake/requests/{id}/" + d)).allMatch(paths::contains);
        assertThat(paths).noneMatch(p -> p.endsWith("{command}") || p.endsWith("{decision}"));
    }

    @Test
    void everyExampleMatchesItsSchema() {
        DocumentedAnswers answers = DocumentedAnswers.of(port);
        JsonNode docs = answers.document();
        List<String> wrong = new ArrayList<>();
        int[] checked = {0};
        docs.get("components").get("schemas").properties().forEach(e ->
                examples(e.getValue(), "#/components/schemas/" + e.getKey(), answers, wrong, checked));
        docs.get("components").get("responses").properties().forEach(e -> e.getValue().path("content").properties()
                .forEach(media -> {
                    checked[0]++;
                    check(answers, media.getValue().get("schema"), media.getValue().get("example"),
                            "response " + e.getKey(), wrong);
                }));
        assertThat(checked[0]).as("examples checked").isGreaterThan(40);
        assertThat(wrong).isEmpty();
    }

    private static void examples(JsonNode schema, String where, DocumentedAnswers answers, List<String> wrong, int[] checked) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.has("example")) {
            checked[0]++;
            ObjectNode bare = ((ObjectNode) schema).deepCopy();
            bare.remove("example");
            check(answers, bare, schema.get("example"), where, wrong);
        }
        schema.properties().forEach(e -> {
            if (!e.getKey().equals("example")) {
                if (e.getValue().isArray()) {
                    for (int i = 0; i < e.getValue().size(); i++) {
                        examples(e.getValue().get(i), where + "/" + e.getKey() + "/" + i, answers, wrong, checked);
                    }
                } else {
                    examples(e.getValue(), where + "/" + e.getKey(), answers, wrong, checked);
                }
            }
        });
    }

    private static void check(DocumentedAnswers answers, JsonNode schema, JsonNode example, String where, List<String> wrong) {
        if (schema == null || example == null || !schema.isObject()) {
            return;
        }
        for (Error error : answers.validate(schema, example)) {
            wrong.add(where + " example " + example + ": " + error.getMessage());
        }
    }

    @Test
    void anAnswerTheDocumentDoesNotDescribeIsCaught() {
        DocumentedAnswers answers = DocumentedAnswers.of(port);
        String me = "{\"username\": \"maya\", \"role\": \"member\", \"person\": \"maya.chen\"}";
        assertThat(answers.departures("GET", "/api/v1/me", 200, "application/json", me)).isEmpty();
        assertThat(answers.departures("GET", "/api/v1/me", 200, "application/json",
                me.replace("}", ", \"password\": \"x\"}"))).singleElement().asString().contains("password");
        assertThat(answers.departures("GET", "/api/v1/me", 200, "application/json", me.replace("member", "owner")))
                .isNotEmpty();
        assertThat(answers.departures("GET", "/api/v1/me", 418, "application/json", me)).singleElement().asString()
                .contains("does not list");
        // nested and inherited members are held too: an Item inside a command's answer
        assertThat(answers.departures("POST", "/api/v1/items/x/comment", 200, "application/json",
                "{\"id\": \"x\", \"version\": 2, \"replayed\": false, \"events\": [], \"state\": {\"colour\": 1}}"))
                .isNotEmpty();
    }

    @Test
    void everyAnswerOfAWalkMatchesTheDocument() {
        // ApiClient holds each answer to the document; this walk reaches the operations no other test calls
        ApiClient maya = user("maya");
        for (String path : List.of("/api/health", "/api/v1/me", "/api/v1/model", "/api/v1/model/versions",
                "/api/v1/model/versions/1", "/api/v1/items?limit=5", "/api/v1/intake/requests?status=open",
                "/api/v1/intake/queue", "/api/v1/approvals", "/api/v1/handoffs", "/api/v1/events?limit=50",
                "/api/v1/imports", "/api/v1/items/no-such-item", "/api/v1/model/versions/99", "/api/v1/items?limit=0")) {
            assertThat(maya.get(path).status()).as(path).isLessThan(500);
        }
        ApiClient.Response item = maya.post("/api/v1/items", "{\"workType\": \"campaign\", \"title\": \"Walk\", \"fields\": "
                + WorkApiIT.BRIEF + "}");
        assertThat(item.status()).as(item.body()).isEqualTo(201);
        assertThat(maya.get("/api/v1/items/" + item.json().get("id")).status()).isEqualTo(200);
        assertThat(maya.post("/api/v1/items/" + item.json().get("id") + "/block", "{\"reason\": \"Waiting on legal\"}")
                .status()).isEqualTo(200);
        assertThat(maya.get("/api/v1/items?blocked=true").list()).isNotEmpty();
        ApiClient.Response request = maya.post("/api/v1/intake/requests", "{\"form\": \"campaign-request\", "
                + "\"title\": \"Walk\", \"fields\": " + WorkApiIT.BRIEF + "}");
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        assertThat(maya.get("/api/v1/intake/requests/" + request.json().get("id")).status()).isEqualTo(200);
        assertThat(maya.get("/api/v1/intake/queue").list()).isNotEmpty();
        assertThat(maya.get("/api/v1/model", "Accept", "application/yaml").body()).contains("apiVersion");
        assertThat(nobody().get("/api/v1/me").status()).isEqualTo(401);
    }
}
