package dev.baton.plan.roadmap;

import java.util.List;
import java.util.Map;

/**
 * Everything the planner needs: the quarters, the initiatives in file order, the capacity, and
 * the published plan (initiative id → start quarter) that stability is measured against.
 */
public record Roadmap(List<Quarter> quarters, List<Initiative> initiatives, CapacityTable capacity,
                      Assumptions assumptions, Map<String, Quarter> published) {

    public Roadmap withInitiatives(List<Initiative> list) {
        return new Roadmap(quarters, list, capacity, assumptions, published);
    }

    public Roadmap withCapacity(CapacityTable table) {
        return new Roadmap(quarters, initiatives, table, assumptions, published);
    }

    public Roadmap withPublished(Map<String, Quarter> plan) {
        return new Roadmap(quarters, initiatives, capacity, assumptions, plan);
    }
}
