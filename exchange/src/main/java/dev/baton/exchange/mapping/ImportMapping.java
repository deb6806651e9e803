package dev.baton.exchange.mapping;

import dev.baton.exchange.source.SourceItem;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How one tool's words become the operating model's: statuses and lists → stages, users →
 * people (and their function), issue types, projects and labels → work types, custom fields →
 * template fields, priorities and labels → urgent. Tool values are matched exactly first, then
 * ignoring case. An empty mapping keeps every value as the tool writes it.
 *
 * @param statusLabels label prefixes (e.g. {@code workflow::}) whose labels are statuses, as
 *                     GitLab and Trello boards often use them
 * @param columns      the columns of a generic CSV event table (kind {@code csv})
 * @param completion   what completes an item: the resolution, a done status or both (the default)
 */
public record ImportMapping(Map<String, String> stages, List<String> statusLabels, Map<String, PersonRef> people,
                            WorkTypeRules workTypes, Map<String, String> fields, Set<String> ignoredFields,
                            Set<String> urgentPriorities, Set<String> urgentLabels, TableColumns columns,
                            Completion completion) {

    public ImportMapping {
        completion = completion == null ? Completion.DEFAULT : completion;
    }

    /** A person of the model and, optionally, the function they work for. */
    public record PersonRef(String person, String function) {
    }

    /** Work type by issue type first, then label, then project, then the default. */
    public record WorkTypeRules(String defaultType, Map<String, String> byType, Map<String, String> byProject,
                                Map<String, String> byLabel) {

        public static final WorkTypeRules NONE = new WorkTypeRules(null, Map.of(), Map.of(), Map.of());

        public boolean isEmpty() {
            return defaultType == null && byType.isEmpty() && byProject.isEmpty() && byLabel.isEmpty();
        }
    }

    /** Which column of a generic event table holds what; null for absent ones. */
    public record TableColumns(String item, String activity, String time, String actor, String type, String project,
                               String title, String id, List<String> attributes) {
    }

    public static final ImportMapping NONE = new ImportMapping(Map.of(), List.of(), Map.of(), WorkTypeRules.NONE,
            Map.of(), Set.of(), Set.of(), Set.of(), null, Completion.DEFAULT);

    public boolean mapsStages() {
        return !stages.isEmpty();
    }

    public boolean mapsPeople() {
        return !people.isEmpty();
    }

    public boolean mapsFields() {
        return !fields.isEmpty();
    }

    /** The stage for a tool status, if the mapping names one. */
    public Optional<String> stage(String status) {
        return lookup(stages, status);
    }

    public Optional<PersonRef> person(String user) {
        return lookup(people, user);
    }

    public Optional<String> field(String toolField) {
        return lookup(fields, toolField);
    }

    public boolean ignores(String toolField) {
        return toolField != null && (ignoredFields.contains(toolField)
                || ignoredFields.contains(toolField.toLowerCase(Locale.ROOT)));
    }

    public boolean urgentPriority(String priority) {
        return priority != null && contains(urgentPriorities, priority);
    }

    public boolean urgentLabel(String label) {
        return label != null && contains(urgentLabels, label);
    }

    /** Whether a label carries a status (its prefix is one of {@link #statusLabels}, or it is a mapped status). */
    public boolean isStatusLabel(String label) {
        if (label == null) {
            return false;
        }
        for (String prefix : statusLabels) {
            if (label.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The work type of an item: by type, then label, then project, then the default (empty: unmapped). */
    public Optional<String> workType(SourceItem item) {
        Optional<String> byType = lookup(workTypes.byType(), item.type());
        if (byType.isPresent()) {
            return byType;
        }
        for (String label : item.labels()) {
            Optional<String> byLabel = lookup(workTypes.byLabel(), label);
            if (byLabel.isPresent()) {
                return byLabel;
            }
        }
        Optional<String> byProject = lookup(workTypes.byProject(), item.project());
        return byProject.isPresent() ? byProject : Optional.ofNullable(workTypes.defaultType());
    }

    private static <T> Optional<T> lookup(Map<String, T> map, String key) {
        if (key == null || map.isEmpty()) {
            return Optional.empty();
        }
        T exact = map.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        return Optional.ofNullable(map.get(key.toLowerCase(Locale.ROOT)));
    }

    private static boolean contains(Set<String> set, String value) {
        return set.contains(value) || set.contains(value.toLowerCase(Locale.ROOT));
    }
}
