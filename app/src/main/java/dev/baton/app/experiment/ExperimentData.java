package dev.baton.app.experiment;

import dev.baton.measure.experiment.Alternative;
import dev.baton.measure.experiment.ArmStatistic;
import dev.baton.measure.experiment.CupedRatioStatistic;
import dev.baton.measure.experiment.CupedStatistic;
import dev.baton.measure.experiment.Difference;
import dev.baton.measure.experiment.ExperimentAnalysis;
import dev.baton.measure.experiment.ExperimentAnalysis.MetricInput;
import dev.baton.measure.experiment.ExperimentResult;
import dev.baton.measure.experiment.Method;
import dev.baton.measure.experiment.Moments;
import dev.baton.measure.experiment.Plan;
import dev.baton.measure.experiment.Prior;
import dev.baton.measure.experiment.Proportion;
import dev.baton.measure.experiment.RatioStatistic;
import dev.baton.measure.experiment.SampleMean;
import dev.baton.measure.experiment.Settings;
import dev.baton.measure.experiment.Srm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One experiment's results as Baton keeps them: the arms, users per arm, planned weights, the
 * settings, and per metric and arm the sufficient statistics (n and sums) the upload was reduced
 * to. This is what {@code ExperimentResultsRecorded} carries and the {@code experiment_results}
 * table holds; the uploaded file is not kept. {@link #analyze} recomputes the analysis from it, so
 * a stored result is analysed by the same code as {@code baton experiment analyze}.
 *
 * @param rows  data rows the upload had (unit-level), or the users summed for statistics
 * @param notes what was done that a reader should know (from the readers)
 */
public record ExperimentData(List<String> arms, List<Long> users, List<Double> weights, Settings settings,
                             Long plannedUsers, List<MetricInput> metrics, long rows, List<String> notes) {

    /** The analysis, with {@code previousLooks} earlier uploads counted for the peeking guardrail. */
    public ExperimentResult analyze(String experiment, int previousLooks) {
        return ExperimentAnalysis.analyze(experiment, arms, users, weights == null ? Srm.equalWeights(arms.size()) : weights,
                metrics, settings, new Plan(plannedUsers, previousLooks));
    }

    /** The stored form: plain maps, lists, strings and numbers. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("arms", arms);
        m.put("users", users);
        if (weights != null) {
            m.put("weights", weights);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("method", settings.method().id());
        s.put("difference", settings.difference().id());
        s.put("alpha", settings.alpha());
        s.put("alternative", settings.alternative().id());
        s.put("sequentialTuning", settings.sequentialTuning());
        if (settings.prior() != null) {
            s.put("prior", Map.of("mean", settings.prior().mean(), "variance", settings.prior().variance()));
        }
        m.put("settings", s);
        if (plannedUsers != null) {
            m.put("plannedUsers", plannedUsers);
        }
        List<Map<String, Object>> ms = new ArrayList<>();
        for (MetricInput metric : metrics) {
            ms.add(Map.of("name", metric.name(), "arms", metric.statistics().stream().map(ExperimentData::statistic).toList()));
        }
        m.put("metrics", ms);
        m.put("rows", rows);
        m.put("notes", notes);
        return m;
    }

    /** Read back what {@link #toMap} wrote (from the event or the table). */
    @SuppressWarnings("unchecked")
    public static ExperimentData fromMap(Map<String, Object> m) {
        List<String> arms = (List<String>) m.get("arms");
        List<Long> users = ((List<Object>) m.get("users")).stream().map(u -> u == null ? null : ((Number) u).longValue()).toList();
        List<Double> weights = m.get("weights") == null ? null
                : ((List<Object>) m.get("weights")).stream().map(w -> ((Number) w).doubleValue()).toList();
        Map<String, Object> s = (Map<String, Object>) m.get("settings");
        Map<String, Object> prior = (Map<String, Object>) s.get("prior");
        Settings settings = new Settings(Method.byId((String) s.get("method")).orElseThrow(),
                Difference.byId((String) s.get("difference")).orElseThrow(), number(s.get("alpha")),
                Alternative.byId((String) s.get("alternative")).orElseThrow(), number(s.get("sequentialTuning")),
                prior == null ? null : new Prior(number(prior.get("mean")), number(prior.get("variance"))));
        List<MetricInput> metrics = new ArrayList<>();
        for (Map<String, Object> metric : (List<Map<String, Object>>) m.get("metrics")) {
            metrics.add(new MetricInput((String) metric.get("name"),
                    ((List<Map<String, Object>>) metric.get("arms")).stream().map(ExperimentData::statistic).toList()));
        }
        Object planned = m.get("plannedUsers");
        return new ExperimentData(arms, users, weights, settings, planned == null ? null : ((Number) planned).longValue(),
                metrics, m.get("rows") == null ? 0 : ((Number) m.get("rows")).longValue(),
                m.get("notes") == null ? List.of() : (List<String>) m.get("notes"));
    }

    /** The same statistics with other settings and plan (the form's method, the item's planned sample size). */
    public ExperimentData with(Settings value, Long planned) {
        return new ExperimentData(arms, users, weights, value, planned, metrics, rows, notes);
    }

    private static Map<String, Object> statistic(ArmStatistic a) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (a instanceof CupedRatioStatistic r) {
            m.put("kind", "cuped-ratio");
            m.put("n", r.n());
            m.put("numerator", statistic(r.numerator()));
            m.put("denominator", statistic(r.denominator()));
            m.put("preNumerator", statistic(r.preNumerator()));
            m.put("preDenominator", statistic(r.preDenominator()));
            CupedRatioStatistic.Products p = r.products();
            m.put("products", List.of(p.numeratorPreNumerator(), p.denominatorPreDenominator(),
                    p.preNumeratorPreDenominator(), p.numeratorDenominator(), p.numeratorPreDenominator(),
                    p.preNumeratorDenominator()));
        } else if (a instanceof CupedStatistic c) {
            m.put("kind", "cuped");
            m.put("n", c.n());
            m.put("post", statistic(c.post()));
            m.put("pre", statistic(c.pre()));
            m.put("sumOfProducts", c.sumOfProducts());
        } else if (a instanceof RatioStatistic r) {
            m.put("kind", "ratio");
            m.put("n", r.n());
            m.put("numerator", statistic(r.numerator()));
            m.put("denominator", statistic(r.denominator()));
            m.put("sumOfProducts", r.sumOfProducts());
        } else if (a instanceof Proportion p) {
            m.put("kind", "proportion");
            m.put("n", p.n());
            m.put("sum", p.sum());
        } else if (a instanceof SampleMean s) {
            m.put("kind", "mean");
            m.put("n", s.n());
            m.put("sum", s.sum());
            m.put("sumSquares", s.sumSquares());
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static ArmStatistic statistic(Map<String, Object> m) {
        long n = ((Number) m.get("n")).longValue();
        return switch ((String) m.get("kind")) {
            case "cuped" -> new CupedStatistic(n, (Moments) statistic((Map<String, Object>) m.get("post")),
                    (Moments) statistic((Map<String, Object>) m.get("pre")), number(m.get("sumOfProducts")));
            case "cuped-ratio" -> cupedRatio(n, m);
            case "ratio" -> new RatioStatistic(n, (Moments) statistic((Map<String, Object>) m.get("numerator")),
                    (Moments) statistic((Map<String, Object>) m.get("denominator")), number(m.get("sumOfProducts")));
            case "proportion" -> new Proportion(n, number(m.get("sum")));
            default -> new SampleMean(n, number(m.get("sum")), number(m.get("sumSquares")));
        };
    }

    @SuppressWarnings("unchecked")
    private static CupedRatioStatistic cupedRatio(long n, Map<String, Object> m) {
        List<Object> p = (List<Object>) m.get("products");
        return new CupedRatioStatistic(n, (Moments) statistic((Map<String, Object>) m.get("numerator")),
                (Moments) statistic((Map<String, Object>) m.get("denominator")),
                (Moments) statistic((Map<String, Object>) m.get("preNumerator")),
                (Moments) statistic((Map<String, Object>) m.get("preDenominator")),
                new CupedRatioStatistic.Products(number(p.get(0)), number(p.get(1)), number(p.get(2)),
                        number(p.get(3)), number(p.get(4)), number(p.get(5))));
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }
}
