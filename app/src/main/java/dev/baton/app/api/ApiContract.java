package dev.baton.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Lays {@code api/contract.yaml} over the document springdoc generates from the routes: the
 * request and response schemas, errors, examples and descriptions of every operation. Paths and
 * parameters keep coming from the code; the contract may only describe routes the server maps,
 * else start-up fails, so the two cannot drift apart unnoticed.
 *
 * <p>A route whose last segment is a command ({@code /items/{id}/{command}}) is documented as one
 * path per command the contract names, each with its own body, so that a generated client has
 * {@code approve(id, body)} instead of a command name and an untyped body.
 */
final class ApiContract {

    static final String RESOURCE = "api/contract.yaml";

    /** Operations anyone may call, signed in or not. */
    static final Set<String> OPEN = Set.of("GET /api/health");

    private static final Set<String> JSON_BODIES = Set.of("application/json");

    private final OpenAPI contract;
    private final Map<String, ApiResponses> commandResponses;
    private final Map<String, JsonNode> parameters;

    private ApiContract(OpenAPI contract, Map<String, ApiResponses> commandResponses, Map<String, JsonNode> parameters) {
        this.contract = contract;
        this.commandResponses = commandResponses;
        this.parameters = parameters;
    }

    static ApiContract load() {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            JsonNode tree = Yaml31.mapper().readTree(in);
            Map<String, ApiResponses> commands = new LinkedHashMap<>();
            tree.path("x-command-responses").properties().forEach(e ->
                    commands.put(e.getKey(), Json31.mapper().convertValue(e.getValue(), ApiResponses.class)));
            Map<String, JsonNode> parameters = new LinkedHashMap<>();
            tree.path("x-parameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue()));
            ObjectNode document = ((ObjectNode) tree).deepCopy();
            document.remove(List.of("x-command-responses", "x-parameters"));
            document.put("openapi", "3.1.0");
            return new ApiContract(Json31.mapper().convertValue(document, OpenAPI.class), commands, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The generated document, described: schemas, operations, errors. */
    void describe(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(new Components());
        }
        Components components = api.getComponents();
        contract.getComponents().getSchemas().forEach(components::addSchemas);
        contract.getComponents().getResponses().forEach(components::addResponses);
        // springdoc's schema of the JsonNode parameters the controllers read members from says nothing
        if (components.getSchemas() != null) {
            components.getSchemas().remove("JsonNode");
        }
        api.setTags(contract.getTags());
        expandCommands(api.getPaths());
        contract.getPaths().forEach((path, item) -> {
            PathItem mapped = api.getPaths().get(path);
            if (mapped == null) {
                throw new IllegalStateException(RESOURCE + " describes " + path + ", which the server does not map");
            }
            item.readOperationsMap().forEach((method, described) -> {
                Operation operation = mapped.readOperationsMap().get(method);
                if (operation == null) {
                    throw new IllegalStateException(RESOURCE + " describes " + method + " " + path
                            + ", which the server does not map");
                }
                describe(method + " " + path, operation, described);
            });
        });
    }

    /**
     * {@code POST /items/{id}/{command}} becomes one path per command the contract describes; the
     * command variable goes, the template's other parameters stay.
     */
    private void expandCommands(Paths paths) {
        for (String template : List.copyOf(paths.keySet())) {
            ApiResponses responses = commandResponses.get(template);
            if (responses == null) {
                continue;
            }
            String variable = template.substring(template.lastIndexOf('{') + 1, template.length() - 1);
            Pattern concrete = Pattern.compile(Pattern.quote(template.substring(0, template.lastIndexOf('/') + 1))
                    + "[a-z-]+");
            Operation post = paths.get(template).getPost();
            paths.remove(template);
            // a concrete path a controller maps itself (an item's experiment-results) is no command
            contract.getPaths().keySet().stream().filter(p -> concrete.matcher(p).matches() && !paths.containsKey(p))
                    .forEach(path -> {
                Operation copy = new Operation().parameters(new ArrayList<>(post.getParameters().stream()
                        .filter(p -> !p.getName().equals(variable)).toList()));
                copy.setResponses(copyOf(responses));
                paths.addPathItem(path, new PathItem().post(copy));
            });
        }
    }

    private void describe(String name, Operation operation, Operation described) {
        operation.operationId(described.getOperationId()).summary(described.getSummary())
                .description(described.getDescription()).tags(described.getTags());
        operation.setRequestBody(described.getRequestBody());
        if (described.getSecurity() != null) {
            operation.setSecurity(described.getSecurity());
        }
        ApiResponses responses = described.getResponses() != null ? copyOf(described.getResponses())
                : operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        // springdoc's guess ("200 OK" with any content) gives way to what the contract says
        responses.remove("default");
        if (described.getResponses() == null && !commandPath(name)) {
            throw new IllegalStateException(RESOURCE + " gives " + name + " no responses");
        }
        dropMultipartParts(operation);
        List<Parameter> params = operation.getParameters() == null ? List.of() : operation.getParameters();
        params.forEach(this::describe);
        errors(name, operation, responses);
        operation.setResponses(byStatus(responses));
    }

    private boolean commandPath(String name) {
        return commandResponses.keySet().stream().anyMatch(t -> name.substring(name.indexOf(' ') + 1)
                .startsWith(t.substring(0, t.lastIndexOf('/') + 1)));
    }

    private void describe(Parameter parameter) {
        JsonNode common = parameters.get(parameter.getName());
        if (common != null && parameter.getDescription() == null) {
            parameter.setDescription(common.path("description").asText(null));
            if (common.has("example")) {
                parameter.setExample(common.get("example").asText());
            }
        }
    }

    /** A multipart form's parts are in its body schema, not query parameters as springdoc reads them. */
    private void dropMultipartParts(Operation operation) {
        if (operation.getRequestBody() == null || operation.getParameters() == null) {
            return;
        }
        MediaType form = operation.getRequestBody().getContent().get("multipart/form-data");
        if (form == null) {
            return;
        }
        Set<String> parts = properties(form.getSchema());
        operation.getParameters().removeIf(p -> "query".equals(p.getIn()) && parts.contains(p.getName()));
    }

    @SuppressWarnings("rawtypes")
    private Set<String> properties(Schema schema) {
        if (schema == null) {
            return Set.of();
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            return properties(contract.getComponents().getSchemas().get(name));
        }
        return schema.getProperties() == null ? Set.of() : ((Map<?, ?>) schema.getProperties()).keySet().stream()
                .map(Object::toString).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The problems every operation of its kind can answer, so the contract names only those
     * particular to an operation: who may call (401, 403, 429), what can be malformed (400, 415).
     */
    private static void errors(String name, Operation operation, ApiResponses responses) {
        boolean open = OPEN.contains(name);
        boolean writes = !name.startsWith("GET ");
        boolean jsonBody = operation.getRequestBody() != null
                && operation.getRequestBody().getContent().keySet().stream().anyMatch(JSON_BODIES::contains);
        if (!open) {
            // any request can be malformed, if only by a NUL character in its query
            responses.putIfAbsent("400", ref("BadRequest"));
            responses.putIfAbsent("401", ref("Unauthenticated"));
            responses.putIfAbsent("429", ref("TooManyRequests"));
        }
        if (!open && (writes || name.equals("GET /api/v1/users"))) {
            responses.putIfAbsent("403", ref("Forbidden"));
        }
        if (jsonBody || operation.getRequestBody() != null && writes) {
            responses.putIfAbsent("415", ref("UnsupportedMediaType"));
        }
    }

    private static ApiResponses byStatus(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        responses.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static ApiResponse ref(String response) {
        return new ApiResponse().$ref("#/components/responses/" + response);
    }

    private static ApiResponses copyOf(ApiResponses responses) {
        ApiResponses copy = new ApiResponses();
        copy.putAll(responses);
        return copy;
    }
}
