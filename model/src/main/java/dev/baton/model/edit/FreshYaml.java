package dev.baton.model.edit;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * New values written as YAML text: texts, numbers, true/false, lists and mappings (keys in their
 * order). A text is written plain when the parser reads it back as the same text, and quoted
 * otherwise: {@code yes}, {@code 2.0}, {@code #1} or {@code a: b} would otherwise come back as a
 * boolean, a number, a comment or a mapping. Lists of plain values are written {@code [a, b]} as in
 * the examples; mappings and lists of mappings as indented blocks, or in flow style where their
 * place asks for it.
 */
final class FreshYaml {

    /** How far a nested mapping's keys and a nested list's dashes stand right of their key. */
    record Steps(int mapping, int sequence) {
        static final Steps DEFAULT = new Steps(2, 2);
    }

    private FreshYaml() {
    }

    static boolean isScalar(Object value) {
        return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
    }

    /** Needs lines of its own: a non-empty mapping, or a list holding mappings or lists. */
    static boolean blockish(Object value) {
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return value instanceof List<?> list && list.stream().anyMatch(v -> !isScalar(v));
    }

    /** What the parser will read back: texts for scalars, lists and mappings of them. */
    static Object asRead(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> read = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> read.put(String.valueOf(k), asRead(v)));
            return read;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FreshYaml::asRead).toList();
        }
        return value instanceof String text ? text : literal(value);
    }

    private static String literal(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    /** A scalar where nothing suggests a quoting style. */
    static String scalar(Object value, boolean inFlow) {
        return scalar(value, ScalarStyle.PLAIN, inFlow);
    }

    /** A scalar written like the one it replaces: plain stays plain and quotes stay quotes, when the value allows. */
    static String scalar(Object value, ScalarStyle style, boolean inFlow) {
        if (!(value instanceof String text)) {
            return literal(value);
        }
        if (style == ScalarStyle.SINGLE_QUOTED && text.chars().noneMatch(FreshYaml::needsEscape)) {
            return "'" + text.replace("'", "''") + "'";
        }
        if (style == ScalarStyle.DOUBLE_QUOTED || !readsBackPlain(text, inFlow)) {
            return doubleQuoted(text);
        }
        return text;
    }

    private static boolean needsEscape(int c) {
        return c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
    }

    static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04X", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Words, ids and names: start with a letter, then letters, digits, spaces, '_', '.', '/' and '-'. */
    private static final java.util.regex.Pattern WORDS = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_ ./-]*");
    /** Words YAML 1.1 (SnakeYAML's resolver) reads as true/false or nothing. */
    private static final java.util.Set<String> SPECIAL = java.util.Set.of(
            "yes", "no", "true", "false", "on", "off", "null", "y", "n");

    /** Whether the parser reads the text, written plain, back as the same text (not a number, a comment, ...). */
    static boolean readsBackPlain(String text, boolean inFlow) {
        if (text.isEmpty() || !text.strip().equals(text) || text.chars().anyMatch(FreshYaml::needsEscape)) {
            return false;
        }
        if (WORDS.matcher(text).matches() && !SPECIAL.contains(text.toLowerCase(java.util.Locale.ROOT))) {
            return true; // the common case, decided without a parse: no number, indicator, comment or ": "
        }
        try {
            Node root = new Yaml(new LoaderOptions()).compose(new StringReader(inFlow ? "[" + text + "]" : "k: " + text));
            Node read = inFlow
                    ? (root instanceof SequenceNode seq && seq.getValue().size() == 1 ? seq.getValue().get(0) : null)
                    : (root instanceof MappingNode map && map.getValue().size() == 1 ? map.getValue().get(0).getValueNode() : null);
            return read instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR) && scalar.getValue().equals(text);
        } catch (YAMLException e) {
            return false;
        }
    }

    /** A key: plain when it reads back, double-quoted otherwise. */
    static String key(String key, boolean inFlow) {
        return readsBackPlain(key, inFlow) && !key.contains(": ") && !key.endsWith(":") ? key : doubleQuoted(key);
    }

    /** On one line: a scalar, or a list or mapping in flow style ({@code spaced}: "{ a: b }" rather than "{a: b}"). */
    static String flow(Object value, boolean spaced) {
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            String inner = map.entrySet().stream()
                    .map(e -> key(String.valueOf(e.getKey()), true) + ": " + flow(e.getValue(), spaced))
                    .collect(Collectors.joining(", "));
            return spaced ? "{ " + inner + " }" : "{" + inner + "}";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(v -> flow(v, spaced)).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar(value, true);
    }

    /** On one line in a block: a scalar as a block allows it, a list or mapping in flow style. */
    static String inline(Object value) {
        return isScalar(value) ? scalar(value, false) : flow(value, false);
    }

    /** Lines at {@code indent} (without line breaks): a mapping or list in block style, anything else on one line. */
    static List<String> block(Object value, int indent, Steps steps) {
        List<String> lines = new ArrayList<>();
        String pad = " ".repeat(indent);
        if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> lines.addAll(entry(String.valueOf(k), v, indent, steps)));
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (Object item : list) {
                lines.addAll(item(item, indent, steps));
            }
        } else {
            lines.add(pad + inline(value));
        }
        return lines;
    }

    /** {@code key: value} at {@code indent}, the value on the same line or indented below it. */
    static List<String> entry(String key, Object value, int indent, Steps steps) {
        String head = " ".repeat(indent) + key(key, false) + ":";
        if (!blockish(value)) {
            return List.of(head + " " + inline(value));
        }
        List<String> lines = new ArrayList<>();
        lines.add(head);
        lines.addAll(block(value, indent + (value instanceof Map<?, ?> ? steps.mapping() : steps.sequence()), steps));
        return lines;
    }

    /** {@code - value} with its dash at {@code indent}; a mapping starts on the dash's line. */
    static List<String> item(Object value, int indent, Steps steps) {
        if (!blockish(value)) {
            return List.of(" ".repeat(indent) + "- " + inline(value));
        }
        List<String> lines = new ArrayList<>(block(value, indent + 2, steps));
        lines.set(0, " ".repeat(indent) + "- " + lines.get(0).substring(indent + 2));
        return lines;
    }
}
