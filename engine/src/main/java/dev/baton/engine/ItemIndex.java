package dev.baton.engine;

import dev.baton.engine.item.WorkItem;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current items grouped by work type, and the open items of each owner, moved on with every
 * item state the engine folds: a board reads only its own work type's items and the WIP of every
 * person without a pass over all items (100,000 of them in a large log).
 */
final class ItemIndex {

    private final Map<String, Map<String, WorkItem>> byWorkType = new ConcurrentHashMap<>();
    private final Map<String, Long> openByOwner = new ConcurrentHashMap<>();

    /**
     * An item's state moved from {@code before} (null: new) to {@code after}. Called while the
     * stream's entry is locked, so the moves of one item arrive here in order.
     */
    void moved(WorkItem before, WorkItem after) {
        byWorkType.computeIfAbsent(after.workType(), t -> new ConcurrentHashMap<>()).put(after.id().value(), after);
        String was = openOwner(before);
        String is = openOwner(after);
        if (was != null && !was.equals(is)) {
            openByOwner.merge(was, -1L, (a, b) -> a + b == 0 ? null : a + b);
        }
        if (is != null && !is.equals(was)) {
            openByOwner.merge(is, 1L, Long::sum);
        }
    }

    /** The current items of a work type, in no particular order. */
    Collection<WorkItem> ofWorkType(String workType) {
        Map<String, WorkItem> items = byWorkType.get(workType);
        return items == null ? List.of() : items.values();
    }

    /** Open (not completed) items per owner, all work types; people without open items are absent. */
    Map<String, Long> openByOwner() {
        return Map.copyOf(openByOwner);
    }

    /** Whose work in progress the item is: its owner while it is open, else nobody. */
    private static String openOwner(WorkItem item) {
        return item == null || item.completed() ? null : item.owner();
    }
}
