package dev.baton.insight.debt;

import static dev.baton.insight.debt.DebtReportJson.round;

import dev.baton.insight.tools.ToolSwitching;
import dev.baton.insight.tools.ToolSwitching.DuplicateTracking;
import dev.baton.insight.tools.ToolSwitching.Identity;
import dev.baton.insight.tools.ToolSwitching.Integration;
import dev.baton.insight.tools.ToolSwitching.PersonDay;
import dev.baton.insight.tools.ToolSwitching.SourceUse;
import dev.baton.insight.tools.ToolSwitching.StageTools;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report's {@code toolSwitching} object, keys in a stable order (docs/debt.md § JSON). */
final class ToolSwitchingJson {

    private ToolSwitchingJson() {
    }

    static Map<String, Object> toMap(ToolSwitching t) {
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
        m.put("sources", t.sources().stream().map(ToolSwitchingJson::source).toList());
        m.put("identities", t.identities().stream().map(ToolSwitchingJson::identity).toList());
        m.put("unmatched", t.unmatched().stream().map(ToolSwitchingJson::identity).toList());
        m.put("busiestPersonDays", t.busiestDays().stream().map(ToolSwitchingJson::day).toList());
        m.put("stages", t.stages().stream().map(ToolSwitchingJson::stage).toList());
        Map<String, Object> duplicates = new LinkedHashMap<>();
        duplicates.put("total", t.duplicatesTotal());
        duplicates.put("shown", t.duplicates().stream().map(ToolSwitchingJson::duplicate).toList());
        m.put("duplicatedTracking", duplicates);
        m.put("integrations", t.integrations().stream().map(ToolSwitchingJson::integration).toList());
        return m;
    }

    private static Object source(SourceUse s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", s.source());
        m.put("events", s.events());
        m.put("matchedEvents", s.matchedEvents());
        m.put("users", s.identities());
        return m;
    }

    private static Object identity(Identity i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", i.source());
        m.put("user", i.user());
        m.put("events", i.events());
        m.put("person", i.person());
        m.put("how", i.how());
        m.put("candidates", i.candidates());
        return m;
    }

    private static Object day(PersonDay d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("person", d.person());
        m.put("day", d.day());
        m.put("systems", d.systems());
        m.put("switches", d.switches());
        m.put("sequence", d.sequence());
        m.put("positions", d.positions());
        return m;
    }

    private static Object stage(StageTools s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", s.stage());
        m.put("events", s.events());
        m.put("bySource", s.bySource());
        return m;
    }

    private static Object duplicate(DuplicateTracking d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", d.stage());
        m.put("link", d.link());
        m.put("first", entry(d.firstItem(), d.firstSource(), d.firstAt()));
        m.put("second", entry(d.secondItem(), d.secondSource(), d.secondAt()));
        m.put("positions", d.positions());
        return m;
    }

    private static Map<String, Object> entry(String item, String source, String at) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", item);
        m.put("source", source);
        m.put("at", at);
        return m;
    }

    private static Object integration(Integration i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("between", List.of(i.between(), i.and()));
        m.put("switches", i.switches());
        m.put("personDays", i.personDays());
        m.put("people", i.people());
        return m;
    }
}
