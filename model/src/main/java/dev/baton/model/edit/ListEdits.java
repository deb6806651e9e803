package dev.baton.model.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Edits of lists (a work type's stages, a template's fields): an item inserted, removed or moved
 * with its comment lines, as whole lines in a block list and as entries between the brackets of a
 * flow list. A new item is written like the items around it: "- { id: x }" among one-line items,
 * an indented block among block items.
 */
final class ListEdits {

    private final SourceTree tree;
    private final SourceLines lines;
    private final Extents extents;
    private final MappingEdits mappings;

    ListEdits(SourceTree tree, MappingEdits mappings) {
        this.tree = tree;
        this.lines = tree.lines;
        this.extents = tree.extents;
        this.mappings = mappings;
    }

    List<Splice> insert(Target target, int index, Object value) throws EditRefused {
        SourceNode list = target.node();
        String path = target.path().text();
        if (list.kind != SourceNode.Kind.SEQUENCE) {
            throw new EditRefused(path, "expected a list to insert into, found " + list.describe()
                    + (list.isEmpty() ? "; replace it with a list instead" : ""));
        }
        int n = list.items.size();
        if (index < 0 || index > n) {
            throw new EditRefused(path, "expected a position from 0 to " + n + " to insert at, found " + index);
        }
        if (list.flow) {
            String text = FreshYaml.flow(value, mappings.spaced(list));
            if (n == 0) {
                return List.of(Splice.insert(list.start + 1, text));
            }
            return List.of(index < n ? Splice.insert(list.items.get(index).start, text + ", ")
                    : Splice.insert(extents.contentEnd(list.items.get(n - 1)), ", " + text));
        }
        SourceNode sibling = list.items.get(Math.min(index, n - 1));
        int dash = lines.column(extents.dash(list.items.get(0)));
        List<String> item = sibling.flow && !FreshYaml.isScalar(value)
                ? List.of(" ".repeat(dash) + "- " + FreshYaml.flow(value, mappings.spaced(sibling)))
                : FreshYaml.item(value, dash, tree.steps());
        int at = index < n ? lines.start(extents.firstItemLine(list, index)) : lines.next(extents.lastLine(list.items.get(n - 1)));
        return List.of(mappings.insertLines(at, item));
    }

    /** An item removed; the last item of a list leaves an empty list, {@code []}. */
    List<Splice> remove(Target target, Target container) {
        SourceNode list = target.parent();
        int i = target.index();
        if (list.flow) {
            return List.of(removeFromFlow(extents, list, i));
        }
        if (list.items.size() == 1) {
            return mappings.replace(container, List.of());
        }
        int[] span = extents.itemLines(list, i);
        return List.of(new Splice(span[0], span[1], ""));
    }

    /** An entry or item of a flow collection removed with the comma that separates it from the next (or previous) one. */
    static Splice removeFromFlow(Extents extents, SourceNode collection, int i) {
        List<int[]> spans = flowSpans(extents, collection);
        int n = spans.size();
        if (n == 1) {
            return new Splice(collection.start, extents.contentEnd(collection),
                    collection.kind == SourceNode.Kind.MAPPING ? "{}" : "[]");
        }
        return i < n - 1 ? new Splice(spans.get(i)[0], spans.get(i + 1)[0], "")
                : new Splice(spans.get(i - 1)[1], spans.get(i)[1], "");
    }

    /** Where each entry ("key: value") or item of a flow collection is written. */
    private static List<int[]> flowSpans(Extents extents, SourceNode collection) {
        List<int[]> spans = new ArrayList<>();
        if (collection.kind == SourceNode.Kind.MAPPING) {
            collection.entries.forEach(e -> spans.add(new int[] {e.key().start, extents.contentEnd(e.value())}));
        } else {
            collection.items.forEach(item -> spans.add(new int[] {item.start, extents.contentEnd(item)}));
        }
        return spans;
    }

    List<Splice> move(Target target, int to) throws EditRefused {
        SourceNode list = target.parent();
        if (list == null || list.kind != SourceNode.Kind.SEQUENCE) {
            throw new EditRefused(target.path().text(), "expected a list item to move, found a key of a mapping");
        }
        int n = list.items.size();
        if (to < 0 || to >= n) {
            throw new EditRefused(target.path().text(), "expected a position from 0 to " + (n - 1) + " to move to, found " + to);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.remove(Integer.valueOf(target.index()));
        order.add(to, target.index());
        List<int[]> slots = list.flow ? flowSpans(extents, list) : new ArrayList<>();
        if (!list.flow) {
            for (int i = 0; i < n; i++) {
                slots.add(extents.itemLines(list, i));
            }
        }
        String text = lines.text();
        // The last line of a file may have no line break: items moved to or from it get or lose one.
        String eol = lines.lineBreak();
        boolean openEnd = !list.flow && slots.get(n - 1)[1] == text.length() && !text.endsWith("\n");
        List<Splice> splices = new ArrayList<>();
        for (int slot = 0; slot < n; slot++) {
            int from = order.get(slot);
            if (from == slot) {
                continue;
            }
            String moved = text.substring(slots.get(from)[0], slots.get(from)[1]);
            if (openEnd && from == n - 1) {
                moved += eol;
            }
            if (openEnd && slot == n - 1) {
                moved = moved.substring(0, moved.length() - eol.length());
            }
            splices.add(new Splice(slots.get(slot)[0], slots.get(slot)[1], moved));
        }
        return splices;
    }
}
