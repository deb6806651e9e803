package dev.baton.measure.experiment;

/**
 * A proper Gaussian prior on the effect, on the relative scale as GrowthBook's default
 * {@code prior_type: relative} (mean 0, variance 0.09 says "lifts beyond ±60% are unlikely"). For
 * an absolute difference it is scaled by the baseline mean: mean·|m_A|, variance·m_A².
 */
public record Prior(double mean, double variance) {
}
