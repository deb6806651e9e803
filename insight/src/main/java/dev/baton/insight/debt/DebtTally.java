package dev.baton.insight.debt;

import dev.baton.model.DebtSettings;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-case summaries of a log (or of part of one) summed up: every component's tally, the
 * people's day grid behind work in progress and context switches, and the counts the readiness
 * checks read. {@link #merge} is associative and commutative, so a log split into parts — by
 * file, by partition, by Spark task — gives the same report as the whole (ARCHITECTURE.md).
 */
public final class DebtTally implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, ComponentTally> components = new LinkedHashMap<>();
    /** person → epoch day → {items owned in progress, items acted on}. */
    private final Map<String, Map<Long, int[]>> personDays = new TreeMap<>();
    /** work type → counters for the readiness checks (see {@link Readiness}). */
    private final Map<String, long[]> readiness = new TreeMap<>();
    /** source → the signals its events showed it records. */
    private final Map<String, EnumSet<Signal>> signals = new TreeMap<>();
    /** source → items. */
    private final Map<String, Long> itemsBySource = new TreeMap<>();
    /** model version → the first event measured against it (epoch ms). */
    private final Map<Integer, Long> versions = new TreeMap<>();
    /**
     * source → work type and version → the aligned cases of flow conformance per breakdown group,
     * whose denominators still lack the moves of the shortest run through the net, known only
     * from the whole log's alignments ({@link #settle}).
     */
    private final Map<String, Map<FlowLogs.Key, ComponentTally.Counts>> unsettled = new TreeMap<>();
    private long items;
    private long events;
    private long requests;
    private long firstMillis = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;

    /** Indexes into the readiness counters of a work type. */
    static final class Readiness {
        static final int ITEMS = 0;
        static final int CREATED = 1;
        static final int INPUTS_COMPLETE = 2;
        static final int PRIORITISED = 3;
        static final int VIA_INTAKE = 4;
        static final int COMPLETED = 5;
        static final int SIZE = 6;

        private Readiness() {
        }
    }

    public DebtTally() {
        for (String id : DebtSettings.COMPONENTS) {
            components.put(id, new ComponentTally());
        }
    }

    public ComponentTally component(String id) {
        return components.get(id);
    }

    void event(long millis) {
        events++;
        firstMillis = Math.min(firstMillis, millis);
        lastMillis = Math.max(lastMillis, millis);
    }

    /** An event measured against a model version. */
    void version(int version, long millis) {
        versions.merge(version, millis, Math::min);
    }

    /** Each model version items were measured against, with its first event (epoch ms). */
    Map<Integer, Long> versions() {
        return versions;
    }

    void request() {
        requests++;
    }

    void item(String workType, String source) {
        items++;
        itemsBySource.merge(source, 1L, Long::sum);
        readiness(workType)[Readiness.ITEMS]++;
    }

    /** Records that {@code source} records these signals. */
    void shows(String source, java.util.Set<Signal> shown) {
        if (!shown.isEmpty()) {
            signals.computeIfAbsent(source, k -> EnumSet.noneOf(Signal.class)).addAll(shown);
        }
    }

    /**
     * The signals a source records: every one for Baton's own engine (an absence there is a real
     * absence: nobody assigned an owner), otherwise those its events showed (none for a source
     * never seen).
     */
    public java.util.Set<Signal> signals(String source) {
        if (Sources.BATON.equals(source)) {
            return EnumSet.allOf(Signal.class);
        }
        EnumSet<Signal> shown = signals.get(source);
        return shown == null ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(shown);
    }

    /** Items per source, in source order. */
    public Map<String, Long> itemsBySource() {
        return java.util.Collections.unmodifiableMap(itemsBySource);
    }

    long[] readiness(String workType) {
        return readiness.computeIfAbsent(workType == null ? "" : workType, k -> new long[Readiness.SIZE]);
    }

    void ownedOn(String person, long epochDay) {
        personDays.computeIfAbsent(person, p -> new HashMap<>()).computeIfAbsent(epochDay, d -> new int[2])[0]++;
    }

    void touchedOn(String person, long epochDay) {
        personDays.computeIfAbsent(person, p -> new HashMap<>()).computeIfAbsent(epochDay, d -> new int[2])[1]++;
    }

    /** An aligned case whose flow-conformance denominator lacks its net's shortest run, observed {@code where}. */
    void unsettled(String source, FlowLogs.Key key, Attribution where) {
        unsettled.computeIfAbsent(source, s -> new java.util.HashMap<>())
                .computeIfAbsent(key, k -> new ComponentTally.Counts()).add(where);
    }

    /**
     * Completes the flow-conformance denominators of the aligned cases with the moves of the
     * shortest run through their net, once the whole log's alignments give them. Counts are
     * whole numbers, so adding them late gives the sums adding them case by case gives.
     */
    void settle(Map<FlowLogs.Key, Long> emptyMoves) {
        ComponentTally conformance = components.get("flow-conformance");
        unsettled.forEach((source, byKey) -> byKey.forEach((key, counts) ->
                conformance.part(source).addToTotals(counts, emptyMoves.getOrDefault(key, 0L))));
        unsettled.clear();
    }

    /** Adds another tally into this one. */
    public DebtTally merge(DebtTally other) {
        other.components.forEach((id, c) -> components.get(id).merge(c));
        other.personDays.forEach((person, days) -> {
            Map<Long, int[]> mine = personDays.computeIfAbsent(person, p -> new HashMap<>());
            days.forEach((day, counts) -> {
                int[] m = mine.computeIfAbsent(day, d -> new int[2]);
                m[0] += counts[0];
                m[1] += counts[1];
            });
        });
        other.readiness.forEach((w, counts) -> {
            long[] mine = readiness(w);
            for (int i = 0; i < mine.length; i++) {
                mine[i] += counts[i];
            }
        });
        other.signals.forEach((source, shown) -> shows(source, shown));
        other.itemsBySource.forEach((source, n) -> itemsBySource.merge(source, n, Long::sum));
        other.versions.forEach((version, first) -> versions.merge(version, first, Math::min));
        other.unsettled.forEach((source, byKey) -> byKey.forEach((key, counts) ->
                unsettled.computeIfAbsent(source, s -> new java.util.HashMap<>())
                        .computeIfAbsent(key, k -> new ComponentTally.Counts()).merge(counts)));
        items += other.items;
        events += other.events;
        requests += other.requests;
        firstMillis = Math.min(firstMillis, other.firstMillis);
        lastMillis = Math.max(lastMillis, other.lastMillis);
        return this;
    }

    public long items() {
        return items;
    }

    public long events() {
        return events;
    }

    public long requests() {
        return requests;
    }

    /** Epoch milliseconds of the first event, or Long.MAX_VALUE when there was none. */
    public long firstMillis() {
        return firstMillis;
    }

    public long lastMillis() {
        return lastMillis;
    }

    Map<String, Map<Long, int[]>> personDays() {
        return personDays;
    }

    Map<String, long[]> readiness() {
        return readiness;
    }
}
