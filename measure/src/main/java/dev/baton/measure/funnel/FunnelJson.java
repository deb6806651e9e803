package dev.baton.measure.funnel;

import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.identity.Unmatched;
import dev.baton.measure.json.JsonObject;
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
        json.put("inputs", files.stream().map(f -> new JsonObject().with("file", f.name()).with("kind", f.kind().id())
                .with("rows", f.rows())).toList());
        json.put("total", group(r.total()));
        json.put("groups", r.groups().stream().map(FunnelJson::group).toList());
        json.put("unmatched", unmatched(r.unmatched()));
        List<String> notes = new java.util.ArrayList<>(readNotes);
        notes.addAll(r.notes());
        json.put("notes", notes);
        return json;
    }

    public static List<Map<String, Object>> unmatched(List<Unmatched> unmatched) {
        return unmatched.stream().<Map<String, Object>>map(u -> new JsonObject().with("what", u.what()).with("count", u.count())
                .with("examples", u.examples()).with("effect", u.effect())).toList();
    }

    private static Map<String, Object> group(FunnelReport.Group g) {
        FunnelReport.Money m = g.money();
        FunnelReport.HandoffFigures h = g.handoff();
        return new JsonObject().with("key", g.key())
                .with("stages", g.stages().stream().map(s -> new JsonObject().with("stage", s.stage()).with("count", s.count())
                        .with("conversionToNext", s.conversionToNext()).with("medianDaysToNext", s.medianDaysToNext())
                        .with("daysMeasured", s.daysMeasured()).with("costPerEntity", s.costPerEntity())).toList())
                .with("sourced", money(m.opportunitiesSourced(), m.pipelineSourced(), m.wonSourced(), m.revenueSourced()))
                .with("influenced", money(m.opportunitiesInfluenced(), m.pipelineInfluenced(), m.wonInfluenced(),
                        m.revenueInfluenced()))
                .with("cost", g.cost())
                .with("handoff", new JsonObject().with("from", h.from()).with("to", h.to()).with("handedOver", h.handedOver())
                        .with("accepted", h.accepted()).with("medianDaysToAccept", h.medianDaysToAccept())
                        .with("acceptanceDated", h.acceptanceDated()).with("slaHours", h.sla().toHours())
                        .with("overSla", examples(h.overSla())).with("rejected", examples(h.rejected()))
                        .with("neverWorked", examples(h.neverWorked())));
    }

    private static JsonObject money(long opportunities, double pipeline, long won, double revenue) {
        return new JsonObject().with("opportunities", opportunities).with("pipeline", pipeline).with("won", won)
                .with("revenue", revenue);
    }

    private static JsonObject examples(FunnelReport.Examples e) {
        return new JsonObject().with("count", e.count()).with("examples", e.examples());
    }
}
