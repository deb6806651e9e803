package dev.baton.plan.roadmap;

import java.util.List;
import java.util.Map;

/**
 * A named change to the roadmap: people added (or, negative, removed) per function for every
 * quarter, initiatives' new values, initiatives dropped, deadlines moved.
 */
public record Scenario(String name, Map<String, Double> headcount, Map<String, Double> values, List<String> drop,
                       Map<String, Quarter> deadlines) {

    /** The roadmap with the changes made; the base's plan becomes the published one to compare with. */
    public Roadmap applyTo(Roadmap base) {
        CapacityTable cap = base.capacity();
        for (var e : headcount.entrySet()) {
            int f = cap.function(e.getKey());
            int[] delta = new int[base.quarters().size()];
            for (int q = 0; q < delta.length; q++) {
                delta[q] = (int) Math.round(e.getValue() * base.assumptions().personDays(null, base.quarters().get(q)));
            }
            cap = cap.plus(f, delta);
        }
        List<Initiative> list = base.initiatives().stream()
                .filter(i -> !drop.contains(i.id()))
                .map(i -> values.containsKey(i.id()) ? i.withValue(values.get(i.id())) : i)
                .map(i -> deadlines.containsKey(i.id()) ? i.withDeadline(new Deadline(deadlines.get(i.id()),
                        i.deadline() != null && i.deadline().hard())) : i)
                .map(i -> i.dependsOn().stream().anyMatch(drop::contains) ? new Initiative(i.id(), i.title(), i.theme(),
                        i.value(), i.effort(), i.dependsOn().stream().filter(d -> !drop.contains(d)).toList(),
                        i.earliest(), i.deadline(), i.committed()) : i)
                .toList();
        return base.withInitiatives(list).withCapacity(cap);
    }

    /** Why this scenario touches the initiative directly, or null. */
    String touches(String id) {
        if (values.containsKey(id)) {
            return "its value changed to " + Verdicts.number(values.get(id));
        }
        if (deadlines.containsKey(id)) {
            return "its deadline moved to " + deadlines.get(id);
        }
        return drop.contains(id) ? "dropped by the scenario" : null;
    }
}
