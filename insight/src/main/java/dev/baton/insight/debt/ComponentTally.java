package dev.baton.insight.debt;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one component has gathered, kept apart per {@linkplain Sources source} of the items
 * (Baton's own engine, a Jira import, a Trello import…): the overall tally, the tally per group of
 * each {@link Dimension}, named counters the report shows as details, and the evidence. The report
 * reads the component only over the sources that can carry what it needs ({@link #over}), so that
 * a tool that cannot record approvals is never charged for approvals it did not record. Merging
 * is associative and commutative.
 */
public final class ComponentTally implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Part> parts = new TreeMap<>();

    /** What the items of one source showed of this component. */
    static final class Part implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Tally overall = new Tally();
        private final Map<Dimension, Map<String, Tally>> groups = new EnumMap<>(Dimension.class);
        private final Map<String, Double> counters = new TreeMap<>();
        /** Counters of one group ("stage|campaign/review -> build" → "bounced" → 7), for sentences about that group. */
        private final Map<String, Map<String, Double>> groupCounters = new TreeMap<>();
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

        /** Adds {@code perObservation} to the total of each observation counted, overall and per group. */
        void addToTotals(Counts counts, long perObservation) {
            overall.total += (double) counts.overall * perObservation;
            counts.groups.forEach((d, byKey) -> byKey.forEach((key, n) ->
                    groups.get(d).get(key).total += (double) n * perObservation));
        }

        void count(String counter, double amount) {
            counters.merge(counter, amount, Double::sum);
        }

        /** Counts both overall and for one group of a dimension (none when the key is null). */
        void count(Dimension d, String key, String counter, double amount) {
            count(counter, amount);
            if (key != null) {
                groupCounters.computeIfAbsent(d.id() + "|" + key, k -> new TreeMap<>()).merge(counter, amount, Double::sum);
            }
        }

        void evidence(Evidence e) {
            evidence.add(e);
        }

        void merge(Part other) {
            overall.merge(other.overall);
            other.groups.forEach((d, byKey) -> byKey.forEach((key, t) ->
                    groups.computeIfAbsent(d, x -> new LinkedHashMap<>()).computeIfAbsent(key, k -> new Tally()).merge(t)));
            other.counters.forEach((k, v) -> counters.merge(k, v, Double::sum));
            other.groupCounters.forEach((g, byName) -> byName.forEach((k, v) ->
                    groupCounters.computeIfAbsent(g, x -> new TreeMap<>()).merge(k, v, Double::sum)));
            evidence.merge(other.evidence);
        }
    }

    /** How many observations there were, overall and per group of each dimension. */
    static final class Counts implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private long overall;
        private final Map<Dimension, Map<String, Long>> groups = new EnumMap<>(Dimension.class);

        void add(Attribution where) {
            overall++;
            if (where == null) {
                return;
            }
            for (Dimension d : Dimension.values()) {
                String key = where.key(d);
                if (key != null) {
                    groups.computeIfAbsent(d, x -> new java.util.HashMap<>()).merge(key, 1L, Long::sum);
                }
            }
        }

        void merge(Counts other) {
            overall += other.overall;
            other.groups.forEach((d, byKey) -> byKey.forEach((key, n) ->
                    groups.computeIfAbsent(d, x -> new java.util.HashMap<>()).merge(key, n, Long::sum)));
        }
    }

    /** The part of one source, where its items' observations go. */
    Part part(String source) {
        return parts.computeIfAbsent(source, s -> new Part());
    }

    /** This component over the given sources only, as one merged tally. */
    ComponentTally over(Collection<String> sources) {
        ComponentTally merged = new ComponentTally();
        Part into = merged.part(Sources.ALL);
        parts.forEach((source, part) -> {
            if (sources.contains(source)) {
                into.merge(part);
            }
        });
        return merged;
    }

    /** The sources that observed anything. */
    java.util.Set<String> sources() {
        return parts.keySet();
    }

    void merge(ComponentTally other) {
        other.parts.forEach((source, part) -> part(source).merge(part));
    }

    private Part whole() {
        if (parts.size() == 1) {
            return parts.values().iterator().next();
        }
        Part whole = new Part();
        parts.values().forEach(whole::merge);
        return whole;
    }

    public Tally overall() {
        return whole().overall;
    }

    public Map<String, Tally> groups(Dimension d) {
        return whole().groups.getOrDefault(d, Map.of());
    }

    public double counter(String name) {
        return whole().counters.getOrDefault(name, 0.0);
    }

    /** A counter of one group of a dimension, 0 when it was never counted there. */
    public double counter(Dimension d, String key, String name) {
        Map<String, Double> byName = whole().groupCounters.get(d.id() + "|" + key);
        return byName == null ? 0 : byName.getOrDefault(name, 0.0);
    }

    public Map<String, Double> counters() {
        return whole().counters;
    }

    public EvidenceList evidence() {
        return whole().evidence;
    }
}
