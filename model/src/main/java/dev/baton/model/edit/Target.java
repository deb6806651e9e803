package dev.baton.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a path points at in the file: the value, the mapping or list holding it, and its place
 * there. Walking a path refuses what an edit cannot do unambiguously: a missing key or id, a key
 * written twice, two items with one id, and any way through a value shared by an anchor (changing
 * it would change every alias of it too).
 */
record Target(ModelPath path, SourceNode node, SourceNode parent, int index, boolean inFlow) {

    /** The entry when the path ends with a key. */
    SourceNode.Entry entry() {
        return parent != null && parent.kind == SourceNode.Kind.MAPPING ? parent.entries.get(index) : null;
    }

    static Target resolve(SourceTree tree, ModelPath path) throws EditRefused {
        SourceNode node = tree.root;
        SourceNode parent = null;
        int index = -1;
        boolean inFlow = false;
        List<ModelPath.Segment> walked = new ArrayList<>();
        for (ModelPath.Segment segment : path.segments()) {
            String here = ModelPath.of(walked).text();
            if (node == null) {
                throw new EditRefused(path.text(), "expected a model, found an empty file");
            }
            if (node.kind == SourceNode.Kind.ALIAS) {
                throw new EditRefused(path.text(), "the value at " + where(here) + " is the alias *" + node.anchor
                        + "; edit the value where &" + node.anchor + " is written instead");
            }
            refuseShared(tree, node, path, here);
            inFlow |= node.flow;
            parent = node;
            if (segment instanceof ModelPath.Key key) {
                index = keyIndex(tree, node, key.name(), path, here);
                node = node.entries.get(index).value();
            } else {
                index = itemIndex(tree, node, (ModelPath.Item) segment, path, here);
                node = node.items.get(index);
            }
            walked.add(segment);
        }
        if (node == null) {
            throw new EditRefused(path.text(), "expected a model, found an empty file");
        }
        refuseShared(tree, node, path, path.text());
        return new Target(path, node, parent, index, inFlow);
    }

    private static String where(String path) {
        return path.isEmpty() ? "the top of the model" : path;
    }

    private static void refuseShared(SourceTree tree, SourceNode node, ModelPath path, String here) throws EditRefused {
        if (node.kind != SourceNode.Kind.ALIAS && node.anchor != null && tree.aliased.contains(node.anchor)) {
            throw new EditRefused(path.text(), "the value at " + where(here) + " is shared through the anchor &" + node.anchor
                    + " (line " + (tree.lines.lineOf(node.start) + 1) + "); an edit here would also change every *"
                    + node.anchor + ", so write the values out before editing one of them");
        }
    }

    private static int keyIndex(SourceTree tree, SourceNode node, String key, ModelPath path, String here) throws EditRefused {
        if (node.kind != SourceNode.Kind.MAPPING) {
            throw new EditRefused(path.text(), "expected a mapping with the key '" + key + "' at " + where(here)
                    + ", found " + node.describe());
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < node.entries.size(); i++) {
            SourceNode k = node.entries.get(i).key();
            if (k.isScalar() && key.equals(k.value)) {
                found.add(i);
            }
        }
        if (found.isEmpty()) {
            String keys = node.entries.stream().map(e -> e.key().isScalar() ? e.key().value : "?").collect(Collectors.joining(", "));
            throw new EditRefused(path.text(), "expected a key '" + key + "' at " + where(here) + ", found "
                    + (keys.isEmpty() ? "no keys" : "only " + keys));
        }
        if (found.size() > 1) {
            throw new EditRefused(path.text(), "the key '" + key + "' is written " + found.size() + " times at " + where(here)
                    + " (lines " + lines(tree, found.stream().map(i -> node.entries.get(i).key()).toList())
                    + "), so which one is meant is ambiguous; keep one");
        }
        return found.get(0);
    }

    private static int itemIndex(SourceTree tree, SourceNode node, ModelPath.Item item, ModelPath path, String here)
            throws EditRefused {
        String what = item.id() == null ? "item " + item.index() : "an item with id '" + item.id() + "'";
        if (node.kind != SourceNode.Kind.SEQUENCE) {
            throw new EditRefused(path.text(), "expected a list with " + what + " at " + where(here) + ", found " + node.describe());
        }
        if (item.id() == null) {
            if (item.index() >= node.items.size()) {
                throw new EditRefused(path.text(), "expected a position from 0 to " + (node.items.size() - 1) + " at "
                        + where(here) + ", found " + item.index());
            }
            return item.index();
        }
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < node.items.size(); i++) {
            if (item.id().equals(idOf(node.items.get(i)))) {
                found.add(i);
            }
        }
        if (found.isEmpty()) {
            String ids = node.items.stream().map(Target::idOf).filter(java.util.Objects::nonNull).collect(Collectors.joining(", "));
            throw new EditRefused(path.text(), "expected " + what + " at " + where(here) + ", found "
                    + (ids.isEmpty() ? "none" : "only " + ids));
        }
        if (found.size() > 1) {
            throw new EditRefused(path.text(), "the id '" + item.id() + "' is used by " + found.size() + " items at " + where(here)
                    + " (lines " + lines(tree, found.stream().map(node.items::get).toList())
                    + "), so which one is meant is ambiguous; address it by position instead");
        }
        return found.get(0);
    }

    /** The id of a list item: its {@code id} key, or the text of a plain item. */
    static String idOf(SourceNode item) {
        if (item.isScalar()) {
            return item.value;
        }
        if (item.kind == SourceNode.Kind.MAPPING) {
            for (SourceNode.Entry e : item.entries) {
                if (e.key().isScalar() && "id".equals(e.key().value) && e.value().isScalar()) {
                    return e.value().value;
                }
            }
        }
        return null;
    }

    private static String lines(SourceTree tree, List<SourceNode> nodes) {
        return nodes.stream().map(n -> String.valueOf(tree.lines.lineOf(n.start) + 1)).collect(Collectors.joining(", "));
    }
}
