package dev.baton.measure.funnel;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.identity.Unmatched;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The funnel as JSON (docs/outcomes.md#json): rates in [0, 1], days as decimals, money in the
 * CRM's currency; a figure with nothing to rest on is null, never NaN. Maps in key order, for any
 * JSON writer: the CLI, the server and baton-scale's Spark job write the same shape.
 */
public final class FunnelJson {

    private FunnelJson() {
    }

    public static Map<String, Object> report(FunnelReport r, String per, String conversion,
                                             List<CrmReader.FileRead> files, List<String> readNotes) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stages", r.stages());
        json.put("by", r.by().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        json.put("per", per);
        json.put("conversion", conversion);
        json.put("lookbackDays", r.lookback().toHours() / 24.0);
        json.put("asOf", r.asOf().toString());
        json.put("inputs", files.stream().map(f -> ordered("file", f.name(), "kind", f.kind().id(), "rows", f.rows()))
                .toList());
        json.put("total", group(r.total()));
        json.put("groups", r.groups().stream().map(FunnelJson::group).toList());
        json.put("unmatched", unmatched(r.unmatched()));
        List<String> notes = new java.util.ArrayList<>(readNotes);
        notes.addAll(r.notes());
        json.put("notes", notes);
        return json;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static List<Map<String, Object>> unmatched(List<Unmatched> unmatched) {
        return unmatched.stream().map(u -> ordered("what", u.what(), "count", u.count(), "examples", u.examples(),
                "effect", u.effect())).toList();
    }

    private static Map<String, Object> group(FunnelReport.Group g) {
        FunnelReport.Money m = g.money();
        FunnelReport.HandoffFigures h = g.handoff();
        return ordered("key", g.key(),
                "stages", g.stages().stream().map(s -> ordered("stage", s.stage(), "count", s.count(),
                        "conversionToNext", s.conversionToNext(), "medianDaysToNext", s.medianDaysToNext(),
                        "daysMeasured", s.daysMeasured(), "costPerEntity", s.costPerEntity())).toList(),
                "sourced", ordered("opportunities", m.opportunitiesSourced(), "pipeline", m.pipelineSourced(),
                        "won", m.wonSourced(), "revenue", m.revenueSourced()),
                "influenced", ordered("opportunities", m.opportunitiesInfluenced(), "pipeline",
                        m.pipelineInfluenced(), "won", m.wonInfluenced(), "revenue", m.revenueInfluenced()),
                "cost", g.cost(),
                "handoff", ordered("from", h.from(), "to", h.to(), "handedOver", h.handedOver(),
                        "accepted", h.accepted(), "medianDaysToAccept", h.medianDaysToAccept(),
                        "acceptanceDated", h.acceptanceDated(), "slaHours", h.sla().toHours(),
                        "overSla", examples(h.overSla()), "rejected", examples(h.rejected()),
                        "neverWorked", examples(h.neverWorked())));
    }

    private static Map<String, Object> examples(FunnelReport.Examples e) {
        return ordered("count", e.count(), "examples", e.examples());
    }
}
