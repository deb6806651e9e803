package dev.baton.model.yaml;

import dev.baton.model.problem.Position;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.Suggestions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed reading of a YAML node tree: every value read records its position under its path, and
 * every mismatch becomes a problem ("expected X, found Y") instead of an exception, so that one
 * run reports every mistake in the file. Public so that other YAML files of Baton (import mappings)
 * are read with the same rules and messages.
 */
public final class NodeReader {

    /** Ids are what other parts of the model and the event log refer to: keep them plain. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    static final int MAX_NODES = 200_000;

    private final Problems problems;
    private int visited;

    public NodeReader(Problems problems) {
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    /** Remembers where the path was written; stops walking a file that expands beyond reason. */
    public boolean visit(String path, Node node) {
        problems.sourceMap().put(path, position(node));
        if (++visited == MAX_NODES) {
            problems.add(dev.baton.model.problem.Severity.ERROR, "too-large", path, position(node),
                    "expected at most " + MAX_NODES + " values (aliases included), found more");
        }
        return visited < MAX_NODES;
    }

    public static Position position(Node node) {
        return SafeYaml.position(node.getStartMark());
    }

    public static boolean isNull(Node node) {
        return node == null || node.getTag().equals(Tag.NULL);
    }

    /** How a node looks to a person, for the "found …" half of a message. */
    public static String describe(Node node) {
        if (isNull(node)) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode seq) {
            return seq.getValue().isEmpty() ? "an empty list" : "a list";
        }
        String value = ((ScalarNode) node).getValue();
        if (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT)) {
            return "the number " + value;
        }
        if (node.getTag().equals(Tag.BOOL)) {
            return value;
        }
        return "'" + (value.length() > 60 ? value.substring(0, 57) + "..." : value) + "'";
    }

    public void wrongType(String path, Node node, String expected) {
        problems.add(dev.baton.model.problem.Severity.ERROR, "wrong-type", path, position(node),
                "expected " + expected + ", found " + describe(node));
    }

    /** The entries of a mapping, with unknown and repeated keys reported; null if not a mapping. */
    public Entries mapping(Node node, String path, String what, List<String> keys) {
        if (!(node instanceof MappingNode mapping)) {
            wrongType(path, node, what);
            return null;
        }
        visit(path, node);
        Entries entries = new Entries(this, path, node);
        for (var tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode scalarKey) || isNull(keyNode)) {
                wrongType(path, keyNode, "a key name");
                continue;
            }
            String key = scalarKey.getValue();
            if (key.equals("<<")) {
                problems.add(dev.baton.model.problem.Severity.ERROR, "wrong-type", path, position(keyNode),
                        "expected a key of " + what + ", found a '<<' merge key (write the keys out, or use an alias for the whole value)");
                continue;
            }
            if (!keys.contains(key)) {
                problems.add(dev.baton.model.problem.Severity.ERROR, "unknown-key", join(path, key), position(keyNode),
                        "expected a key of " + what + " (" + String.join(", ", keys) + "), found '" + key + "'"
                                + Suggestions.hint(key, keys));
                continue;
            }
            if (entries.has(key)) {
                problems.add(dev.baton.model.problem.Severity.ERROR, "duplicate-key", join(path, key), position(keyNode),
                        "expected '" + key + "' once in " + what + ", found it again (first at line "
                                + problems.sourceMap().positionOf(join(path, key)).line() + ")");
                continue;
            }
            entries.put(key, tuple.getValueNode());
            // An empty value ("owner:") counts as not written, so smells about missing values still apply.
            if (!isNull(tuple.getValueNode())) {
                visit(join(path, key), tuple.getValueNode());
            }
        }
        return entries;
    }

    /** A list read item by item; a single scalar counts as a list of one when {@code scalarOk}. */
    public <T> List<T> list(Node node, String path, String what, boolean scalarOk, BiFunction<Node, String, T> item) {
        if (isNull(node)) {
            return List.of();
        }
        List<T> result = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            int i = 0;
            for (Node child : seq.getValue()) {
                String childPath = path + "[" + i++ + "]";
                if (!visit(childPath, child)) {
                    break;
                }
                T value = item.apply(child, childPath);
                if (value != null) {
                    result.add(value);
                }
            }
        } else if (scalarOk && node instanceof ScalarNode) {
            T value = item.apply(node, path);
            if (value != null) {
                result.add(value);
            }
        } else {
            wrongType(path, node, "a list of " + what);
        }
        return List.copyOf(result);
    }

    /**
     * A mapping of free names to values, as mapping files write them ({@code stages: {Doing: in-progress}}):
     * each name a scalar given once (again is a {@code duplicate-key} error), each value read by
     * {@code value} (null: its problem is reported, the pair left out). Names are kept as written, in
     * file order; with {@code alsoLowerCase} each value is also kept under its name in lower case,
     * unless that name is taken, for tools whose values are matched ignoring case.
     *
     * @param names how the names read in a message ("tool values"), {@code name} one of them ("a tool value")
     */
    public <T> java.util.Map<String, T> pairs(Node node, String path, String names, String name, String what,
                                              boolean alsoLowerCase, BiFunction<Node, String, T> value) {
        java.util.Map<String, T> result = new java.util.LinkedHashMap<>();
        if (!(node instanceof MappingNode mapping)) {
            wrongType(path, node, "a mapping of " + names + " to " + what + "s");
            return result;
        }
        for (var tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode k) || isNull(tuple.getKeyNode())) {
                wrongType(path, tuple.getKeyNode(), name);
                continue;
            }
            String childPath = path + "." + k.getValue();
            if (result.containsKey(k.getValue())) {
                problems.add(dev.baton.model.problem.Severity.ERROR, "duplicate-key", childPath, position(k),
                        "expected '" + k.getValue() + "' once in " + path + ", found it again");
                continue;
            }
            visit(childPath, tuple.getValueNode());
            T read = value.apply(tuple.getValueNode(), childPath);
            if (read != null) {
                result.put(k.getValue(), read);
                if (alsoLowerCase) {
                    result.putIfAbsent(k.getValue().toLowerCase(java.util.Locale.ROOT), read);
                }
            }
        }
        return result;
    }

    /** Any scalar as text (ids such as {@code 2026} are fine); null with an error otherwise. */
    public String text(Node node, String path, String what) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return scalar.getValue();
        }
        wrongType(path, node, what);
        return null;
    }

    public String id(Node node, String path, String what) {
        String value = text(node, path, what);
        if (value != null && !ID.matcher(value).matches()) {
            problems.add(dev.baton.model.problem.Severity.ERROR, "bad-id", path, position(node),
                    "expected " + what + " made of letters, digits, '-', '_' or '.', found '" + value + "'");
            return null;
        }
        return value;
    }

    public static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
