package dev.baton.measure.experiment.input;

import dev.baton.measure.experiment.Arm;
import dev.baton.measure.experiment.ExperimentAnalysis;
import dev.baton.measure.experiment.ExperimentResult;
import dev.baton.measure.experiment.Plan;
import dev.baton.measure.experiment.Settings;
import java.util.List;

/** A stats file read: one metric's sufficient statistics per arm, the first arm the baseline. */
public record StatsRequest(String metric, List<Arm> arms, Settings settings, List<Double> weights, Plan plan) {

    /** SRM on the arms' n, then every arm against the first. */
    public ExperimentResult analyze() {
        List<String> names = arms.stream().map(Arm::name).toList();
        List<Long> users = arms.stream().map(a -> a.statistic().n()).toList();
        return ExperimentAnalysis.analyze("experiment", names, users, weights, List.of(new ExperimentAnalysis.MetricInput(
                metric, arms.stream().map(Arm::statistic).toList())), settings, plan);
    }
}
