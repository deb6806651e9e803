package dev.baton.app.roadmap;

import dev.baton.engine.item.WorkItem;
import dev.baton.model.BusinessFunction;
import dev.baton.model.OperatingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The effort a top-level work item carries itself, for when nobody entered one on the roadmap:
 * its template field {@code effort} ("content: 20, 10; design: 5", person-days per function, first
 * quarter first; or the same as a map), else the estimate its tool recorded (Jira's original
 * estimate less the time already spent, at {@link LoggedEffort#HOURS_PER_DAY} hours a person-day,
 * on its owner's function, in its first quarter). Never derived from elapsed time: a log's
 * timestamps say how long work waited, not how much work it was.
 */
record ItemEffort(Map<String, int[]> effort, String from) {

    static final String FIELD = "effort";

    /** The item's own effort, or a reason it has none that a planner can use ({@code effort} empty). */
    static ItemEffort of(WorkItem item, OperatingModel model) {
        Object field = item.fields().get(FIELD);
        if (field != null && !String.valueOf(field).isBlank()) {
            return fromField(field, model);
        }
        Object estimate = item.fields().get("original-estimate-hours");
        if (estimate instanceof Number hours) {
            double spent = item.fields().get("time-spent-hours") instanceof Number s ? s.doubleValue() : 0;
            double left = Math.max(0, hours.doubleValue() - spent);
            String function = LoggedEffort.function(model, item.owner());
            if (function == null) {
                return new ItemEffort(Map.of(), "its estimate has no function: its owner "
                        + (item.owner() == null ? "is not set" : "'" + item.owner() + "' is not a person of the model"));
            }
            int days = (int) Math.ceil(left / LoggedEffort.HOURS_PER_DAY);
            if (days == 0) {
                return new ItemEffort(Map.of(), "its estimate is used up (" + number(spent) + " h spent of "
                        + number(hours.doubleValue()) + " h)");
            }
            return new ItemEffort(Map.of(function, new int[] {days}), "its estimate: " + number(hours.doubleValue())
                    + " h" + (spent > 0 ? " less " + number(spent) + " h spent" : "") + ", at "
                    + number(LoggedEffort.HOURS_PER_DAY) + " h a person-day, on its owner's function " + function);
        }
        return new ItemEffort(Map.of(), null);
    }

    private static ItemEffort fromField(Object field, OperatingModel model) {
        Map<String, Object> parts = new LinkedHashMap<>();
        if (field instanceof Map<?, ?> map) {
            map.forEach((k, v) -> parts.put(String.valueOf(k), v));
        } else {
            for (String part : String.valueOf(field).split(";")) {
                int colon = part.indexOf(':');
                if (colon < 0) {
                    return refused("'" + part.strip() + "' is not function: days");
                }
                parts.put(part.substring(0, colon).strip(), part.substring(colon + 1));
            }
        }
        Set<String> functions = model.functions().stream().map(BusinessFunction::id).collect(Collectors.toSet());
        Map<String, int[]> effort = new LinkedHashMap<>();
        for (Map.Entry<String, Object> p : parts.entrySet()) {
            if (!functions.contains(p.getKey())) {
                return refused("'" + p.getKey() + "' is not a function of the model (" + String.join(", ", functions.stream().sorted().toList()) + ")");
            }
            List<Integer> days = new ArrayList<>();
            Iterable<?> values = p.getValue() instanceof Iterable<?> list ? list : List.of(String.valueOf(p.getValue()).split(","));
            for (Object v : values) {
                String text = String.valueOf(v).strip();
                if (!text.matches("\\d+")) {
                    return refused("expected whole person-days for " + p.getKey() + ", found '" + text + "'");
                }
                days.add(Integer.parseInt(text));
            }
            effort.put(p.getKey(), days.stream().mapToInt(Integer::intValue).toArray());
        }
        return new ItemEffort(effort, "its field '" + FIELD + "'");
    }

    private static ItemEffort refused(String why) {
        return new ItemEffort(Map.of(), "its field '" + FIELD + "' cannot be read: " + why);
    }

    private static String number(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
