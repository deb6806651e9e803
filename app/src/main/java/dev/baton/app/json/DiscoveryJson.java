package dev.baton.app.json;

import dev.baton.insight.discovery.ProcessMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A process map as JSON (docs/discovery.md): waiting times in milliseconds, shares in [0, 1]. */
public final class DiscoveryJson {

    private DiscoveryJson() {
    }

    public static Map<String, Object> processMap(ProcessMap map) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("log", map.log());
        json.put("cases", map.cases());
        json.put("events", map.events());
        json.put("activities", map.activities().stream()
                .map(a -> Json.ordered("name", a.name(), "occurrences", a.occurrences())).toList());
        json.put("startActivities", map.startActivities().stream()
                .map(s -> Json.ordered("activity", s.activity(), "cases", s.cases())).toList());
        json.put("endActivities", map.endActivities().stream()
                .map(s -> Json.ordered("activity", s.activity(), "cases", s.cases())).toList());
        json.put("directlyFollows", map.edges().stream().map(e -> Json.ordered("from", e.from(), "to", e.to(),
                "count", e.count(), "medianWaitMillis", e.medianWaitMillis() < 0 ? null : e.medianWaitMillis(),
                "p90WaitMillis", e.p90WaitMillis() < 0 ? null : e.p90WaitMillis())).toList());
        json.put("variants", map.variants().stream().map(v -> Json.ordered("activities", v.activities(),
                "cases", v.cases(), "share", v.share(), "exampleCase", v.exampleCase())).toList());
        return json;
    }
}
