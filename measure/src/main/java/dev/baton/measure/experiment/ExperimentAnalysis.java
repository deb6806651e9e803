package dev.baton.measure.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The one entry point of experiment statistics: every arm against the first (the baseline) with
 * the method of {@link Settings#method()} — {@link Method#FREQUENTIST} (Welch t),
 * {@link Method#SEQUENTIAL} (confidence sequences) or {@link Method#BAYESIAN} (Gaussian effect
 * posterior) — after the sample-ratio check, with the guardrails of {@link Guardrails}.
 */
public final class ExperimentAnalysis {

    private ExperimentAnalysis() {
    }

    /** One metric: its comparisons, each with its sentence, and its own warnings (CUPED imbalance). */
    public static MetricResult compare(String metric, List<Arm> arms, Settings settings) {
        return summarised(unsummarised(metric, arms, settings), settings);
    }

    private static MetricResult summarised(MetricResult r, Settings settings) {
        List<Comparison> comparisons = r.comparisons().stream()
                .map(c -> c.withSummary(Summaries.of(c, settings))).toList();
        return new MetricResult(r.metric(), r.kind(), comparisons, r.warnings(), r.theta());
    }

    private static MetricResult unsummarised(String metric, List<Arm> arms, Settings settings) {
        if (arms.size() < 2) {
            throw new IllegalArgumentException("expected at least 2 arms, found " + arms.size());
        }
        Arm baseline = arms.get(0);
        List<Comparison> comparisons = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        List<Double> thetas = new ArrayList<>();
        boolean cuped = baseline.statistic() instanceof Adjusted;
        for (Arm arm : arms.subList(1, arms.size())) {
            comparisons.add(compare(baseline, arm, settings, thetas));
            if (cuped) {
                Guardrails.cupedImbalance(metric, baseline, arm).ifPresent(warnings::add);
            }
        }
        return new MetricResult(metric, baseline.statistic().kind(), List.copyOf(comparisons), List.copyOf(warnings),
                cuped ? List.copyOf(thetas) : null);
    }

    private static Comparison compare(Arm baseline, Arm arm, Settings settings, List<Double> thetas) {
        Effect effect = Effect.of(baseline.name(), baseline.statistic(), arm.name(), arm.statistic(),
                settings.relative());
        thetas.add(effect.baseline() instanceof Adjusted c ? c.theta() : 0.0);
        Comparison head = Comparisons.head(baseline.name(), baseline.statistic(), arm.name(), arm.statistic());
        Comparison result;
        if (!effect.defined()) {
            result = Comparisons.undefined(head, effect.explanation());
        } else {
            result = switch (settings.method()) {
                case FREQUENTIST -> FrequentistTest.compare(effect, settings, head);
                case SEQUENTIAL -> SequentialTest.compare(effect, settings, head);
                case BAYESIAN -> BayesianTest.compare(effect, settings, head);
            };
        }
        return result;
    }

    /**
     * A whole experiment: SRM on the users per arm, each metric compared, p-values adjusted by
     * Benjamini–Hochberg across metrics × arms when there is more than one, and the guardrails.
     *
     * @param users   users per arm (null entries: not known), the SRM input
     * @param weights planned split, same length as {@code users}
     */
    public static ExperimentResult analyze(String experiment, List<String> armNames, List<Long> users,
                                           List<Double> weights, List<MetricInput> metrics, Settings settings,
                                           Plan plan) {
        Srm.Result srm = Srm.check(users, weights);
        List<MetricResult> results = new ArrayList<>();
        for (MetricInput metric : metrics) {
            List<Arm> arms = new ArrayList<>();
            for (int i = 0; i < armNames.size(); i++) {
                arms.add(new Arm(armNames.get(i), metric.statistics().get(i)));
            }
            results.add(unsummarised(metric.name(), arms, settings));
        }
        boolean adjust = settings.method() != Method.BAYESIAN
                && results.stream().mapToLong(r -> r.comparisons().stream().filter(c -> c.pValue() != null).count())
                .sum() > 1;
        if (adjust) {
            results = adjusted(results);
        }
        results = results.stream().map(r -> summarised(r, settings)).toList();
        List<Warning> warnings = new ArrayList<>(Guardrails.srm(srm, armNames, users, weights));
        long total = users.stream().filter(u -> u != null).mapToLong(Long::longValue).sum();
        warnings.addAll(Guardrails.peeking(settings.method(), plan, total));
        for (MetricResult r : results) {
            warnings.addAll(r.warnings());
        }
        return new ExperimentResult(experiment, List.copyOf(armNames),
                Collections.unmodifiableList(new ArrayList<>(users)), srm, settings, List.copyOf(results),
                List.copyOf(warnings), adjust);
    }

    /** The statistics of one metric, one per arm in the order of the arm names. */
    public record MetricInput(String name, List<ArmStatistic> statistics) {
    }

    private static List<MetricResult> adjusted(List<MetricResult> results) {
        List<int[]> where = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (int m = 0; m < results.size(); m++) {
            List<Comparison> comparisons = results.get(m).comparisons();
            for (int c = 0; c < comparisons.size(); c++) {
                if (comparisons.get(c).pValue() != null) {
                    where.add(new int[] {m, c});
                    ps.add(comparisons.get(c).pValue());
                }
            }
        }
        double[] adjusted = BenjaminiHochberg.adjust(ps.stream().mapToDouble(Double::doubleValue).toArray());
        List<List<Comparison>> copies = new ArrayList<>();
        for (MetricResult r : results) {
            copies.add(new ArrayList<>(r.comparisons()));
        }
        for (int i = 0; i < adjusted.length; i++) {
            int m = where.get(i)[0];
            int c = where.get(i)[1];
            copies.get(m).set(c, copies.get(m).get(c).withAdjustedPValue(adjusted[i]));
        }
        List<MetricResult> out = new ArrayList<>();
        for (int m = 0; m < results.size(); m++) {
            MetricResult r = results.get(m);
            out.add(new MetricResult(r.metric(), r.kind(), List.copyOf(copies.get(m)), r.warnings(), r.theta()));
        }
        return out;
    }
}
