package dev.baton.app.web.editor;

import dev.baton.model.yaml.SafeYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A draft's text read as plain data (mappings in key order, lists, texts) for the editor's forms,
 * and the paths of the validation messages ({@code work-types[0].stages[2].sla}) walked over it.
 * Read with the same parser and limits as {@code baton model validate}.
 */
final class YamlData {

    private static final Pattern SEGMENT = Pattern.compile("\\[(\\d+)]|\\.?([^.\\[\\]]+)");

    private YamlData() {
    }

    /** The text as data: a mapping for a model, null when it is empty or not YAML. */
    static Object of(String text) {
        try {
            Node root = SafeYaml.compose(text);
            return root == null ? null : data(root);
        } catch (SafeYaml.SyntaxError e) {
            return null;
        }
    }

    private static Object data(Node node) {
        if (node instanceof MappingNode m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                Object key = data(t.getKeyNode());
                map.putIfAbsent(String.valueOf(key), data(t.getValueNode()));
            }
            return map;
        }
        if (node instanceof SequenceNode s) {
            List<Object> list = new ArrayList<>();
            s.getValue().forEach(n -> list.add(data(n)));
            return list;
        }
        String value = ((ScalarNode) node).getValue();
        return "null".equals(value) || "~".equals(value) ? null : value;
    }

    /** A path's steps: keys (texts) and positions (integers). */
    static List<Object> steps(String path) {
        List<Object> steps = new ArrayList<>();
        Matcher m = SEGMENT.matcher(path);
        while (m.find()) {
            steps.add(m.group(1) != null ? (Object) Integer.parseInt(m.group(1)) : m.group(2));
        }
        return steps;
    }

    static String path(List<Object> steps) {
        StringBuilder b = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(step);
            }
        }
        return b.toString();
    }

    /** The value at the path, or {@link #ABSENT}. */
    static Object at(Object data, List<Object> steps) {
        Object here = data;
        for (Object step : steps) {
            if (step instanceof Integer i && here instanceof List<?> list && i < list.size()) {
                here = list.get(i);
            } else if (step instanceof String key && here instanceof Map<?, ?> map && map.containsKey(key)) {
                here = map.get(key);
            } else {
                return ABSENT;
            }
        }
        return here;
    }

    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "absent";
        }
    };

    /** The mapping at the path, empty when it is not one. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object data, String path) {
        Object v = at(data, steps(path));
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The list at the path; a single value counts as a list of one (ids accept one or many), none as empty. */
    static List<Object> list(Object data, String path) {
        Object v = at(data, steps(path));
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return v == ABSENT || v == null ? List.of() : List.of(v);
    }

    /** A single value as text for a form ("" when absent); lists are joined with ", ". */
    static String text(Object data, String path) {
        Object v = at(data, steps(path));
        if (v == ABSENT || v == null) {
            return "";
        }
        if (v instanceof List<?> l) {
            return String.join(", ", l.stream().map(YamlData::oneLine).toList());
        }
        return oneLine(v);
    }

    private static String oneLine(Object v) {
        if (v instanceof Map<?, ?> m && m.containsKey("from") && m.containsKey("to")) {
            return m.get("from") + " -> " + m.get("to"); // a transition written as a mapping
        }
        return String.valueOf(v);
    }
}
