package dev.baton.measure.experiment.input;

import dev.baton.model.problem.Suggestions;
import dev.baton.model.yaml.NodeReader;
import dev.baton.model.yaml.SafeYaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The keys of one YAML mapping (parsed by the model module's {@link SafeYaml}, so with its limits
 * and positions) read as typed values. A problem with a value is placed at its key, where a
 * person looks; a missing key at the mapping. Every problem is collected into the shared list.
 */
final class YamlMapping {

    private final String path;
    private final Node node;
    private final List<InputError> errors;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMapping(String path, Node node, List<InputError> errors) {
        this.path = path;
        this.node = node;
        this.errors = errors;
    }

    /** The mapping with unknown and repeated keys reported; null (and an error) when not a mapping. */
    static YamlMapping of(Node node, String path, String what, List<String> keys, List<InputError> errors) {
        if (!(node instanceof MappingNode mapping)) {
            errors.add(at(node, path, "expected " + what + ", found " + describe(node)));
            return null;
        }
        YamlMapping result = new YamlMapping(path, node, errors);
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                errors.add(at(tuple.getKeyNode(), path, "expected a key name, found " + describe(tuple.getKeyNode())));
                continue;
            }
            String name = key.getValue();
            if (!keys.contains(name)) {
                errors.add(at(key, join(path, name), "expected a key of " + what + " (" + String.join(", ", keys)
                        + "), found '" + name + "'" + Suggestions.hint(name, keys)));
            } else if (result.entries.containsKey(name)) {
                errors.add(at(key, join(path, name), "expected '" + name + "' once, found it again"));
            } else {
                result.entries.put(name, tuple);
            }
        }
        return result;
    }

    static InputError at(Node node, String path, String message) {
        if (node == null) {
            return new InputError(0, 0, path, message);
        }
        var mark = node.getStartMark();
        return new InputError(mark.getLine() + 1, mark.getColumn() + 1, path, message);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A scalar as written (the contract says "found -3", not "found the number -3"); else the model's words. */
    static String describe(Node node) {
        if (node instanceof ScalarNode scalar && !NodeReader.isNull(node)) {
            String value = scalar.getValue();
            return value.length() > 60 ? value.substring(0, 57) + "..." : value;
        }
        return NodeReader.describe(node);
    }

    /** The list every problem goes to, shared with the mappings read inside this one. */
    List<InputError> errors() {
        return errors;
    }

    String path(String key) {
        return join(path, key);
    }

    boolean has(String key) {
        NodeTuple t = entries.get(key);
        return t != null && !t.getValueNode().getTag().equals(Tag.NULL);
    }

    Node value(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? null : t.getValueNode();
    }

    Node keyNode(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? node : t.getKeyNode();
    }

    void error(String key, String message) {
        errors.add(at(keyNode(key), path(key), message));
    }

    void missing(String key, String why) {
        errors.add(at(node, path(key), "expected '" + key + "' (" + why + "), found none"));
    }

    /** A finite number; null (with an error when present but not a number). */
    Double number(String key) {
        if (!has(key)) {
            return null;
        }
        Node value = value(key);
        if (value instanceof ScalarNode scalar && (value.getTag().equals(Tag.INT) || value.getTag().equals(Tag.FLOAT))) {
            try {
                double d = Double.parseDouble(scalar.getValue().replace("_", ""));
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(key, "expected a number, found " + describe(value));
        return null;
    }

    /** A whole number at least {@code min}; null with an error otherwise. */
    Long integer(String key, long min, String expected) {
        if (!has(key)) {
            return null;
        }
        Node value = value(key);
        if (value instanceof ScalarNode scalar && value.getTag().equals(Tag.INT)) {
            try {
                long v = Long.parseLong(scalar.getValue().replace("_", "").replace("+", ""));
                if (v >= min) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        error(key, "expected " + expected + ", found " + describe(value));
        return null;
    }

    /** A plain string; null with an error when not a scalar. */
    String text(String key) {
        if (!has(key)) {
            return null;
        }
        Node value = value(key);
        if (value instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        error(key, "expected a word, found " + describe(value));
        return null;
    }

    /** One of {@code allowed}; the default when absent, null with an error when unknown. */
    String choice(String key, List<String> allowed, String defaultValue) {
        if (!has(key)) {
            return defaultValue;
        }
        String text = text(key);
        if (text == null) {
            return null;
        }
        if (!allowed.contains(text)) {
            error(key, "expected " + String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                    + allowed.get(allowed.size() - 1) + ", found '" + text + "'" + Suggestions.hint(text, allowed));
            return null;
        }
        return text;
    }
}
