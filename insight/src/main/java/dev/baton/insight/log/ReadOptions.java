package dev.baton.insight.log;

/**
 * How to read a log.
 *
 * @param lifecycle  keep only events with this lifecycle transition ({@code complete}), ignoring
 *                   case; null keeps every event, as pm4py's readers do (its default classifier
 *                   is the activity name alone)
 * @param objectType for OCEL 2.0: the object type whose objects become the cases; null picks the
 *                   type with the most events
 */
public record ReadOptions(String lifecycle, String objectType) {

    public static ReadOptions defaults() {
        return new ReadOptions(null, null);
    }

    public ReadOptions withLifecycle(String lifecycle) {
        return new ReadOptions(lifecycle, objectType);
    }

    public ReadOptions withObjectType(String objectType) {
        return new ReadOptions(lifecycle, objectType);
    }

    /** Whether an event with this lifecycle transition (null when it has none) is kept. */
    boolean keeps(String transition) {
        return lifecycle == null || transition == null || lifecycle.equalsIgnoreCase(transition);
    }
}
