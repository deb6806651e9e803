package dev.baton.app.json;

import dev.baton.measure.experiment.Comparison;
import dev.baton.measure.experiment.ExperimentResult;
import dev.baton.measure.experiment.MetricResult;
import dev.baton.measure.experiment.Msprt;
import dev.baton.measure.experiment.Power;
import dev.baton.measure.experiment.Srm;
import dev.baton.measure.experiment.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiment results as JSON (docs/experiments.md). Keys that do not apply to the method are
 * absent (no chanceToWin for a frequentist test, no pValue for a Bayesian one); a comparison
 * without an estimate has an {@code explanation} instead of figures; an open end of a one-sided
 * interval is null. No NaN or infinity is ever written: a non-finite figure would be a bug, and
 * is written as null.
 */
public final class ExperimentJson {

    private ExperimentJson() {
    }

    /** {@code analyze --stats}: one metric; SRM first. */
    public static Map<String, Object> single(ExperimentResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("srm", srm(result.srm()));
        settings(json, result);
        MetricResult metric = result.metrics().get(0);
        json.put("metric", metric.kind());
        if (metric.theta() != null) {
            json.put("theta", finite(metric.theta()));
        }
        json.put("comparisons", metric.comparisons().stream().map(ExperimentJson::comparison).toList());
        json.put("warnings", warnings(result.warnings()));
        return json;
    }

    /** {@code analyze --units} and the imports: every experiment with all its metrics. */
    public static Map<String, Object> many(List<ExperimentResult> results, List<String> notes) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!results.isEmpty()) {
            settings(json, results.get(0));
        }
        json.put("experiments", results.stream().map(ExperimentJson::experiment).toList());
        json.put("notes", notes);
        return json;
    }

    static Map<String, Object> experiment(ExperimentResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("experiment", r.experiment());
        json.put("srm", srm(r.srm()));
        List<Map<String, Object>> arms = new ArrayList<>();
        for (int i = 0; i < r.arms().size(); i++) {
            arms.add(Json.ordered("name", r.arms().get(i), "users", r.users().get(i)));
        }
        json.put("arms", arms);
        json.put("pValueAdjustment", r.bhAdjusted() ? "benjamini-hochberg" : null);
        json.put("metrics", r.metrics().stream().map(m -> {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("metric", m.metric());
            metric.put("kind", m.kind());
            if (m.theta() != null) {
                metric.put("theta", finite(m.theta()));
            }
            metric.put("comparisons", m.comparisons().stream().map(ExperimentJson::comparison).toList());
            return metric;
        }).toList());
        json.put("warnings", warnings(r.warnings()));
        return json;
    }

    private static void settings(Map<String, Object> json, ExperimentResult r) {
        json.put("method", r.settings().method().id());
        json.put("difference", r.settings().difference().id());
        json.put("alpha", r.settings().alpha());
    }

    public static Map<String, Object> srm(Srm.Result srm) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pValue", finite(srm.pValue()));
        json.put("chiSquare", finite(srm.chiSquare()));
        json.put("degreesOfFreedom", srm.degreesOfFreedom());
        json.put("mismatch", srm.mismatch());
        if (srm.explanation() != null) {
            json.put("explanation", srm.explanation());
        }
        return json;
    }

    static Map<String, Object> comparison(Comparison c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("arm", c.arm());
        json.put("baseline", c.baseline());
        json.put("baselineN", c.baselineN());
        json.put("armN", c.armN());
        json.put("baselineMean", finite(c.baselineMean()));
        json.put("armMean", finite(c.armMean()));
        if (!c.defined()) {
            json.put("explanation", c.explanation());
            json.put("summary", c.summary());
            return json;
        }
        json.put("expected", finite(c.expected()));
        List<Double> ci = new ArrayList<>();
        ci.add(finite(c.ci().low()));
        ci.add(finite(c.ci().high()));
        json.put("ci", ci);
        json.put("upliftStddev", finite(c.upliftStddev()));
        if (c.chanceToWin() == null) {
            json.put("pValue", finite(c.pValue()));
            if (c.pValueAdjusted() != null) {
                json.put("pValueAdjusted", finite(c.pValueAdjusted()));
            }
        } else {
            json.put("chanceToWin", finite(c.chanceToWin()));
            json.put("risk", java.util.Arrays.asList(finite(c.risk().baseline()), finite(c.risk().arm())));
        }
        json.put("summary", c.summary());
        return json;
    }

    static List<Map<String, Object>> warnings(List<Warning> warnings) {
        return warnings.stream().map(w -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("code", w.code());
            if (w.metric() != null) {
                json.put("metric", w.metric());
            }
            json.put("message", w.message());
            return json;
        }).toList();
    }

    public static Map<String, Object> msprt(Msprt.State s, String family) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", s.n());
        json.put("lambda", finite(s.lambda()));
        json.put("logLambda", finite(s.logLambda()));
        json.put("alwaysValidP", finite(s.alwaysValidP()));
        json.put("decision", s.decision());
        json.put("rejectedAt", s.rejected() ? s.rejectedAt() : null);
        json.put("family", family);
        return json;
    }

    public static Map<String, Object> power(Power.Result r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nPerArm", r.nPerArm());
        json.put("mdeAbsolute", finite(r.absoluteMde()));
        json.put("mdeRelative", finite(r.relativeMde()));
        json.put("alpha", r.alpha());
        json.put("power", r.power());
        json.put("alternative", r.twoSided() ? "two-sided" : "one-sided");
        json.put("formula", r.formula());
        return json;
    }

    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }

    private static List<Double> finite(List<Double> values) {
        return values.stream().map(ExperimentJson::finite).toList();
    }
}
