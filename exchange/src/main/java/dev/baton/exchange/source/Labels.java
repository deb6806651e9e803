package dev.baton.exchange.source;

import java.util.ArrayList;
import java.util.List;

/**
 * The labels an item started with, worked out from the labels it has now: tools list the current
 * labels and the changes that led there, but not the first set.
 */
public final class Labels {

    /** One label added or removed, as a tool's history records it. */
    public record Change(boolean added, String label) {
    }

    private Labels() {
    }

    /** Undoes the changes (oldest first) from the current labels, newest change first. */
    public static List<String> atStart(List<String> now, List<Change> changes) {
        List<String> labels = new ArrayList<>(now);
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (c.label() == null) {
                continue;
            }
            if (c.added()) {
                labels.remove(c.label());
            } else if (!labels.contains(c.label())) {
                labels.add(c.label());
            }
        }
        return List.copyOf(labels);
    }
}
