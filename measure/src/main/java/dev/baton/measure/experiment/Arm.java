package dev.baton.measure.experiment;

/** One arm of an experiment for one metric. */
public record Arm(String name, ArmStatistic statistic) {
}
