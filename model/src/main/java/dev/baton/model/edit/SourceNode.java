package dev.baton.model.edit;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;

/**
 * One value of the file as it is written: where it starts and ends (character offsets), how it is
 * written (flow or block, quoting style) and its anchor or alias. Unlike SnakeYAML's composed
 * nodes, an alias is a node of its own here, at the place of the {@code *name}, so that an edit
 * never mistakes the anchored value for the alias.
 */
final class SourceNode {

    enum Kind { SCALAR, MAPPING, SEQUENCE, ALIAS }

    /** A key and its value in a mapping. */
    record Entry(SourceNode key, SourceNode value) {
    }

    final Kind kind;
    final int start;
    int end;
    final boolean flow;
    /** The anchor of this node, or for an alias the anchor it refers to; null when neither. */
    final String anchor;
    final String value;
    final ScalarStyle style;
    final List<Entry> entries = new ArrayList<>();
    final List<SourceNode> items = new ArrayList<>();
    /** While the tree is built: the key of a mapping that waits for its value. */
    SourceNode pendingKey;

    SourceNode(Kind kind, int start, int end, boolean flow, String anchor, String value, ScalarStyle style) {
        this.kind = kind;
        this.start = start;
        this.end = end;
        this.flow = flow;
        this.anchor = anchor;
        this.value = value;
        this.style = style;
    }

    boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** A scalar written as nothing at all, as in {@code owner:}. */
    boolean isEmpty() {
        return kind == Kind.SCALAR && start == end;
    }

    /** How the node looks to a person, for refusals. */
    String describe() {
        return switch (kind) {
            case SCALAR -> isEmpty() ? "nothing" : "the value '" + value + "'";
            case MAPPING -> "a mapping";
            case SEQUENCE -> "a list";
            case ALIAS -> "the alias *" + anchor;
        };
    }
}
