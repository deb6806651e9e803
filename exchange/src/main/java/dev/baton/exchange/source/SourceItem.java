package dev.baton.exchange.source;

import java.util.List;

/**
 * What the source says about the item a change belongs to, as the tool names it: used to choose
 * the work type and, for a creation, the title.
 *
 * @param key     the id people use for it (Jira key, card id, issue number); the stream of its events
 * @param type    issue type, resource type or null
 * @param project project, board or repository; may be null
 * @param labels  labels or tags at import time (may be empty)
 * @param title   summary, name or null
 */
public record SourceItem(String key, String type, String project, List<String> labels, String title) {

    public SourceItem {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
