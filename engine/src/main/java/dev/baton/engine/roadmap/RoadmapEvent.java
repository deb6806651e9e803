package dev.baton.engine.roadmap;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import java.util.Map;

/**
 * Decisions about the quarter roadmap (docs/roadmap.md): a plan was published by a person holding
 * the right to decide what the team starts. They live in their own stream ({@link #STREAM}), never
 * an item's, so no count of items, flow map or debt figure sees them; who published and when are
 * on the envelope.
 */
public sealed interface RoadmapEvent extends BatonEvent {

    /** The one stream of roadmap decisions, oldest first: the last publication is the published plan. */
    String STREAM = "roadmap";

    static boolean isRoadmap(RecordedEvent e) {
        return e.event() instanceof RoadmapEvent;
    }

    /**
     * A plan was published: the plan scenarios are compared with and re-planning keeps stable.
     *
     * @param quarters    the plan's quarters, first..last ({@code 2027-Q1..2027-Q4})
     * @param starts      initiative id → start quarter of every planned initiative
     * @param values      every initiative, planned or not, with its value when published
     * @param hash        SHA-256 of the plan's content (quarters, starts, values), as the publisher saw it
     * @param right       the right the publisher held, in words ("approver of Prioritization of Marketing initiative")
     */
    record RoadmapPublished(String quarters, Map<String, String> starts, Map<String, Double> values, double plannedValue,
                            String hash, String right) implements RoadmapEvent {
        public RoadmapPublished {
            starts = starts == null ? Map.of() : Map.copyOf(starts);
            values = values == null ? Map.of() : Map.copyOf(values);
        }
    }
}
