package dev.baton.insight.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A conformance result as JSON (docs/conformance.md), figures under pm4py's names: maps in key
 * order, written by {@code baton conformance} and by the scale module's Spark job alike.
 */
public final class ConformanceJson {

    private ConformanceJson() {
    }

    public static Map<String, Object> result(ConformanceResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", r.method());
        json.put("net", r.net());
        json.put("log", r.log());
        json.put("cases", r.cases());
        json.put("logFitness", r.logFitness());
        json.put("averageTraceFitness", r.averageTraceFitness());
        json.put("percentageFittingTraces", r.percentageFittingTraces());
        json.put("deviations", r.deviations().stream().map(ConformanceJson::deviation).toList());
        json.put("variants", r.variants().stream().map(ConformanceJson::variant).toList());
        return json;
    }

    private static Map<String, Object> deviation(Deviation d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", d.kind().id());
        json.put("activity", d.activity());
        json.put("after", d.after()); // null at the start, kept
        json.put("cases", d.cases());
        json.put("occurrences", d.occurrences());
        json.put("explanation", d.explanation());
        return json;
    }

    private static Map<String, Object> variant(VariantFit v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("activities", v.activities());
        json.put("cases", v.cases());
        json.put("fitness", v.fitness());
        json.put("fitting", v.fitting());
        json.put("cost", v.cost());
        return json;
    }
}
