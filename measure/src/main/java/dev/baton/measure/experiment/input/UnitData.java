package dev.baton.measure.experiment.input;

import dev.baton.measure.experiment.ExperimentAnalysis;
import dev.baton.measure.experiment.ExperimentResult;
import dev.baton.measure.experiment.Plan;
import dev.baton.measure.experiment.Settings;
import dev.baton.measure.experiment.Srm;
import java.util.List;

/**
 * Experiments read from unit-level data or a results export, reduced to sufficient statistics.
 *
 * @param rows  data rows read
 * @param notes what was done that a reader should know (metrics not adjusted, experiments skipped)
 */
public record UnitData(List<ExperimentData> experiments, long rows, List<String> notes) {

    /**
     * One experiment: its arms (baseline first), users per arm and each metric's statistics.
     */
    public record ExperimentData(String id, List<String> arms, List<Long> users,
                                 List<ExperimentAnalysis.MetricInput> metrics) {
    }

    /**
     * Every experiment analysed with equal planned weights: SRM, all metrics, BH across metrics ×
     * arms. Experiments are independent, so they are analysed in parallel; the order is kept.
     */
    public List<ExperimentResult> analyze(Settings settings) {
        return experiments.parallelStream().map(e -> ExperimentAnalysis.analyze(e.id(), e.arms(), e.users(),
                Srm.equalWeights(e.arms().size()), e.metrics(), settings, Plan.NONE)).toList();
    }
}
