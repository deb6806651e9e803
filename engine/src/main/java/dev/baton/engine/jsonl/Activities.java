package dev.baton.engine.jsonl;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;

/**
 * The activity rule of the JSONL log (docs/event-log.md), in one place for every reader and
 * writer of it: a case's activities are the stages it enters. {@code ItemCreated} contributes its
 * {@code stage}, {@code StageEntered} its {@code to}; every other event contributes none.
 */
public final class Activities {

    private Activities() {
    }

    /**
     * Whether an event of this type can be an activity at all: a reader that needs only activities
     * can leave every other line undecoded ({@link #stage} of such an event is always null).
     */
    public static boolean mayBeActivity(Class<?> type) {
        return type == ItemCreated.class || type == StageEntered.class;
    }

    /** The stage the event puts its item in, or null when it is no activity of the flow. */
    public static String stage(BatonEvent event) {
        if (event instanceof ItemCreated created) {
            return created.stage();
        }
        if (event instanceof StageEntered entered) {
            return entered.to();
        }
        return null;
    }
}
