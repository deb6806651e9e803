package dev.baton.app.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON request object member by member, collecting every mistake (name, what was
 * expected, what was found) so that one 400 lists them all, as the model validation does.
 */
public final class JsonBody {

    private final JsonNode node;
    private final List<Map<String, Object>> errors = new ArrayList<>();

    private JsonBody(JsonNode node) {
        this.node = node;
    }

    /** A body that must be a JSON object; an absent body counts as {@code {}}. */
    public static JsonBody of(JsonNode node) {
        if (node != null && !node.isNull() && !node.isMissingNode() && !node.isObject()) {
            throw ApiException.badRequest("invalid-input", "expected a JSON object as the request body, found "
                    + kind(node));
        }
        String nul = node == null ? null : nulAt(node, "");
        if (nul != null) {
            throw ApiException.badRequest("invalid-input", "expected text without NUL characters (U+0000), found one in "
                    + (nul.isEmpty() ? "the body" : nul) + "; nothing was recorded").with("field", nul);
        }
        return new JsonBody(node == null || node.isNull() || node.isMissingNode() ? null : node);
    }

    /**
     * Where a NUL character hides in a body (a key or a text value), or null. PostgreSQL cannot
     * store one in text, and no person means one, so it is refused before anything is decided.
     */
    static String nulAt(JsonNode node, String path) {
        if (node.isString()) {
            return node.asString().indexOf('\u0000') >= 0 ? path : null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = nulAt(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (var entry : node.properties()) {
                String at = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                if (entry.getKey().indexOf('\u0000') >= 0) {
                    return at;
                }
                String found = nulAt(entry.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public JsonNode get(String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    public String text(String name, boolean required) {
        JsonNode value = get(name);
        if (value == null) {
            if (required) {
                error(name, "expected " + name + " (text), found nothing");
            }
            return null;
        }
        if (!value.isString()) {
            error(name, "expected " + name + " to be text, found " + kind(value));
            return null;
        }
        if (required && value.asString().isBlank()) {
            error(name, "expected " + name + " to be filled in, found empty text");
        }
        return value.asString();
    }

    public Long whole(String name) {
        JsonNode value = get(name);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            error(name, "expected " + name + " to be a whole number, found " + kind(value));
            return null;
        }
        return value.asLong();
    }

    /** A JSON object of field values, as the engine keeps them (numbers as Double, lists of text). */
    public Map<String, Object> fields(String name, boolean required) {
        JsonNode value = get(name);
        if (value == null) {
            if (required) {
                error(name, "expected " + name + " (an object of field values), found nothing");
            }
            return required ? null : Map.of();
        }
        if (!value.isObject()) {
            error(name, "expected " + name + " to be an object of field values, found " + kind(value));
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            fields.put(e.getKey(), plain(e.getValue()));
        }
        return fields;
    }

    /** A JSON object of numbers (priority inputs). */
    Map<String, Double> numbers(String name) {
        JsonNode value = get(name);
        if (value == null || !value.isObject()) {
            error(name, "expected " + name + " to be an object of numbers, found " + (value == null ? "nothing" : kind(value)));
            return null;
        }
        Map<String, Double> numbers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            if (!e.getValue().isNumber()) {
                error(name + "." + e.getKey(), "expected " + e.getKey() + " to be a number, found " + kind(e.getValue()));
            } else {
                numbers.put(e.getKey(), e.getValue().asDouble());
            }
        }
        return numbers;
    }

    public void error(String member, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("member", member);
        error.put("message", message);
        errors.add(error);
    }

    /** Throws a 400 listing every mistake, if there was any. */
    public void check() {
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? (String) errors.get(0).get("message")
                    : errors.size() + " mistakes in the request: " + String.join("; ",
                    errors.stream().map(e -> (String) e.get("message")).toList());
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid-input", detail).with("errors", List.copyOf(errors));
        }
    }

    public static Object plain(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.asString();
        }
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(plain(v)));
            return list;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        value.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
        return map;
    }

    public static String kind(JsonNode value) {
        if (value.isString()) {
            return "text '" + value.asString() + "'";
        }
        if (value.isNumber()) {
            return "the number " + value;
        }
        if (value.isBoolean()) {
            return value.toString();
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.toString();
    }
}
