package dev.baton.insight.tools;

import dev.baton.insight.tools.ToolSwitching.DuplicateTracking;
import dev.baton.insight.tools.ToolSwitching.Identity;
import dev.baton.insight.tools.ToolSwitching.Integration;
import dev.baton.insight.tools.ToolSwitching.PersonDay;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code toolSwitching} object of the report's JSON, keys in a stable order (docs/debt.md). */
public final class ToolSwitchingJson {

    private ToolSwitchingJson() {
    }

    public static Map<String, Object> toMap(ToolSwitching t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measured", t.measured());
        m.put("summary", t.summary());
        m.put("actions", t.actions());
        m.put("matchedActions", t.matchedActions());
        m.put("coverage", round(t.coverage()));
        m.put("personDays", t.personDays());
        m.put("multiToolPersonDays", t.multiToolDays());
        m.put("switches", t.switches());
        m.put("switchesPerPersonDay", round(t.switchesPerPersonDay()));
        m.put("sources", t.sources().stream().map(s -> (Object) map("source", s.source(), "events", s.events(),
                "matchedEvents", s.matchedEvents(), "users", s.identities())).toList());
        m.put("identities", t.identities().stream().map(ToolSwitchingJson::identity).toList());
        m.put("unmatched", t.unmatched().stream().map(ToolSwitchingJson::identity).toList());
        m.put("busiestPersonDays", t.busiestDays().stream().map(ToolSwitchingJson::day).toList());
        m.put("stages", t.stages().stream().map(s -> (Object) map("stage", s.stage(), "events", s.events(),
                "bySource", s.bySource())).toList());
        Map<String, Object> duplicates = new LinkedHashMap<>();
        duplicates.put("total", t.duplicatesTotal());
        duplicates.put("shown", t.duplicates().stream().map(ToolSwitchingJson::duplicate).toList());
        m.put("duplicatedTracking", duplicates);
        m.put("integrations", t.integrations().stream().map(ToolSwitchingJson::integration).toList());
        return m;
    }

    private static Object identity(Identity i) {
        Map<String, Object> m = map("source", i.source(), "user", i.user(), "events", i.events(), "person", i.person(),
                "how", i.how());
        m.put("candidates", i.candidates());
        return m;
    }

    private static Object day(PersonDay d) {
        Map<String, Object> m = map("person", d.person(), "day", d.day(), "systems", d.systems(), "switches", d.switches(),
                "sequence", d.sequence());
        m.put("positions", d.positions());
        return m;
    }

    private static Object duplicate(DuplicateTracking d) {
        Map<String, Object> m = map("stage", d.stage(), "link", d.link(), "first", map("item", d.firstItem(),
                "source", d.firstSource(), "at", d.firstAt()), "second", map("item", d.secondItem(),
                "source", d.secondSource(), "at", d.secondAt()));
        m.put("positions", d.positions());
        return m;
    }

    private static Object integration(Integration i) {
        Map<String, Object> m = map("between", List.of(i.between(), i.and()), "switches", i.switches(),
                "personDays", i.personDays());
        m.put("people", i.people());
        return m;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
