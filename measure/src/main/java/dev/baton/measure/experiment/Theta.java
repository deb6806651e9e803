package dev.baton.measure.experiment;

/**
 * CUPED's θ, pooled over the two arms compared (gbstats' {@code compute_theta}): the covariance of
 * post and pre over both arms together divided by the variance of pre over both arms, both with
 * n − 1. Pooling keeps θ the same for both arms, which keeps the adjusted difference unbiased.
 */
final class Theta {

    private Theta() {
    }

    static double pooled(CupedStatistic a, CupedStatistic b) {
        long n = a.n() + b.n();
        Moments post = Moments.joint(a.post(), b.post());
        Moments pre = Moments.joint(a.pre(), b.pre());
        if (pre.variance() == 0 || post.variance() == 0) {
            return 0;
        }
        double covariance = Moments.covariance(n, post, pre, a.sumOfProducts() + b.sumOfProducts());
        return covariance / pre.variance();
    }

    /**
     * θ for a ratio metric (gbstats' {@code compute_theta_regression_adjusted_ratio}): the two arms'
     * delta-method covariances of post and pre ratio summed, over their pre-ratio variances summed.
     */
    static double pooled(CupedRatioStatistic a, CupedRatioStatistic b) {
        double variance = a.preVariance() + b.preVariance();
        if (variance == 0 || !Double.isFinite(variance)) {
            return 0;
        }
        return (a.postPreCovariance() + b.postPreCovariance()) / variance;
    }

    /**
     * The pair with θ set; when θ is 0 (no variation in a period) the plain post-period statistics,
     * as gbstats falls back to an unadjusted analysis.
     */
    static ArmStatistic[] adjust(ArmStatistic a, ArmStatistic b) {
        if (a instanceof CupedStatistic ca && b instanceof CupedStatistic cb) {
            double theta = pooled(ca, cb);
            if (theta == 0) {
                return new ArmStatistic[] {ca.post(), cb.post()};
            }
            return new ArmStatistic[] {ca.withTheta(theta), cb.withTheta(theta)};
        }
        if (a instanceof CupedRatioStatistic ra && b instanceof CupedRatioStatistic rb) {
            double theta = pooled(ra, rb);
            if (theta == 0) {
                return new ArmStatistic[] {ra.unadjusted(), rb.unadjusted()};
            }
            return new ArmStatistic[] {ra.withTheta(theta), rb.withTheta(theta)};
        }
        return new ArmStatistic[] {a, b};
    }
}
