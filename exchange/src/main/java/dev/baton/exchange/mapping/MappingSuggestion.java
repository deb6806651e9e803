package dev.baton.exchange.mapping;

import dev.baton.exchange.source.ChangeKind;
import dev.baton.exchange.source.SourceChange;
import dev.baton.exchange.source.SourceSink;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A starter mapping written from an export's own values: every status, user, issue type,
 * project, label, field and priority it contains, with how often it occurs, each mapped to an id
 * made from its name. The user then edits the right-hand sides to their model's ids.
 */
public final class MappingSuggestion implements SourceSink {

    private final Map<String, Long> statuses = new LinkedHashMap<>();
    private final Map<String, Long> users = new TreeMap<>();
    private final Map<String, Long> types = new TreeMap<>();
    private final Map<String, Long> projects = new TreeMap<>();
    private final Map<String, Long> labels = new TreeMap<>();
    private final Map<String, Long> fields = new TreeMap<>();
    private final Map<String, Long> priorities = new LinkedHashMap<>();
    private final java.util.Set<String> itemsSeen = new java.util.HashSet<>();
    /** Statuses the export itself marks done (Jira's status category), by how many items end in them. */
    private final Map<String, Long> doneStatuses = new LinkedHashMap<>();

    @Override
    public void change(SourceChange c) {
        count(users, c.actor());
        if (itemsSeen.add(c.item().key())) {
            count(types, c.item().type());
            count(projects, c.item().project());
            c.item().labels().forEach(l -> count(labels, l));
            if (Boolean.TRUE.equals(c.item().statusDone())) {
                count(doneStatuses, c.item().status());
            }
        }
        switch (c.kind()) {
            case CREATED, STATUS -> {
                count(statuses, c.from());
                count(statuses, c.to());
            }
            case ASSIGNEE -> {
                count(users, c.from());
                count(users, c.to());
            }
            case LABEL -> count(labels, c.to());
            case FIELD -> count(fields, c.field());
            case PRIORITY -> count(priorities, c.to());
            default -> {
            }
        }
        if (c.kind() == ChangeKind.CREATED && c.from() != null) {
            count(statuses, c.from());
        }
    }

    private static void count(Map<String, Long> map, String value) {
        if (value != null && !value.isBlank()) {
            map.merge(value, 1L, Long::sum);
        }
    }

    /** The starter mapping as YAML, commented with counts and what to edit. */
    public String yaml(String file, String kind) {
        StringBuilder y = new StringBuilder();
        y.append("# Starter mapping for ").append(file).append(" (").append(kind).append("), written by baton import --suggest-mapping.\n");
        y.append("# Replace each right-hand side with an id of your operating model; see docs/mapping-reference.md.\n");
        y.append("source: ").append(kind).append('\n');
        section(y, "stages", "tool status or list → stage id", statuses, "");
        section(y, "people", "tool user → person id (or {person: id, function: id})", users, "");
        y.append("work-types:\n");
        y.append("  # default: campaign\n");
        section(y, "by-type", "issue type → work type id", types, "  ");
        section(y, "by-project", "project or board → work type id", projects, "  ");
        section(y, "by-label", "label → work type id (delete the labels that are not work types)", labels, "  ");
        y.append("fields:\n");
        section(y, "map", "tool field → template field id", fields, "  ");
        y.append("  ignore: []\n");
        y.append("urgent:\n");
        y.append("  # priorities in this file: ").append(priorities.isEmpty() ? "none"
                : String.join(", ", sortedByCount(priorities).stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList())).append('\n');
        y.append("  priorities: []\n");
        y.append("  labels: []\n");
        y.append("completion:\n");
        y.append("  on: both   # resolution | done-status | both: what completes an item\n");
        y.append("  done-statuses: [").append(String.join(", ", sortedByCount(doneStatuses).stream()
                .map(e -> quote(e.getKey())).toList())).append("]   # statuses that are done")
                .append(doneStatuses.isEmpty() ? ": none marked done in this file\n"
                        : " (marked done in this file; add the others)\n");
        return y.toString();
    }

    private static void section(StringBuilder y, String key, String comment, Map<String, Long> values, String indent) {
        if (values.isEmpty()) {
            y.append(indent).append(key).append(": {}   # ").append(comment).append(": none in this file\n");
            return;
        }
        y.append(indent).append(key).append(":   # ").append(comment).append('\n');
        for (Map.Entry<String, Long> e : values.entrySet()) {
            y.append(indent).append("  ").append(quote(e.getKey())).append(": ").append(slug(e.getKey()))
                    .append("   # ").append(e.getValue()).append('\n');
        }
    }

    private static List<Map.Entry<String, Long>> sortedByCount(Map<String, Long> map) {
        return map.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).toList();
    }

    /** A YAML key that stays the same string whatever it contains. */
    static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** An id from a name: "Dev Active" → dev-active, "Daniel Vacanti [Admin]" → daniel-vacanti-admin. */
    public static String slug(String value) {
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "x" + Integer.toHexString(value.hashCode()) : slug;
    }
}
