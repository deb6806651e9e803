package dev.baton.plan.roadmap;

import java.util.List;
import java.util.Map;

/**
 * Everything the planner needs: the quarters, the initiatives in file order, the capacity, and
 * the published plan (initiative id → start quarter) that stability is measured against, and
 * completed work with the effort it took (what effort suggestions are the median of).
 */
public record Roadmap(List<Quarter> quarters, List<Initiative> initiatives, CapacityTable capacity,
                      Assumptions assumptions, Map<String, Quarter> published, List<Initiative> completed) {

    public Roadmap {
        completed = completed == null ? List.of() : List.copyOf(completed);
    }

    /** A roadmap without completed work. */
    public Roadmap(List<Quarter> quarters, List<Initiative> initiatives, CapacityTable capacity,
                   Assumptions assumptions, Map<String, Quarter> published) {
        this(quarters, initiatives, capacity, assumptions, published, List.of());
    }

    public Roadmap withInitiatives(List<Initiative> list) {
        return new Roadmap(quarters, list, capacity, assumptions, published, completed);
    }

    public Roadmap withCapacity(CapacityTable table) {
        return new Roadmap(quarters, initiatives, table, assumptions, published, completed);
    }

    public Roadmap withCompleted(List<Initiative> list) {
        return new Roadmap(quarters, initiatives, capacity, assumptions, published, list);
    }

    public Roadmap withPublished(Map<String, Quarter> plan) {
        return new Roadmap(quarters, initiatives, capacity, assumptions, plan, completed);
    }
}
