package dev.baton.model.edit;

/**
 * Which text belongs to a value, an entry of a mapping or an item of a list, so that removing or
 * moving one takes exactly its lines. An entry or item in block style owns its whole lines, from
 * the comment lines directly above it (no blank line between, the '#' aligned with its key or
 * dash) to the line where its value ends, comment at the end of that line included. Blank lines
 * and comments that belong to nothing in particular stay where they are.
 */
final class Extents {

    private final SourceLines lines;

    Extents(SourceLines lines) {
        this.lines = lines;
    }

    /** Where the value's own text ends: after its last character, trailing spaces and line breaks not counted. */
    int contentEnd(SourceNode node) {
        if (!node.flow && node.kind == SourceNode.Kind.MAPPING && !node.entries.isEmpty()) {
            return contentEnd(node.entries.get(node.entries.size() - 1).value());
        }
        if (!node.flow && node.kind == SourceNode.Kind.SEQUENCE && !node.items.isEmpty()) {
            return contentEnd(node.items.get(node.items.size() - 1));
        }
        int end = node.end;
        String text = lines.text();
        while (end > node.start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** The line a value ends on (for an empty value, the line of its key or dash). */
    int lastLine(SourceNode node) {
        return lines.lineOf(Math.max(contentEnd(node) - 1, 0));
    }

    /** Just after the ':' that follows a key. */
    int afterColon(SourceNode key) {
        int i = key.end;
        String text = lines.text();
        while (i < text.length() && text.charAt(i) != ':') {
            i++;
        }
        return Math.min(i + 1, text.length());
    }

    /** The offset of the '-' of an item of a block list: on the item's line, or on a line above it. */
    int dash(SourceNode item) {
        int line = lines.lineOf(item.start);
        String before = lines.text().substring(lines.start(line), item.start);
        while (!DASHES.matcher(before).matches() && line > 0) {
            line--;
            before = lines.line(line).replaceFirst("\\s#.*$", "");
        }
        return lines.start(line) + Math.max(before.lastIndexOf('-'), 0);
    }

    /** What stands before an item on its dash's line: spaces and dashes only ("- - a" nests lists). */
    private static final java.util.regex.Pattern DASHES = java.util.regex.Pattern.compile(" *-[ -]*");

    /** The first line of an entry of a block mapping: its key's line, or the comments just above it. */
    int firstLine(SourceNode mapping, int index) {
        SourceNode key = mapping.entries.get(index).key();
        int floor = index == 0 ? -1 : lastLine(mapping.entries.get(index - 1).value());
        return withComments(key.start, floor);
    }

    /** The first line of an item of a block list: its dash's line, or the comments just above it. */
    int firstItemLine(SourceNode sequence, int index) {
        int floor = index == 0 ? -1 : lastLine(sequence.items.get(index - 1));
        return withComments(dash(sequence.items.get(index)), floor);
    }

    private int withComments(int offset, int floor) {
        int line = lines.lineOf(offset);
        if (!lines.firstOnLine(offset)) {
            return line;
        }
        int column = lines.column(offset);
        while (line - 1 > floor && lines.commentAt(line - 1, column)) {
            line--;
        }
        return line;
    }

    /** The whole lines of an entry of a block mapping, as [start, end) offsets. */
    int[] entryLines(SourceNode mapping, int index) {
        return new int[] {lines.start(firstLine(mapping, index)), lines.next(lastLine(mapping.entries.get(index).value()))};
    }

    /** The whole lines of an item of a block list, as [start, end) offsets. */
    int[] itemLines(SourceNode sequence, int index) {
        return new int[] {lines.start(firstItemLine(sequence, index)), lines.next(lastLine(sequence.items.get(index)))};
    }
}
