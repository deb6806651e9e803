package dev.baton.app.json;

import dev.baton.measure.metric.MetricReport;
import dev.baton.model.Metric;
import java.util.Map;

/**
 * The model's metrics against their targets as JSON (docs/outcomes.md#metric-targets-against-actuals),
 * the same for {@code baton funnel --model M --format json} and {@code GET /api/v1/outcomes/metrics}.
 */
public final class MetricJson {

    private MetricJson() {
    }

    public static Map<String, Object> report(MetricReport r) {
        return Json.ordered(
                "measured", r.measured().stream().map(m -> Json.ordered("metric", metric(m.metric()),
                        "undated", m.undated(),
                        "periods", m.periods().stream().map(p -> Json.ordered("period", p.period(), "actual", p.actual(),
                                "target", m.metric().target(), "status", p.status().id(), "missedByPercent", p.missedBy(),
                                "evidence", Json.ordered("count", p.evidence(), "of", p.evidenceOf(), "examples", p.examples()),
                                "verdict", p.verdict())).toList())).toList(),
                "notMeasured", r.notMeasured().stream().map(n -> Json.ordered("metric", metric(n.metric()),
                        "reason", n.reason())).toList());
    }

    private static Map<String, Object> metric(Metric m) {
        return Json.ordered("id", m.id(), "name", m.name(), "unit", m.unit(), "target", m.target(),
                "measure", m.measure() == null ? null : m.measure().describe(), "per", m.per().id());
    }
}
