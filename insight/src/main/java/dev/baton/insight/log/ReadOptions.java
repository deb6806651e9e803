package dev.baton.insight.log;

import dev.baton.engine.jsonl.EventAttributes;

/**
 * How to read a log.
 *
 * @param lifecycle  keep only events with this lifecycle transition ({@code complete}), ignoring
 *                   case; null keeps every event, as pm4py's readers do (its default classifier
 *                   is the activity name alone)
 * @param objectType for OCEL 2.0: the object type whose objects become the cases; null picks the
 *                   type with the most events (for Baton's own exports: the work items and
 *                   intake requests, each event in the case of its own stream)
 * @param allKinds   keep events of every {@code baton:kind}; by default an event that says its
 *                   kind keeps only when it is a stage change, so that discovery and conformance
 *                   see the flow whatever format Baton's log was exported to (docs/event-log.md)
 */
public record ReadOptions(String lifecycle, String objectType, boolean allKinds) {

    public ReadOptions(String lifecycle, String objectType) {
        this(lifecycle, objectType, false);
    }

    public static ReadOptions defaults() {
        return new ReadOptions(null, null, false);
    }

    public ReadOptions withLifecycle(String lifecycle) {
        return new ReadOptions(lifecycle, objectType, allKinds);
    }

    public ReadOptions withObjectType(String objectType) {
        return new ReadOptions(lifecycle, objectType, allKinds);
    }

    /** Every event, approvals, handoffs and intake included: what the debt report reads. */
    public ReadOptions withAllKinds() {
        return new ReadOptions(lifecycle, objectType, true);
    }

    /** Whether an event with this lifecycle transition (null when it has none) is kept. */
    boolean keeps(String transition) {
        return lifecycle == null || transition == null || lifecycle.equalsIgnoreCase(transition);
    }

    /** Whether an event of this {@code baton:kind} (null when it says none) is kept. */
    boolean keepsKind(String kind) {
        return allKinds || kind == null || EventAttributes.STAGE.equals(kind);
    }
}
