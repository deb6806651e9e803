package dev.baton.measure.experiment;

import java.util.List;

/**
 * Every arm of one metric against the baseline.
 *
 * @param kind  mean, proportion, ratio or cuped
 * @param theta CUPED's pooled θ per comparison (same order), or null when not regression-adjusted
 */
public record MetricResult(String metric, String kind, List<Comparison> comparisons, List<Warning> warnings,
                           List<Double> theta) {
}
