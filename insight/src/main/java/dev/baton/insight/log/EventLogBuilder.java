package dev.baton.insight.log;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects events in the order a reader meets them, cases interleaved or not, and lays them out
 * case by case in {@link #build}. Readers add one event with {@link #event} and then its
 * attributes with {@link #attribute}; case attributes go with {@link #caseAttribute}.
 */
public final class EventLogBuilder {

    private final String name;
    private final Map<String, Integer> caseIndex = new HashMap<>();
    private String[] caseIds = new String[64];
    private int cases;
    private int[] caseOf = new int[1024];
    private int[] activities = new int[1024];
    private long[] times = new long[1024];
    private int[] resources = new int[1024];
    private int events;
    private final Dictionary activityNames = new Dictionary();
    private final Dictionary resourceNames = new Dictionary();
    private final Dictionary values = new Dictionary();
    private final Map<String, int[]> eventAttributes = new LinkedHashMap<>();
    private final Map<String, int[]> caseAttributes = new LinkedHashMap<>();

    EventLogBuilder(String name) {
        this.name = name;
    }

    /** The index of the case with this id, adding it when new: for logs whose cases interleave. */
    public int caseIndex(String id) {
        Integer c = caseIndex.get(id);
        if (c == null) {
            c = newCase(id);
            caseIndex.put(id, c);
        }
        return c;
    }

    /** A new case even when the id was seen before: XES traces are cases by position, not by name. */
    public int newCase(String id) {
        if (cases == caseIds.length) {
            caseIds = Arrays.copyOf(caseIds, cases * 2);
        }
        caseIds[cases] = id;
        return cases++;
    }

    /** Renames a case made with {@link #newCase} (an XES trace names itself after its first events). */
    public void renameCase(int c, String id) {
        caseIds[c] = id;
    }

    public int caseCount() {
        return cases;
    }

    public int eventCount() {
        return events;
    }

    /**
     * Adds an event to case {@code c}.
     *
     * @param time     epoch milliseconds or {@link EventLog#NO_TIME}
     * @param resource null when unknown
     */
    public void event(int c, String activity, long time, String resource) {
        if (events == activities.length) {
            int size = events + (events >> 1);
            caseOf = Arrays.copyOf(caseOf, size);
            activities = Arrays.copyOf(activities, size);
            times = Arrays.copyOf(times, size);
            resources = Arrays.copyOf(resources, size);
            eventAttributes.replaceAll((k, column) -> grow(column, size));
        }
        caseOf[events] = c;
        activities[events] = activityNames.encode(activity);
        times[events] = time;
        resources[events] = resource == null ? EventLog.NONE : resourceNames.encode(resource);
        events++;
    }

    /** Sets an attribute of the event added last; a null value is skipped. */
    public void attribute(String key, String value) {
        if (value == null || events == 0) {
            return;
        }
        int[] column = eventAttributes.computeIfAbsent(key, k -> grow(new int[0], activities.length));
        column[events - 1] = values.encode(value);
    }

    public void caseAttribute(int c, String key, String value) {
        if (value == null) {
            return;
        }
        int[] column = caseAttributes.get(key);
        if (column == null || column.length <= c) {
            column = grow(column == null ? new int[0] : column, Math.max(caseIds.length, c + 1));
            caseAttributes.put(key, column);
        }
        column[c] = values.encode(value);
    }

    private static int[] grow(int[] column, int size) {
        int old = column.length;
        int[] grown = Arrays.copyOf(column, size);
        Arrays.fill(grown, old, size, EventLog.NONE);
        return grown;
    }

    /**
     * The log, events grouped by case in case order, keeping the order of arrival within a case;
     * with {@code sortByTime} each case is then sorted by timestamp (stable, so events at the same
     * instant keep their order, and events without a time keep theirs before timed ones).
     */
    public EventLog build(boolean sortByTime) {
        dropEmptyCases();
        int[] caseStarts = new int[cases + 1];
        for (int e = 0; e < events; e++) {
            caseStarts[caseOf[e] + 1]++;
        }
        for (int c = 0; c < cases; c++) {
            caseStarts[c + 1] += caseStarts[c];
        }
        int[] order = new int[events];
        int[] next = Arrays.copyOf(caseStarts, cases);
        boolean inOrder = true;
        for (int e = 0; e < events; e++) {
            int slot = next[caseOf[e]]++;
            order[slot] = e;
            inOrder &= slot == e;
        }
        if (sortByTime) {
            inOrder &= sortCases(order, caseStarts);
        }
        boolean grouped = inOrder;
        int[] acts = grouped ? Arrays.copyOf(activities, events) : permute(activities, order);
        long[] ts = grouped ? Arrays.copyOf(times, events) : permute(times, order);
        int[] res = grouped ? Arrays.copyOf(resources, events) : permute(resources, order);
        Map<String, int[]> attrs = new LinkedHashMap<>();
        eventAttributes.forEach((k, column) -> attrs.put(k, grouped ? Arrays.copyOf(column, events) : permute(column, order)));
        Map<String, int[]> caseAttrs = new LinkedHashMap<>();
        caseAttributes.forEach((k, column) -> caseAttrs.put(k,
                Arrays.copyOf(grow(column, Math.max(column.length, cases)), cases)));
        return new EventLog(name, Arrays.copyOf(caseIds, cases), caseStarts, acts, ts, res, activityNames,
                resourceNames, values, attrs, caseAttrs);
    }

    /**
     * Forgets cases without events (an XES trace whose events were all filtered out): they have
     * no behaviour to analyse, and pm4py's tabular logs cannot hold them either.
     */
    private void dropEmptyCases() {
        int[] size = new int[cases];
        for (int e = 0; e < events; e++) {
            size[caseOf[e]]++;
        }
        int[] renumber = new int[cases];
        int kept = 0;
        for (int c = 0; c < cases; c++) {
            renumber[c] = size[c] > 0 ? kept++ : -1;
        }
        if (kept == cases) {
            return;
        }
        for (int c = 0; c < cases; c++) {
            if (renumber[c] >= 0) {
                caseIds[renumber[c]] = caseIds[c];
            }
        }
        for (var entry : caseAttributes.entrySet()) {
            int[] column = entry.getValue();
            int[] moved = grow(new int[0], kept);
            for (int c = 0; c < Math.min(cases, column.length); c++) {
                if (renumber[c] >= 0) {
                    moved[renumber[c]] = column[c];
                }
            }
            entry.setValue(moved);
        }
        for (int e = 0; e < events; e++) {
            caseOf[e] = renumber[caseOf[e]];
        }
        cases = kept;
        caseIndex.clear();
    }

    /** Sorts each case's slice of {@code order} by time; whether nothing moved. */
    private boolean sortCases(int[] order, int[] caseStarts) {
        boolean unchanged = true;
        for (int c = 0; c < cases; c++) {
            int from = caseStarts[c];
            int to = caseStarts[c + 1];
            boolean sorted = true;
            for (int i = from + 1; i < to && sorted; i++) {
                sorted = times[order[i - 1]] <= times[order[i]];
            }
            if (!sorted) {
                unchanged = false;
                Integer[] slice = new Integer[to - from];
                for (int i = from; i < to; i++) {
                    slice[i - from] = order[i];
                }
                Arrays.sort(slice, (a, b) -> Long.compare(times[a], times[b]));
                for (int i = from; i < to; i++) {
                    order[i] = slice[i - from];
                }
            }
        }
        return unchanged;
    }

    private int[] permute(int[] column, int[] order) {
        int[] out = new int[events];
        for (int i = 0; i < events; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    private long[] permute(long[] column, int[] order) {
        long[] out = new long[events];
        for (int i = 0; i < events; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }
}
