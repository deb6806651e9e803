package dev.baton.model.edit;

import dev.baton.model.yaml.SafeYaml;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;

/**
 * The layout of a model file: its values with their places, built from the parser's events (the
 * same parser and limits as {@code ModelReader}), plus the lines of the text.
 */
final class SourceTree {

    final SourceLines lines;
    final Extents extents;
    final SourceNode root;
    /** Anchors that some alias refers to: values shared by several places. */
    final Set<String> aliased = new HashSet<>();

    private final int[] charOffset;

    private SourceTree(String text) throws SafeYaml.SyntaxError {
        this.lines = new SourceLines(text);
        this.extents = new Extents(lines);
        // SnakeYAML counts code points; Java strings count UTF-16 chars (an emoji is two).
        this.charOffset = new int[text.codePointCount(0, text.length()) + 1];
        int c = 0;
        for (int i = 0; i < charOffset.length; i++) {
            charOffset[i] = c;
            if (c < text.length()) {
                c += Character.charCount(text.codePointAt(c));
            }
        }
        this.root = build(SafeYaml.events(text));
    }

    /** The layout of a single-document file; a syntax error or a second document is refused as the reader refuses it. */
    static SourceTree of(String text) throws SafeYaml.SyntaxError {
        return new SourceTree(text);
    }

    private int offset(Mark mark) {
        return charOffset[Math.min(mark.getIndex(), charOffset.length - 1)];
    }

    private SourceNode build(Iterable<Event> events) {
        Deque<SourceNode> open = new ArrayDeque<>();
        SourceNode[] root = new SourceNode[1];
        for (Event event : events) {
            SourceNode node = null;
            if (event instanceof ScalarEvent s) {
                node = new SourceNode(SourceNode.Kind.SCALAR, offset(s.getStartMark()), offset(s.getEndMark()), false,
                        s.getAnchor(), s.getValue(), s.getScalarStyle());
            } else if (event instanceof AliasEvent a) {
                aliased.add(a.getAnchor());
                node = new SourceNode(SourceNode.Kind.ALIAS, offset(a.getStartMark()), offset(a.getEndMark()), false,
                        a.getAnchor(), null, null);
            } else if (event instanceof CollectionStartEvent c) {
                node = new SourceNode(c instanceof MappingStartEvent ? SourceNode.Kind.MAPPING : SourceNode.Kind.SEQUENCE,
                        offset(c.getStartMark()), offset(c.getEndMark()), c.isFlow(), c.getAnchor(), null, null);
            } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                SourceNode closed = open.pop();
                if (closed.flow) {
                    closed.end = offset(event.getEndMark());
                }
                continue;
            } else {
                continue;
            }
            attach(node, open.peek(), root);
            if (event instanceof MappingStartEvent || event instanceof SequenceStartEvent) {
                open.push(node);
            }
        }
        return root[0];
    }

    /** Puts a new node under its parent: as an item, as a key, or as the value of the key before it. */
    private static void attach(SourceNode node, SourceNode parent, SourceNode[] root) {
        if (parent == null) {
            root[0] = node;
        } else if (parent.kind == SourceNode.Kind.SEQUENCE) {
            parent.items.add(node);
        } else if (parent.pendingKey == null) {
            parent.pendingKey = node;
        } else {
            parent.entries.add(new SourceNode.Entry(parent.pendingKey, node));
            parent.pendingKey = null;
        }
    }

    /** How this file indents nested mappings and lists under a key (2 unless it shows otherwise). */
    FreshYaml.Steps steps() {
        return new FreshYaml.Steps(step(root, SourceNode.Kind.MAPPING, 2), step(root, SourceNode.Kind.SEQUENCE, 2));
    }

    /** The indentation of the first block value of this kind under a key, relative to the key. */
    private int step(SourceNode node, SourceNode.Kind kind, int otherwise) {
        if (node == null || node.flow) {
            return otherwise;
        }
        for (SourceNode.Entry e : node.entries) {
            SourceNode v = e.value();
            if (v.kind == kind && !v.flow) {
                int child = kind == SourceNode.Kind.MAPPING ? v.entries.get(0).key().start : extents.dash(v.items.get(0));
                if (lines.firstOnLine(child) && lines.firstOnLine(e.key().start)) {
                    return lines.column(child) - lines.column(e.key().start);
                }
            }
        }
        List<SourceNode> children = new ArrayList<>(node.items);
        node.entries.forEach(e -> children.add(e.value()));
        for (SourceNode child : children) {
            int found = step(child, kind, -1);
            if (found >= 0) {
                return found;
            }
        }
        return otherwise;
    }

    /** The file's values as plain data (texts, lists, mappings in written order), to compare before and after an edit. */
    static Object data(SourceNode node) {
        if (node == null) {
            return null;
        }
        return switch (node.kind) {
            case SCALAR -> node.value;
            case ALIAS -> "*" + node.anchor;
            case SEQUENCE -> node.items.stream().map(SourceTree::data).toList();
            case MAPPING -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.entries.forEach(e -> map.putIfAbsent(String.valueOf(data(e.key())), data(e.value())));
                yield map;
            }
        };
    }
}
