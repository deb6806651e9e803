package dev.baton.assist.provider;

import dev.baton.model.Component;
import dev.baton.model.Field;
import dev.baton.model.Metric;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Template;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A template as the JSON schema a model must answer in (every field present, null where the
 * request says nothing; enums, people, metrics and components as their ids), and the answer read
 * back and checked against the same template. An answer that is not such an object is malformed
 * as a whole: a draft is made of all of it or of none.
 */
final class TemplateSchema {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private TemplateSchema() {
    }

    static JsonSchema of(OperatingModel model, Template template) {
        JsonObjectSchema.Builder root = JsonObjectSchema.builder()
                .description("The fields of a " + (template.name() == null ? template.id() : template.name())
                        + "; null where the request does not state a value");
        List<String> required = new ArrayList<>();
        for (Field f : template.fields()) {
            root.addProperty(f.id(), JsonAnyOfSchema.builder().anyOf(element(model, f), new JsonNullSchema()).build());
            required.add(f.id());
        }
        root.required(required).additionalProperties(false);
        return JsonSchema.builder().name(schemaName(template)).rootElement(root.build()).build();
    }

    private static String schemaName(Template template) {
        String name = template.id().replaceAll("[^A-Za-z0-9_-]", "_");
        return name.isEmpty() ? "brief" : name;
    }

    private static JsonSchemaElement element(OperatingModel model, Field f) {
        String description = (f.name() == null ? f.id() : f.name()) + (f.description() == null ? "" : ": " + f.description());
        return switch (f.type()) {
            case NUMBER -> JsonNumberSchema.builder().description(description).build();
            case DATE -> JsonStringSchema.builder().description(description + " (a date, YYYY-MM-DD)").build();
            case ENUM -> enumOf(description, f.values());
            case LIST -> JsonArraySchema.builder().description(description)
                    .items(JsonStringSchema.builder().build()).build();
            case PERSON -> model.people().isEmpty() ? JsonStringSchema.builder().description(description).build()
                    : enumOf(description + " (a person's id)", model.people().stream().map(Person::id).toList());
            case METRIC -> model.metrics().isEmpty() ? JsonStringSchema.builder().description(description).build()
                    : enumOf(description + " (a metric's id)", model.metrics().stream().map(Metric::id).toList());
            case COMPONENT -> model.components().isEmpty() ? JsonStringSchema.builder().description(description).build()
                    : enumOf(description + " (a component's id)", model.components().stream().map(Component::id).toList());
            case URL -> JsonStringSchema.builder().description(description + " (a URL)").build();
            case TEXT -> JsonStringSchema.builder().description(description).build();
        };
    }

    private static JsonSchemaElement enumOf(String description, List<String> values) {
        return JsonEnumSchema.builder().description(description).enumValues(values).build();
    }

    /**
     * The values of a model's answer by field id, typed as {@code StatedValues} gives them.
     *
     * @throws ProviderException (malformed) naming what is wrong: not JSON, not an object, a value of the wrong type
     */
    static Map<String, Object> read(OperatingModel model, Template template, String answer) throws ProviderException {
        JsonNode root;
        try {
            root = JSON.readTree(answer == null ? "" : answer);
        } catch (JacksonException e) {
            throw malformed("the answer is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the answer is not a JSON object with the template's fields");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : template.fields()) {
            JsonNode v = root.get(f.id());
            if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
                continue;
            }
            values.put(f.id(), value(model, f, v));
        }
        return values;
    }

    private static Object value(OperatingModel model, Field f, JsonNode v) throws ProviderException {
        switch (f.type()) {
            case NUMBER -> {
                if (v.isNumber()) {
                    return v.asDouble();
                }
                throw wrong(f, "a number", v);
            }
            case DATE -> {
                try {
                    return LocalDate.parse(text(f, v)).toString();
                } catch (DateTimeParseException e) {
                    throw wrong(f, "a date YYYY-MM-DD", v);
                }
            }
            case LIST -> {
                if (v.isString()) {
                    return List.of(v.asString().strip());
                }
                if (!v.isArray()) {
                    throw wrong(f, "a list of texts", v);
                }
                List<String> items = new ArrayList<>();
                for (JsonNode e : v) {
                    if (!e.isString()) {
                        throw wrong(f, "a list of texts", v);
                    }
                    if (!e.asString().isBlank()) {
                        items.add(e.asString().strip());
                    }
                }
                return items;
            }
            case ENUM -> {
                return oneOf(f, v, f.values());
            }
            case PERSON -> {
                return model.people().isEmpty() ? text(f, v) : oneOf(f, v, model.people().stream().map(Person::id).toList());
            }
            case METRIC -> {
                return model.metrics().isEmpty() ? text(f, v) : oneOf(f, v, model.metrics().stream().map(Metric::id).toList());
            }
            case COMPONENT -> {
                return model.components().isEmpty() ? text(f, v)
                        : oneOf(f, v, model.components().stream().map(Component::id).toList());
            }
            default -> {
                return text(f, v);
            }
        }
    }

    private static String oneOf(Field f, JsonNode v, List<String> allowed) throws ProviderException {
        String t = text(f, v);
        if (!allowed.contains(t)) {
            throw wrong(f, "one of " + String.join(", ", allowed), v);
        }
        return t;
    }

    private static String text(Field f, JsonNode v) throws ProviderException {
        if (!v.isString()) {
            throw wrong(f, "a text", v);
        }
        return v.asString().strip();
    }

    private static ProviderException wrong(Field f, String expected, JsonNode found) {
        String shown = found.toString();
        return malformed("field '" + f.id() + "': expected " + expected + ", found "
                + (shown.length() > 60 ? shown.substring(0, 60) + "…" : shown));
    }

    static ProviderException malformed(String what) {
        return new ProviderException(ProviderException.Failure.MALFORMED, "the model's answer is malformed: " + what
                + "; no draft was made");
    }
}
