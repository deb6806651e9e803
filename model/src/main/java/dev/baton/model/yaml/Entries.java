package dev.baton.model.yaml;

import dev.baton.model.WorkDuration;
import dev.baton.model.problem.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/** The keys of one YAML mapping, read as typed values under the mapping's path. */
public final class Entries {

    private final NodeReader reader;
    private final String path;
    private final Node node;
    private final Map<String, Node> values = new LinkedHashMap<>();

    Entries(NodeReader reader, String path, Node node) {
        this.reader = reader;
        this.path = path;
        this.node = node;
    }

    public void put(String key, Node value) {
        values.put(key, value);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** Present and not an explicit null. */
    public boolean given(String key) {
        return has(key) && !NodeReader.isNull(values.get(key));
    }

    public String path(String key) {
        return NodeReader.join(path, key);
    }

    public Node node(String key) {
        return values.get(key);
    }

    public Set<String> keys() {
        return values.keySet();
    }

    private void missing(String key, String what) {
        reader.problems().add(Severity.ERROR, "missing-key", path(key), NodeReader.position(node),
                "expected '" + key + "' (" + what + ") here, found " + (has(key) ? "nothing" : "no such key"));
    }

    public String text(String key, boolean required, String what) {
        if (!given(key)) {
            if (required) {
                missing(key, what);
            }
            return null;
        }
        return reader.text(values.get(key), path(key), what);
    }

    public String id(String key, boolean required, String what) {
        if (!given(key)) {
            if (required) {
                missing(key, what);
            }
            return null;
        }
        return reader.id(values.get(key), path(key), what);
    }

    /** One id or a list of ids. */
    public List<String> ids(String key, String what) {
        return reader.list(values.get(key), path(key), what, true, (n, p) -> reader.id(n, p, what));
    }

    public List<String> texts(String key, String what) {
        return reader.list(values.get(key), path(key), what, true, (n, p) -> reader.text(n, p, what));
    }

    public <T> List<T> list(String key, String what, BiFunction<Node, String, T> item) {
        return reader.list(values.get(key), path(key), what, false, item);
    }

    public Double number(String key, String what) {
        if (!given(key)) {
            return null;
        }
        Node value = values.get(key);
        if (value instanceof ScalarNode scalar
                && (value.getTag().equals(Tag.INT) || value.getTag().equals(Tag.FLOAT))) {
            try {
                return Double.valueOf(scalar.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        reader.wrongType(path(key), value, what);
        return null;
    }

    public boolean bool(String key, boolean defaultValue) {
        if (!given(key)) {
            return defaultValue;
        }
        Node value = values.get(key);
        if (value instanceof ScalarNode scalar && value.getTag().equals(Tag.BOOL)) {
            String v = scalar.getValue().toLowerCase(java.util.Locale.ROOT);
            return v.equals("true") || v.equals("yes") || v.equals("on") || v.equals("y");
        }
        reader.wrongType(path(key), value, "true or false");
        return defaultValue;
    }

    public WorkDuration duration(String key) {
        return parsed(key, "a duration like 3d, 36h, 90m or 1d12h", WorkDuration::parse, "bad-duration");
    }

    /** A text value turned into something by {@code parser}; a refusal is reported with {@code code}. */
    public <T> T parsed(String key, String expected, Function<String, Optional<T>> parser, String code) {
        if (!given(key)) {
            return null;
        }
        String text = reader.text(values.get(key), path(key), expected);
        if (text == null) {
            return null;
        }
        Optional<T> result = parser.apply(text);
        if (result.isEmpty()) {
            reader.problems().add(Severity.ERROR, code, path(key), NodeReader.position(values.get(key)),
                    "expected " + expected + ", found '" + text + "'");
        }
        return result.orElse(null);
    }

    /** A value from a fixed vocabulary such as stage kinds; null with an error when unknown. */
    public <T> T choice(String key, boolean required, List<String> allowed, Function<String, Optional<T>> byId, String what) {
        String text = text(key, required, what);
        if (text == null) {
            return null;
        }
        Optional<T> result = byId.apply(text.toLowerCase(java.util.Locale.ROOT));
        if (result.isEmpty()) {
            reader.problems().add(Severity.ERROR, "bad-value", path(key), NodeReader.position(values.get(key)),
                    "expected " + what + " (" + String.join(", ", allowed) + "), found '" + text + "'"
                            + dev.baton.model.problem.Suggestions.hint(text, allowed));
        }
        return result.orElse(null);
    }
}
