package dev.baton.exchange.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When an imported item counts as completed (the mapping's {@code completion} section). Tools say
 * it two ways, and teams use one, the other or both: the tool's own completion (a Jira resolution,
 * a Trello card closed, a GitLab or GitHub issue closed, an Asana task completed) and a status
 * that is done (Jira's status category "Done", a final stage of the model, a status the mapping
 * lists). Jira workflows without a resolution screen leave issues in Done with no resolution, so
 * by default either one completes the item.
 *
 * @param on           which signal completes (and, undone, reopens) an item
 * @param doneStatuses tool statuses (or the stage ids they map to) that are done, as the mapping
 *                     lists them (matched exactly, then ignoring case); empty when it lists none
 */
public record Completion(On on, List<String> doneStatuses) {

    public static final Completion DEFAULT = new Completion(On.BOTH, List.of());

    public Completion {
        doneStatuses = List.copyOf(doneStatuses);
    }

    /** What completes an item: the tool's resolution, a done status, or the first of the two. */
    public enum On {
        RESOLUTION("resolution"), DONE_STATUS("done-status"), BOTH("both");

        private final String id;

        On(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static List<String> ids() {
            return java.util.Arrays.stream(values()).map(On::id).toList();
        }

        public static Optional<On> byId(String id) {
            return java.util.Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
        }
    }

    /** Whether a resolution (a close, a completion in the tool) completes and clearing it reopens. */
    public boolean byResolution() {
        return on != On.DONE_STATUS;
    }

    /** Whether entering a done status completes and leaving it reopens. */
    public boolean byStatus() {
        return on != On.RESOLUTION;
    }

    /** Whether the mapping says anything about which statuses are done. */
    public boolean listsDoneStatuses() {
        return !doneStatuses.isEmpty();
    }

    /** Whether the tool status, or the stage it maps to, is listed as done. */
    public boolean lists(String toolStatus, String stage) {
        return listed(toolStatus) || listed(stage);
    }

    private boolean listed(String value) {
        if (value == null) {
            return false;
        }
        for (String done : doneStatuses) {
            if (done.equals(value) || done.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
