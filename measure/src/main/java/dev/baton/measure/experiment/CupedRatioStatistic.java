package dev.baton.measure.experiment;

/**
 * A ratio metric with its pre-period ratio as covariate (CUPED for ratios, gbstats'
 * regression-adjusted ratio): adjusted mean M/D − θ·Mₚ/Dₚ, its variance by the delta method on
 * the four means (M, D, Mₚ, Dₚ) with their 4×4 covariance matrix. θ is shared by both arms of a
 * comparison and set by {@link Theta#adjust}; 0 means not adjusted.
 *
 * <p>The six sums of products are over the same units: numerator × pre-numerator, denominator ×
 * pre-denominator, pre-numerator × pre-denominator, numerator × denominator, numerator ×
 * pre-denominator, pre-numerator × denominator.
 */
public record CupedRatioStatistic(long n, Moments numerator, Moments denominator, Moments preNumerator,
                                  Moments preDenominator, Products products, double theta) implements Adjusted {

    /** Σ over units of the products of two of the four series. */
    public record Products(double numeratorPreNumerator, double denominatorPreDenominator,
                           double preNumeratorPreDenominator, double numeratorDenominator,
                           double numeratorPreDenominator, double preNumeratorDenominator) {
    }

    public CupedRatioStatistic(long n, Moments numerator, Moments denominator, Moments preNumerator,
                               Moments preDenominator, Products products) {
        this(n, numerator, denominator, preNumerator, preDenominator, products, 0);
    }

    CupedRatioStatistic withTheta(double value) {
        return new CupedRatioStatistic(n, numerator, denominator, preNumerator, preDenominator, products, value);
    }

    /** The same units without the covariate: what the comparison falls back to when θ is 0. */
    RatioStatistic unadjusted() {
        return new RatioStatistic(n, numerator, denominator, products.numeratorDenominator());
    }

    /** M/D after the experiment started. */
    public double postRatio() {
        return denominator.sum() == 0 ? 0 : numerator.sum() / denominator.sum();
    }

    /** Mₚ/Dₚ before it started. */
    public double preRatio() {
        return preDenominator.sum() == 0 ? 0 : preNumerator.sum() / preDenominator.sum();
    }

    @Override
    public double mean() {
        if (denominator.sum() == 0 || preDenominator.sum() == 0) {
            return 0;
        }
        return postRatio() - theta * preRatio();
    }

    @Override
    public double unadjustedMean() {
        return postRatio();
    }

    /** nablaᵀ Λ nabla with the gradient of M/D − θ Mₚ/Dₚ. */
    @Override
    public double variance() {
        return quadratic(gradient(theta), covarianceMatrix());
    }

    /** The variance of the pre-period ratio Mₚ/Dₚ alone (the delta method on its two means). */
    public double preVariance() {
        double[] g = gradient(1);
        return quadratic(new double[] {0, 0, g[2], g[3]}, covarianceMatrix());
    }

    /** cov(M/D, Mₚ/Dₚ) by the delta method: what θ is made of. */
    public double postPreCovariance() {
        double[] g = gradient(1);
        double[][] l = covarianceMatrix();
        double s = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 2; j < 4; j++) {
                s += g[i] * l[i][j] * -g[j];
            }
        }
        return s;
    }

    /**
     * ∂(M/D − θ Mₚ/Dₚ)/∂(M, D, Mₚ, Dₚ) at the arm's means; all 0 when a denominator's mean is 0, so
     * that the variance is 0 and the comparison says it has no standard error.
     */
    double[] gradient(double t) {
        double d = denominator.mean();
        double dp = preDenominator.mean();
        if (d == 0 || dp == 0) {
            return new double[4];
        }
        return new double[] {1 / d, -numerator.mean() / (d * d), -t / dp, t * preNumerator.mean() / (dp * dp)};
    }

    /** Λ: the per-unit covariance matrix of (M, D, Mₚ, Dₚ). */
    double[][] covarianceMatrix() {
        double mm = numerator.variance();
        double dd = denominator.variance();
        double pp = preNumerator.variance();
        double qq = preDenominator.variance();
        double md = Moments.covariance(n, numerator, denominator, products.numeratorDenominator());
        double mp = Moments.covariance(n, numerator, preNumerator, products.numeratorPreNumerator());
        double mq = Moments.covariance(n, numerator, preDenominator, products.numeratorPreDenominator());
        double dp = Moments.covariance(n, denominator, preNumerator, products.preNumeratorDenominator());
        double dq = Moments.covariance(n, denominator, preDenominator, products.denominatorPreDenominator());
        double pq = Moments.covariance(n, preNumerator, preDenominator, products.preNumeratorPreDenominator());
        return new double[][] {{mm, md, mp, mq}, {md, dd, dp, dq}, {mp, dp, pp, pq}, {mq, dq, pq, qq}};
    }

    static double quadratic(double[] g, double[][] l) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                s += g[i] * l[i][j] * g[j];
            }
        }
        return s;
    }

    @Override
    public String kind() {
        return "cuped-ratio";
    }
}
