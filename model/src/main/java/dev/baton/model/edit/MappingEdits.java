package dev.baton.model.edit;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * Edits of values and of the keys of mappings, each as the smallest splice of the text: a new
 * value takes the place of the old one, a new key is a new line among its siblings (or a new
 * entry inside the braces of a flow mapping), a removed key takes its lines with it.
 */
final class MappingEdits {

    private final SourceTree tree;
    private final SourceLines lines;
    private final Extents extents;

    MappingEdits(SourceTree tree) {
        this.tree = tree;
        this.lines = tree.lines;
        this.extents = tree.extents;
    }

    List<Splice> set(Target target, Object value) throws EditRefused {
        if (!target.node().isScalar() && target.node().kind != SourceNode.Kind.ALIAS) {
            throw new EditRefused(target.path().text(), "expected a single value to set, found " + target.node().describe()
                    + "; replace it to change it whole");
        }
        return List.of(scalar(target, value));
    }

    /** A scalar in the place of a scalar, written in the same quoting style when the value allows it. */
    private Splice scalar(Target target, Object value) {
        SourceNode node = target.node();
        ScalarStyle style = node.isScalar() ? node.style : ScalarStyle.PLAIN;
        int end = extents.contentEnd(node);
        if ((style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED) && value instanceof String text) {
            String block = literal(text, node);
            if (block != null) {
                return new Splice(node.start, end, block);
            }
            style = ScalarStyle.PLAIN;
        }
        String text = FreshYaml.scalar(value, style, target.inFlow());
        return new Splice(node.start, end, node.isEmpty() && !Character.isWhitespace(lines.text().charAt(node.start - 1))
                ? " " + text : text);
    }

    /** A text as a literal block ("|") indented like the block it replaces; null when a quoted line suits it better. */
    private String literal(String text, SourceNode node) {
        if (!text.contains("\n") || text.endsWith("\n\n") || text.startsWith(" ") || text.chars().anyMatch(c -> c == '\r' || c == '\t')) {
            return null;
        }
        int line = lines.lineOf(node.start);
        int indent = line + 1 < lines.count() && lines.indentation(line + 1) > lines.indentation(line)
                ? lines.indentation(line + 1) : lines.indentation(line) + 2;
        String pad = " ".repeat(indent);
        StringBuilder out = new StringBuilder(text.endsWith("\n") ? "|" : "|-");
        for (String l : text.split("\n", -1)) {
            out.append(lines.lineBreak()).append(l.isEmpty() ? "" : pad + l);
        }
        String written = out.toString();
        return text.endsWith("\n") ? written.substring(0, written.length() - lines.lineBreak().length()) : written;
    }

    List<Splice> replace(Target target, Object value) {
        SourceNode node = target.node();
        boolean collection = node.kind == SourceNode.Kind.MAPPING || node.kind == SourceNode.Kind.SEQUENCE;
        if (FreshYaml.isScalar(value) && !collection) {
            return List.of(scalar(target, value));
        }
        SourceNode.Entry entry = target.entry();
        boolean flowPlace = target.inFlow() || (collection && node.flow);
        // A block collection is replaced up to the end of its last line: a comment there was about what goes.
        int end = collection && !flowPlace ? lines.start(extents.lastLine(node)) + lines.line(extents.lastLine(node)).length()
                : extents.contentEnd(node);
        // A block list stays a block list, even of plain values; elsewhere only what needs lines gets them.
        boolean ownLines = FreshYaml.blockish(value) || collection && !FreshYaml.isScalar(value) && !FreshYaml.flow(value, false).matches("\\{}|\\[]");
        if (flowPlace || !ownLines) {
            String text = flowPlace ? FreshYaml.flow(value, spaced(node)) : FreshYaml.inline(value);
            if (entry != null && !flowPlace) {
                return List.of(new Splice(extents.afterColon(entry.key()), end, " " + text));
            }
            return List.of(new Splice(node.start, end, node.isEmpty() ? " " + text : text));
        }
        FreshYaml.Steps steps = tree.steps();
        if (entry != null) {
            int indent = lines.column(entry.key().start) + (value instanceof Map<?, ?> ? steps.mapping() : steps.sequence());
            List<String> block = FreshYaml.block(value, indent, steps);
            return List.of(new Splice(extents.afterColon(entry.key()), end,
                    lines.lineBreak() + String.join(lines.lineBreak(), block)));
        }
        int indent = lines.column(node.start);
        List<String> block = FreshYaml.block(value, indent, steps);
        return List.of(new Splice(node.start, end, String.join(lines.lineBreak(), block).substring(indent)));
    }

    /** Whether a flow collection is written with spaces inside its brackets, "{ a: b }", so new text is too. */
    boolean spaced(SourceNode node) {
        return node.flow && node.start + 1 < lines.text().length() && lines.text().charAt(node.start + 1) == ' ';
    }

    List<Splice> addKey(Target target, String key, Object value, String after) throws EditRefused {
        SourceNode map = target.node();
        String path = target.path().text();
        if (map.kind != SourceNode.Kind.MAPPING) {
            throw new EditRefused(path, "expected a mapping to add '" + key + "' to, found " + map.describe()
                    + (map.isEmpty() ? "; replace it with a mapping instead" : ""));
        }
        if (indexOf(map, key) >= 0) {
            throw new EditRefused(path, "expected a new key, found '" + key + "' there already; set or replace its value instead");
        }
        int last = map.entries.size() - 1;
        int afterIndex = after == null ? last : indexOf(map, after);
        if (after != null && afterIndex < 0) {
            throw new EditRefused(path, "expected the key '" + after + "' to add '" + key + "' after, found no such key");
        }
        if (map.flow) {
            String entry = FreshYaml.key(key, true) + ": " + FreshYaml.flow(value, spaced(map));
            return List.of(last < 0 ? Splice.insert(map.start + 1, entry)
                    : Splice.insert(extents.contentEnd(map.entries.get(afterIndex).value()), ", " + entry));
        }
        int column = lines.column(map.entries.get(0).key().start);
        List<String> entry = FreshYaml.entry(key, value, column, tree.steps());
        return List.of(insertLines(lines.next(extents.lastLine(map.entries.get(afterIndex).value())), entry));
    }

    /** Whole lines inserted at the start of a line (or at the end of a file without a last line break). */
    Splice insertLines(int at, List<String> newLines) {
        String eol = lines.lineBreak();
        String text = lines.text();
        boolean openLastLine = at == text.length() && !text.isEmpty() && text.charAt(text.length() - 1) != '\n';
        return Splice.insert(at, openLastLine ? eol + String.join(eol, newLines) : String.join(eol, newLines) + eol);
    }

    private static int indexOf(SourceNode map, String key) {
        for (int i = 0; i < map.entries.size(); i++) {
            SourceNode k = map.entries.get(i).key();
            if (k.isScalar() && key.equals(k.value)) {
                return i;
            }
        }
        return -1;
    }

    List<Splice> rename(Target target, String newKey) throws EditRefused {
        SourceNode.Entry entry = target.entry();
        if (entry == null) {
            throw new EditRefused(target.path().text(), "expected a path ending with a key to rename, found a list item");
        }
        if (indexOf(target.parent(), newKey) >= 0) {
            throw new EditRefused(target.path().text(), "expected a new key name, found '" + newKey + "' there already");
        }
        SourceNode key = entry.key();
        boolean inFlow = target.inFlow();
        String text = key.style == ScalarStyle.PLAIN ? FreshYaml.key(newKey, inFlow) : FreshYaml.scalar(newKey, key.style, inFlow);
        return List.of(new Splice(key.start, key.end, text));
    }

    /** A key and its value removed; the last key of a mapping leaves an empty mapping, {@code {}}. */
    List<Splice> remove(Target target, Target container) {
        SourceNode map = target.parent();
        int i = target.index();
        if (map.flow) {
            return List.of(ListEdits.removeFromFlow(extents, map, i));
        }
        if (map.entries.size() == 1) {
            return replace(container, Map.of());
        }
        SourceNode key = map.entries.get(i).key();
        if (lines.firstOnLine(key.start)) {
            int[] span = extents.entryLines(map, i);
            return List.of(new Splice(span[0], span[1], ""));
        }
        // The first key of a list item shares the dash's line: the next key moves up onto it.
        int next = extents.firstLine(map, i + 1);
        return List.of(new Splice(key.start, lines.start(next) + lines.indentation(next), ""));
    }
}
