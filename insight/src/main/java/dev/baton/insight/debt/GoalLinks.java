package dev.baton.insight.debt;

import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.util.List;
import java.util.Map;

/**
 * When a work item counts as tied to a goal. An item is linked when it has a parent item (the
 * initiative or campaign it serves), or one of its template's metric fields names a declared
 * success metric. A top-level work type whose template has no metric field is linked through
 * the success metrics the model declares for it: its items cannot lose a link they never carry.
 */
public final class GoalLinks {

    private GoalLinks() {
    }

    /** The template fields of type metric of the work type (empty without a template). */
    public static List<String> metricFields(OperatingModel model, WorkType workType) {
        if (workType.template() == null) {
            return List.of();
        }
        return model.template(workType.template()).map(Template::fields).orElse(List.of()).stream()
                .filter(f -> f.type() == FieldType.METRIC && f.id() != null).map(Field::id).toList();
    }

    /** Whether items of the work type carry their link themselves (a parent or a metric field). */
    public static boolean carriedByItems(OperatingModel model, WorkType workType) {
        return workType.parent() != null || !metricFields(model, workType).isEmpty();
    }

    /** Whether an item with this parent and these field values is tied to a goal. */
    public static boolean linked(OperatingModel model, WorkType workType, String parent, Map<String, Object> fields) {
        boolean namesMetric = workType != null
                && metricFields(model, workType).stream().anyMatch(f -> namesMetric(model, fields.get(f)));
        return linked(model, workType, parent != null && !parent.isBlank(), namesMetric);
    }

    /**
     * The same verdict from what an item's summary keeps: whether it has a parent, and whether one
     * of its metric fields names a declared metric ({@link #namesMetric}).
     */
    public static boolean linked(OperatingModel model, WorkType workType, boolean hasParent, boolean namesMetric) {
        if (hasParent) {
            return true;
        }
        if (workType == null) {
            return false;
        }
        return namesMetric || (!carriedByItems(model, workType) && !workType.success().isEmpty());
    }

    /** Whether a metric field's value names a metric the model declares. */
    public static boolean namesMetric(OperatingModel model, Object value) {
        return value instanceof String metric && model.metric(metric).isPresent();
    }
}
