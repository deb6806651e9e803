package dev.baton.engine.jsonl;

import dev.baton.engine.assist.AssistEvent;
import dev.baton.engine.batch.BatchEvent;
import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.item.WorkItemEvent;
import dev.baton.engine.learning.LearningEvent;
import dev.baton.engine.meeting.MeetingEvent;
import dev.baton.engine.roadmap.RoadmapEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The event types a log may hold, by their stored name. Read off the sealed families, so a new
 * record in {@link WorkItemEvent}, {@link IntakeEvent}, {@link BatchEvent}, {@link MeetingEvent}, {@link LearningEvent}, {@link AssistEvent} or {@link RoadmapEvent}
 * is known here without a second list.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends BatonEvent>> BY_NAME = byName();

    private EventTypes() {
    }

    /** The record class of a stored type name, or null when no such type exists. */
    public static Class<? extends BatonEvent> byName(String type) {
        return BY_NAME.get(type);
    }

    public static Set<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends BatonEvent>> byName() {
        Map<String, Class<? extends BatonEvent>> types = new LinkedHashMap<>();
        for (Class<?> family : new Class<?>[] {WorkItemEvent.class, IntakeEvent.class, BatchEvent.class,
                MeetingEvent.class, LearningEvent.class, AssistEvent.class, RoadmapEvent.class}) {
            // The order javac lists permitted subclasses in depends on the order it compiled the
            // files that use them; by name, the list (and every message naming it) stays the same.
            Class<?>[] permitted = family.getPermittedSubclasses();
            java.util.Arrays.sort(permitted, java.util.Comparator.comparing(Class::getSimpleName));
            for (Class<?> type : permitted) {
                types.put(type.getSimpleName(), (Class<? extends BatonEvent>) type);
            }
        }
        return types;
    }
}
