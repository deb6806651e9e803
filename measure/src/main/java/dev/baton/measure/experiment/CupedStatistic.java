package dev.baton.measure.experiment;

/**
 * A metric with its pre-period covariate (CUPED regression adjustment): adjusted mean
 * post − θ·pre, variance var_post + θ² var_pre − 2θ cov. θ is shared by all arms of a comparison
 * and set by {@link Theta#adjust}; 0 means not adjusted.
 */
public record CupedStatistic(long n, Moments post, Moments pre, double sumOfProducts, double theta)
        implements Adjusted {

    public CupedStatistic(long n, Moments post, Moments pre, double sumOfProducts) {
        this(n, post, pre, sumOfProducts, 0);
    }

    CupedStatistic withTheta(double value) {
        return new CupedStatistic(n, post, pre, sumOfProducts, value);
    }

    @Override
    public double mean() {
        return post.mean() - theta * pre.mean();
    }

    @Override
    public double unadjustedMean() {
        return post.mean();
    }

    @Override
    public double variance() {
        if (n <= 1) {
            return 0;
        }
        return post.variance() + theta * theta * pre.variance() - 2 * theta * covariance();
    }

    /** cov(post, pre) within the arm. */
    public double covariance() {
        return Moments.covariance(n, post, pre, sumOfProducts);
    }

    @Override
    public String kind() {
        return "cuped";
    }
}
