package dev.baton.insight.log;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An event log held column by column: the events of case {@code c} are the indexes
 * {@code caseStart(c) … caseEnd(c) - 1}, in order; each event has an activity and a resource
 * (dictionary codes), a timestamp in epoch milliseconds and optional attributes (one column of
 * codes per attribute key). About 20 bytes an event, so ten million events fit in a few hundred
 * megabytes. Immutable; build one with {@link #builder(String)} or read one with
 * {@link EventLogs#read}.
 *
 * <p>Analyses walk it case by case ({@link #caseCount()}), which is what lets them be written
 * as per-case summaries that merge associatively.
 */
public final class EventLog {

    /** The timestamp of an event that has none. */
    public static final long NO_TIME = Long.MIN_VALUE;
    /** The code of an absent resource or attribute value. */
    public static final int NONE = -1;

    private final String name;
    private final String[] caseIds;
    private final int[] caseStarts;
    private final int[] activities;
    private final long[] times;
    private final int[] resources;
    private final Dictionary activityNames;
    private final Dictionary resourceNames;
    private final Dictionary values;
    private final Map<String, int[]> eventAttributes;
    private final Map<String, int[]> caseAttributes;

    EventLog(String name, String[] caseIds, int[] caseStarts, int[] activities, long[] times, int[] resources,
             Dictionary activityNames, Dictionary resourceNames, Dictionary values,
             Map<String, int[]> eventAttributes, Map<String, int[]> caseAttributes) {
        this.name = name;
        this.caseIds = caseIds;
        this.caseStarts = caseStarts;
        this.activities = activities;
        this.times = times;
        this.resources = resources;
        this.activityNames = activityNames;
        this.resourceNames = resourceNames;
        this.values = values;
        this.eventAttributes = Collections.unmodifiableMap(eventAttributes);
        this.caseAttributes = Collections.unmodifiableMap(caseAttributes);
    }

    public static EventLogBuilder builder(String name) {
        return new EventLogBuilder(name);
    }

    /** Where the log came from (its file name), for messages. */
    public String name() {
        return name;
    }

    public int caseCount() {
        return caseIds.length;
    }

    public int eventCount() {
        return activities.length;
    }

    public String caseId(int c) {
        return caseIds[c];
    }

    /** The first event of case {@code c}. */
    public int caseStart(int c) {
        return caseStarts[c];
    }

    /** One past the last event of case {@code c}. */
    public int caseEnd(int c) {
        return caseStarts[c + 1];
    }

    public int caseLength(int c) {
        return caseStarts[c + 1] - caseStarts[c];
    }

    /** The activity code of event {@code e}; {@link #activityName(int)} turns it into text. */
    public int activity(int e) {
        return activities[e];
    }

    /** The activity codes of case {@code c} in order (a copy). */
    public int[] trace(int c) {
        return java.util.Arrays.copyOfRange(activities, caseStarts[c], caseStarts[c + 1]);
    }

    public String activityName(int code) {
        return activityNames.decode(code);
    }

    /** The number of distinct activities; codes run from 0 to this minus one. */
    public int activityCount() {
        return activityNames.size();
    }

    /** The activity code of a name, or {@link #NONE} when no event has it. */
    public int activityCode(String name) {
        return activityNames.code(name);
    }

    /** Epoch milliseconds, or {@link #NO_TIME}. */
    public long time(int e) {
        return times[e];
    }

    public boolean hasTime(int e) {
        return times[e] != NO_TIME;
    }

    /** The resource (person, role) code of event {@code e}, or {@link #NONE}. */
    public int resource(int e) {
        return resources[e];
    }

    public Optional<String> resourceName(int e) {
        return resources[e] == NONE ? Optional.empty() : Optional.of(resourceNames.decode(resources[e]));
    }

    public int resourceCount() {
        return resourceNames.size();
    }

    public String resourceNameOf(int code) {
        return resourceNames.decode(code);
    }

    /** The keys of the event attributes some event carries (lifecycle, work_type, …). */
    public Set<String> eventAttributeKeys() {
        return eventAttributes.keySet();
    }

    public Optional<String> eventAttribute(int e, String key) {
        int[] column = eventAttributes.get(key);
        return column == null || column[e] == NONE ? Optional.empty() : Optional.of(values.decode(column[e]));
    }

    public Set<String> caseAttributeKeys() {
        return caseAttributes.keySet();
    }

    public Optional<String> caseAttribute(int c, String key) {
        int[] column = caseAttributes.get(key);
        return column == null || column[c] == NONE ? Optional.empty() : Optional.of(values.decode(column[c]));
    }

    /**
     * The log of the cases {@code c} for which {@code keep} holds, in order (activity and resource
     * codes unchanged, so analyses of the part and the whole can be compared).
     */
    public EventLog select(java.util.function.IntPredicate keep) {
        int[] kept = java.util.stream.IntStream.range(0, caseCount()).filter(keep).toArray();
        int events = 0;
        for (int c : kept) {
            events += caseLength(c);
        }
        String[] ids = new String[kept.length];
        int[] starts = new int[kept.length + 1];
        int[] order = new int[events];
        int e = 0;
        for (int i = 0; i < kept.length; i++) {
            int c = kept[i];
            ids[i] = caseIds[c];
            starts[i] = e;
            for (int x = caseStarts[c]; x < caseStarts[c + 1]; x++) {
                order[e++] = x;
            }
        }
        starts[kept.length] = e;
        Map<String, int[]> eventColumns = new java.util.LinkedHashMap<>();
        eventAttributes.forEach((k, column) -> eventColumns.put(k, pick(column, order)));
        Map<String, int[]> caseColumns = new java.util.LinkedHashMap<>();
        caseAttributes.forEach((k, column) -> caseColumns.put(k, pick(column, kept)));
        long[] ts = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            ts[i] = times[order[i]];
        }
        return new EventLog(name, ids, starts, pick(activities, order), ts, pick(resources, order), activityNames,
                resourceNames, values, eventColumns, caseColumns);
    }

    private static int[] pick(int[] column, int[] indexes) {
        int[] out = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            out[i] = column[indexes[i]];
        }
        return out;
    }

    /** Every activity name in code order. */
    public List<String> activityNames() {
        return activityNames.values();
    }

    @Override
    public String toString() {
        return "EventLog " + name + " (" + caseCount() + " cases, " + eventCount() + " events, "
                + activityCount() + " activities)";
    }
}
