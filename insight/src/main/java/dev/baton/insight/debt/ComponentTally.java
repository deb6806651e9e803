package dev.baton.insight.debt;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one component has gathered: the overall tally, the tally per group of each
 * {@link Dimension}, named counters the report shows as details, and the evidence. Merging is
 * associative and commutative.
 */
public final class ComponentTally {

    private final Tally overall = new Tally();
    private final Map<Dimension, Map<String, Tally>> groups = new EnumMap<>(Dimension.class);
    private final Map<String, Double> counters = new TreeMap<>();
    private final EvidenceList evidence = new EvidenceList();

    void observe(Attribution where, double bad, double total, double hours) {
        overall.add(bad, total, hours);
        if (where == null) {
            return;
        }
        for (Dimension d : Dimension.values()) {
            String key = where.key(d);
            if (key != null) {
                groups.computeIfAbsent(d, x -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new Tally())
                        .add(bad, total, hours);
            }
        }
    }

    void count(String counter, double amount) {
        counters.merge(counter, amount, Double::sum);
    }

    void evidence(Evidence e) {
        evidence.add(e);
    }

    void merge(ComponentTally other) {
        overall.merge(other.overall);
        other.groups.forEach((d, byKey) -> byKey.forEach((key, t) ->
                groups.computeIfAbsent(d, x -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new Tally()).merge(t)));
        other.counters.forEach((k, v) -> counters.merge(k, v, Double::sum));
        evidence.merge(other.evidence);
    }

    public Tally overall() {
        return overall;
    }

    public Map<String, Tally> groups(Dimension d) {
        return groups.getOrDefault(d, Map.of());
    }

    public double counter(String name) {
        return counters.getOrDefault(name, 0.0);
    }

    public Map<String, Double> counters() {
        return counters;
    }

    public EvidenceList evidence() {
        return evidence;
    }
}
