package dev.baton.measure.experiment;

/**
 * The sufficient statistics of one arm for one metric: enough to compute its mean and variance
 * without the unit-level rows, and summable across days or shards (ARCHITECTURE.md, Storage).
 * Means and variances follow GrowthBook's gbstats 0.8.0 ({@code models/statistics.py}).
 */
public sealed interface ArmStatistic permits Moments, RatioStatistic, Adjusted {

    /** Units in the arm. */
    long n();

    /** The mean the comparison uses (regression-adjusted for CUPED). */
    double mean();

    /** The per-unit variance of {@link #mean()}'s summand; 0 when it cannot be estimated. */
    double variance();

    /** The mean as observed, before any regression adjustment: what relative lifts divide by. */
    default double unadjustedMean() {
        return mean();
    }

    /** What kind of metric, for messages. */
    String kind();
}
