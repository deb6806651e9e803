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
 * @param status  the item's current status as the tool shows it, when the export says whether it
 *                is done; else null
 * @param statusDone whether the tool counts {@code status} as done (Jira's status category
 *                "Done"); null when the export does not say. Jira gives the category of the
 *                current status only, never of the statuses in the changelog.
 * @param effort  what the tool records of the work's size, recorded on the created event as it is
 *                (e.g. Jira's {@code original-estimate-hours}, {@code time-spent-hours},
 *                {@code story-points}); empty when it records none. Never converted here: a plan
 *                states its own conversion.
 */
public record SourceItem(String key, String type, String project, List<String> labels, String title, String status,
                         Boolean statusDone, java.util.Map<String, Object> effort) {

    public SourceItem {
        labels = labels == null ? List.of() : List.copyOf(labels);
        effort = effort == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(effort));
    }

    /** An item whose export records nothing of the work's size. */
    public SourceItem(String key, String type, String project, List<String> labels, String title, String status,
                      Boolean statusDone) {
        this(key, type, project, labels, title, status, statusDone, null);
    }

    /** An item of an export that says nothing about which statuses are done. */
    public SourceItem(String key, String type, String project, List<String> labels, String title) {
        this(key, type, project, labels, title, null, null, null);
    }

    /**
     * What the export says about a status of this item: done or not when it is the current status
     * and the export gives its category, else null.
     */
    public Boolean done(String toolStatus) {
        return statusDone != null && status != null && status.equalsIgnoreCase(toolStatus) ? statusDone : null;
    }
}
