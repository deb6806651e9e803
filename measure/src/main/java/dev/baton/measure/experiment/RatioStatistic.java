package dev.baton.measure.experiment;

/**
 * A ratio of two per-unit sums (revenue per order, clicks per session): mean Σm/Σd, variance by
 * the delta method, var(M/D) = var_m/μd² + var_d μm²/μd⁴ − 2 cov μm/μd³.
 */
public record RatioStatistic(long n, Moments numerator, Moments denominator, double sumOfProducts)
        implements ArmStatistic {

    @Override
    public double mean() {
        return denominator.sum() == 0 ? 0 : numerator.sum() / denominator.sum();
    }

    @Override
    public double variance() {
        if (denominator.mean() == 0 || n <= 1) {
            return 0;
        }
        return varianceOfRatio(numerator.mean(), numerator.variance(), denominator.mean(), denominator.variance(),
                Moments.covariance(n, numerator, denominator, sumOfProducts));
    }

    /** gbstats' {@code variance_of_ratios}. */
    static double varianceOfRatio(double meanM, double varM, double meanD, double varD, double cov) {
        if (meanD == 0) {
            return 0;
        }
        return varM / (meanD * meanD) + varD * meanM * meanM / Math.pow(meanD, 4)
                - 2 * cov * meanM / Math.pow(meanD, 3);
    }

    @Override
    public String kind() {
        return "ratio";
    }
}
