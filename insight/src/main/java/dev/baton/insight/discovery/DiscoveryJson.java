package dev.baton.insight.discovery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process map as JSON (docs/discovery.md): waiting times in milliseconds, shares in [0, 1]. Maps in key
 * order, written by the CLI and by the scale module's Spark jobs alike.
 */
public final class DiscoveryJson {

    private DiscoveryJson() {
    }

    public static Map<String, Object> processMap(ProcessMap map) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("log", map.log());
        json.put("cases", map.cases());
        json.put("events", map.events());
        json.put("activities", map.activities().stream()
                .map(a -> ordered("name", a.name(), "occurrences", a.occurrences())).toList());
        json.put("startActivities", map.startActivities().stream()
                .map(s -> ordered("activity", s.activity(), "cases", s.cases())).toList());
        json.put("endActivities", map.endActivities().stream()
                .map(s -> ordered("activity", s.activity(), "cases", s.cases())).toList());
        json.put("directlyFollows", map.edges().stream().map(e -> ordered("from", e.from(), "to", e.to(),
                "count", e.count(), "medianWaitMillis", e.medianWaitMillis() < 0 ? null : e.medianWaitMillis(),
                "p90WaitMillis", e.p90WaitMillis() < 0 ? null : e.p90WaitMillis())).toList());
        json.put("variants", map.variants().stream().map(v -> ordered("activities", v.activities(),
                "cases", v.cases(), "share", v.share(), "exampleCase", v.exampleCase())).toList());
        return json;
    }

    /** A JSON object from alternating keys and values, in that order; null values are kept, for a stable shape. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
