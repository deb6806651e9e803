package dev.baton.app.json;

import static dev.baton.app.json.Json.ordered;

import dev.baton.insight.conformance.ConformanceResult;
import java.util.Map;

/** A conformance result as JSON (docs/conformance.md), figures under pm4py's names. */
public final class ConformanceJson {

    private ConformanceJson() {
    }

    public static Map<String, Object> result(ConformanceResult r) {
        return ordered("method", r.method(), "net", r.net(), "log", r.log(), "cases", r.cases(),
                "logFitness", r.logFitness(), "averageTraceFitness", r.averageTraceFitness(),
                "percentageFittingTraces", r.percentageFittingTraces(),
                "deviations", r.deviations().stream().map(d -> ordered("kind", d.kind().id(), "activity", d.activity(),
                        "after", d.after(), "cases", d.cases(), "occurrences", d.occurrences(),
                        "explanation", d.explanation())).toList(),
                "variants", r.variants().stream().map(v -> ordered("activities", v.activities(), "cases", v.cases(),
                        "fitness", v.fitness(), "fitting", v.fitting(), "cost", v.cost())).toList());
    }
}
