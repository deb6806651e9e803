package dev.baton.measure.metric;

import dev.baton.measure.json.JsonObject;
import dev.baton.model.Metric;
import java.util.Map;

/**
 * The model's metrics against their targets as JSON (docs/outcomes.md#metric-targets-against-actuals),
 * the same for {@code baton funnel --model M --format json}, {@code GET /api/v1/outcomes/metrics}
 * and {@code baton-scale funnel --model M}.
 */
public final class MetricJson {

    private MetricJson() {
    }

    public static Map<String, Object> report(MetricReport r) {
        return new JsonObject()
                .with("measured", r.measured().stream().map(m -> new JsonObject().with("metric", metric(m.metric()))
                        .with("undated", m.undated())
                        .with("periods", m.periods().stream().map(p -> new JsonObject().with("period", p.period())
                                .with("actual", p.actual()).with("target", m.metric().target())
                                .with("status", p.status().id()).with("missedByPercent", p.missedBy())
                                .with("evidence", new JsonObject().with("count", p.evidence()).with("of", p.evidenceOf())
                                        .with("examples", p.examples()))
                                .with("verdict", p.verdict())).toList())).toList())
                .with("notMeasured", r.notMeasured().stream().map(n -> new JsonObject().with("metric", metric(n.metric()))
                        .with("reason", n.reason())).toList());
    }

    private static Map<String, Object> metric(Metric m) {
        return new JsonObject().with("id", m.id()).with("name", m.name()).with("unit", m.unit()).with("target", m.target())
                .with("measure", m.measure() == null ? null : m.measure().describe()).with("per", m.per().id());
    }
}
