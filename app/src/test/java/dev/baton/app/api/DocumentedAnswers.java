package dev.baton.app.api;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.baton.app.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Holds every answer the API tests receive to the server's own OpenAPI document: the status must
 * be one the operation lists, and a JSON body must match the schema documented for it, with no
 * member the document does not name. {@link ApiClient} checks each answer, so every API test
 * (the main path, hostile input, errors) also tests the document.
 */
final class DocumentedAnswers {

    private static final Map<Integer, DocumentedAnswers> BY_PORT = new ConcurrentHashMap<>();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final JsonNode document;
    private final ObjectNode strictComponents;
    private final List<Route> routes = new ArrayList<>();

    record Route(String method, String template, Pattern pattern, JsonNode operation) {
    }

    private DocumentedAnswers(JsonNode document) {
        this.document = document;
        this.strictComponents = strict(document.get("components"));
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> routes.add(
                new Route(op.getKey().toUpperCase(), path.getKey(), Pattern.compile(path.getKey()
                        .replaceAll("\\{[^}]+}", "[^/]+")), op.getValue()))));
    }

    static DocumentedAnswers of(int port) {
        return BY_PORT.computeIfAbsent(port, p -> new DocumentedAnswers(fetch(p)));
    }

    JsonNode document() {
        return document;
    }

    private static JsonNode fetch(int port) {
        try {
            HttpResponse<String> docs = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/docs")).build(), HttpResponse.BodyHandlers.ofString());
            return Json.mapper().readTree(docs.body());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read /api/docs on port " + port, e);
        }
    }

    /** The operation a request reaches: literal segments before variables, as Spring chooses. */
    Optional<Route> route(String method, String path) {
        return routes.stream().filter(r -> r.method().equals(method) && r.pattern().matcher(path).matches())
                .min(Comparator.comparingInt(r -> r.template().split("\\{", -1).length));
    }

    /** Every way the answer departs from the document, empty when it is as documented. */
    List<String> departures(String method, String path, int status, String contentType, String body) {
        List<String> departures = new ArrayList<>();
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        Optional<Route> route = route(method, path);
        JsonNode schema = null;
        if (route.isPresent()) {
            JsonNode response = resolve(route.get().operation().path("responses").path(String.valueOf(status)));
            if (response.isMissingNode()) {
                departures.add(method + " " + path + " answered " + status + ", which " + route.get().method() + " "
                        + route.get().template() + " does not list");
                return departures;
            }
            if (body.isEmpty()) {
                return departures;
            }
            JsonNode content = response.path("content");
            if (!content.has(type) && (type.endsWith("json") || type.endsWith("yaml"))) {
                departures.add(method + " " + path + " answered " + status + " as " + type + "; the document says "
                        + content.propertyNames());
                return departures;
            }
            schema = content.path(type).path("schema");
        } else if (type.equals("application/problem+json")) {
            schema = Json.mapper().createObjectNode().put("$ref", "#/components/schemas/Problem");
        }
        if (schema == null || schema.isMissingNode() || !type.endsWith("json")) {
            return departures;
        }
        for (Error error : validate(schema, Json.mapper().readTree(body))) {
            departures.add(method + " " + path + " (" + status + ") " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        return departures;
    }

    List<Error> validate(JsonNode schema, JsonNode instance) {
        ObjectNode root = (ObjectNode) asJsonSchema(((ObjectNode) schema).deepCopy());
        root.set("$defs", strictComponents.get("schemas"));
        Schema compiled = SCHEMAS.getSchema(root);
        return compiled.validate(instance);
    }

    private JsonNode resolve(JsonNode response) {
        if (response.has("$ref")) {
            String name = response.get("$ref").asString();
            return document.path("components").path("responses").path(name.substring(name.lastIndexOf('/') + 1));
        }
        return response;
    }

    /**
     * The components with every object closed: a member the document does not name fails. A named
     * schema X becomes {allOf: [X_open], unevaluatedProperties: false}, so that schemas built on X
     * with allOf (Item on ItemSummary) still add members of their own.
     */
    private static ObjectNode strict(JsonNode components) {
        ObjectNode copy = ((ObjectNode) components).deepCopy();
        ObjectNode schemas = (ObjectNode) copy.get("schemas");
        ObjectNode strict = Json.mapper().createObjectNode();
        schemas.properties().forEach(e -> {
            ObjectNode open = (ObjectNode) e.getValue();
            closeInline(open, true);
            strict.set(e.getKey() + "_open", open);
            ObjectNode closed = Json.mapper().createObjectNode();
            closed.putArray("allOf").addObject().put("$ref", "#/components/schemas/" + e.getKey() + "_open");
            closed.put("unevaluatedProperties", false);
            strict.set(e.getKey(), closed);
        });
        // allOf bases refer to the open form, everything else to the closed one
        strict.properties().forEach(e -> openBases(e.getValue()));
        copy.set("schemas", asJsonSchema(strict));
        return copy;
    }

    /**
     * OpenAPI's schemas as plain JSON Schema 2020-12: the components under {@code $defs} and
     * without OpenAPI's own {@code example} keyword, which JSON Schema does not know.
     */
    private static JsonNode asJsonSchema(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("$ref")) {
                object.put("$ref", object.get("$ref").asString().replace("#/components/schemas/", "#/$defs/"));
            }
            object.remove("example");
            object.properties().forEach(e -> {
                if (e.getKey().equals("properties")) {
                    e.getValue().forEach(DocumentedAnswers::asJsonSchema);
                } else {
                    asJsonSchema(e.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(DocumentedAnswers::asJsonSchema);
        }
        return node;
    }

    private static void closeInline(JsonNode node, boolean top) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (!top && object.has("properties") && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties")) {
                object.put("unevaluatedProperties", false);
            }
            object.properties().forEach(e -> {
                if (e.getKey().equals("allOf")) {
                    e.getValue().forEach(part -> closeInline(part, true));
                } else if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
                    closeInline(e.getValue(), e.getKey().equals("properties"));
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> closeInline(n, false));
        }
    }

    private static void openBases(JsonNode node) {
        if (node.isObject()) {
            JsonNode allOf = node.get("allOf");
            if (allOf instanceof ArrayNode parts) {
                parts.forEach(part -> {
                    if (part.has("$ref") && !part.get("$ref").asString().endsWith("_open")) {
                        ((ObjectNode) part).put("$ref", part.get("$ref").asString() + "_open");
                    }
                });
            }
            node.forEach(DocumentedAnswers::openBases);
        } else if (node.isArray()) {
            node.forEach(DocumentedAnswers::openBases);
        }
    }
}
