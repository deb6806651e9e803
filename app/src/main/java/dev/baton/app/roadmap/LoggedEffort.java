package dev.baton.app.roadmap;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.model.OperatingModel;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.model.Person;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completed work of an event log with the effort its tool recorded (Jira's time spent, original
 * estimate, story points on the created event), as completed initiatives that effort suggestions
 * are the median of: the theme is the item's work type, the function its last owner's in the
 * model. Person-days: time spent, else the original estimate, at {@link #HOURS_PER_DAY} hours a
 * person-day; else story points at the stated points per day (none given: points are not used).
 * An item without any of these, not completed, or whose owner is not a person of the model is left
 * out: its effort cannot be put on a function.
 */
public final class LoggedEffort {

    /** Hours of one person-day. */
    public static final double HOURS_PER_DAY = 8;

    private LoggedEffort() {
    }

    private static final class Item {
        String workType;
        String title;
        Map<String, Object> fields = Map.of();
        String owner;
        boolean completed;
    }

    /** {@code pointsPerDay} ≤ 0: story points are not converted. */
    public static List<Initiative> completed(Iterable<RecordedEvent> events, OperatingModel model, double pointsPerDay) {
        Map<String, Item> items = new LinkedHashMap<>();
        for (RecordedEvent e : events) {
            Item it = items.computeIfAbsent(e.stream(), s -> new Item());
            if (e.event() instanceof ItemCreated c) {
                it.workType = e.workType();
                it.title = c.title();
                it.fields = c.fields() == null ? Map.of() : c.fields();
            } else if (e.event() instanceof OwnerAssigned o) {
                it.owner = o.owner();
            } else if (e.event() instanceof ItemCompleted) {
                it.completed = true;
            }
        }
        List<Initiative> out = new ArrayList<>();
        items.forEach((id, it) -> {
            Double days = personDays(it.fields, pointsPerDay);
            String function = function(model, it.owner);
            if (it.completed && it.workType != null && days != null && function != null && Math.round(days) > 0) {
                out.add(new Initiative(id, it.title == null ? id : it.title, it.workType, 0,
                        Map.of(function, new int[] {(int) Math.round(days)}), List.of(), null, null, null));
            }
        });
        return out;
    }

    static Double personDays(Map<String, Object> fields, double pointsPerDay) {
        if (fields.get("time-spent-hours") instanceof Number n) {
            return n.doubleValue() / HOURS_PER_DAY;
        }
        if (fields.get("original-estimate-hours") instanceof Number n) {
            return n.doubleValue() / HOURS_PER_DAY;
        }
        if (pointsPerDay > 0 && fields.get("story-points") instanceof Number n) {
            return n.doubleValue() / pointsPerDay;
        }
        return null;
    }

    static String function(OperatingModel model, String owner) {
        if (owner == null) {
            return null;
        }
        return model.people().stream().filter(p -> owner.equals(p.id()) || owner.equalsIgnoreCase(p.name()))
                .map(Person::function).findFirst().orElse(null);
    }
}
