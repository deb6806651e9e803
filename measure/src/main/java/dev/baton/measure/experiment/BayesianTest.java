package dev.baton.measure.experiment;

/**
 * GrowthBook's effect-based Bayesian test ({@code EffectBayesianABTest}): the likelihood of the
 * effect is N(est, se²); with a proper prior N(μ0, σ0²) the posterior precision is
 * 1/se² + 1/σ0² and its mean (est/se² + μ0/σ0²)/precision; with the default improper flat prior
 * the posterior is the likelihood. Chance to win = P(δ &gt; 0); the credible interval is the
 * posterior's α/2 and 1 − α/2 quantiles; risk = [P(δ&gt;0)·E[δ|δ&gt;0], −P(δ&lt;0)·E[δ|δ&lt;0]]
 * from truncated normal means: the expected loss of keeping the baseline and of shipping the arm.
 */
final class BayesianTest {

    /** Beyond |μ/σ| = 37 one tail probability is exactly 0 in doubles: gbstats takes the limit. */
    static final double SHORT_CIRCUIT = 37;

    private BayesianTest() {
    }

    static Comparison compare(Effect effect, Settings settings, Comparison head) {
        double dataMean = effect.estimate();
        double dataVariance = effect.standardError() * effect.standardError();
        Prior prior = settings.prior();
        double priorMean = 0;
        double priorVariance = 0;
        if (prior != null) {
            priorMean = prior.mean();
            priorVariance = prior.variance();
            if (!settings.relative()) {
                double baseline = effect.baseline().unadjustedMean();
                if (baseline == 0) {
                    return Comparisons.undefined(head, "the baseline '" + head.baseline() + "' has mean 0, so the"
                            + " relative prior cannot be scaled to an absolute difference");
                }
                priorMean *= Math.abs(baseline);
                priorVariance *= baseline * baseline;
            }
        }
        double precision = 1 / dataVariance + (prior != null ? 1 / priorVariance : 0);
        double mean = prior != null ? (dataMean / dataVariance + priorMean / priorVariance) / precision : dataMean;
        double sd = Math.sqrt(1 / precision);
        double chanceToWin = Distributions.normalCdf(mean / sd);
        double alpha = settings.alpha();
        Comparison.Interval ci = new Comparison.Interval(mean + sd * Distributions.normalQuantile(alpha / 2),
                mean + sd * Distributions.normalQuantile(1 - alpha / 2));
        return Comparisons.bayesian(head, mean, ci, sd, chanceToWin, risk(mean, sd));
    }

    /** gbstats' {@code get_risk}, with the truncated means written through Mills ratios. */
    static Comparison.Risk risk(double mu, double sigma) {
        if (sigma > 0 && Math.abs(mu / sigma) > SHORT_CIRCUIT) {
            return new Comparison.Risk(Math.max(mu, 0), Math.max(-mu, 0));
        }
        double z = mu / sigma;
        double probArmBetter = Distributions.normalCdf(z);
        double probBaselineBetter = Distributions.normalSf(z);
        double density = Distributions.normalPdf(z);
        // E[δ | δ > 0] = μ + σ φ(z)/Φ(z); E[δ | δ < 0] = μ − σ φ(z)/(1 − Φ(z)).
        double meanPositive = mu + sigma * density / probArmBetter;
        double meanNegative = mu - sigma * density / probBaselineBetter;
        return new Comparison.Risk(probArmBetter * meanPositive, -probBaselineBetter * meanNegative);
    }
}
