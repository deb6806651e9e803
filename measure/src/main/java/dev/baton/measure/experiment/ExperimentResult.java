package dev.baton.measure.experiment;

import java.util.List;

/**
 * One experiment analysed: the sample-ratio check first (if the split is off nothing else can be
 * trusted), then each metric, then the guardrails that fired.
 *
 * @param bhAdjusted true when p-values were adjusted across metrics × arms (Benjamini–Hochberg)
 */
public record ExperimentResult(String experiment, List<String> arms, List<Long> users, Srm.Result srm,
                               Settings settings, List<MetricResult> metrics, List<Warning> warnings,
                               boolean bhAdjusted) {
}
