package dev.baton.insight.discovery;

import java.util.List;

/**
 * What a log shows about how work actually flows: its activities, the directly-follows graph
 * with frequencies and waiting times, where cases start and end, and its variants (distinct
 * activity sequences) with counts, most frequent first.
 */
public record ProcessMap(String log, int cases, int events, List<Activity> activities, List<Edge> edges,
                         List<Endpoint> startActivities, List<Endpoint> endActivities, List<Variant> variants) {

    /** An activity and how often it occurs. */
    public record Activity(String name, long occurrences) {
    }

    /**
     * {@code to} directly followed {@code from} in a case {@code count} times. Waiting times are
     * the time between the two events, in milliseconds, over the pairs that both have a time
     * (-1 when none has).
     */
    public record Edge(String from, String to, long count, long medianWaitMillis, long p90WaitMillis) {
    }

    /** Cases that start (or end) with an activity. */
    public record Endpoint(String activity, long cases) {
    }

    /**
     * A distinct sequence of activities, the cases that follow it and their share of all cases;
     * {@code exampleCase} is the first such case in the log.
     */
    public record Variant(List<String> activities, long cases, double share, String exampleCase) {
    }
}
