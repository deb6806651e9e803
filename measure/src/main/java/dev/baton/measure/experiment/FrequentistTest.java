package dev.baton.measure.experiment;

/**
 * Welch's unequal-variance t-test on the delta-method effect (gbstats' {@code TwoSidedTTest},
 * {@code OneSidedTreatmentGreaterTTest}, {@code OneSidedTreatmentLesserTTest}): t = est/se with
 * Welch–Satterthwaite degrees of freedom; two-sided p = P(|T| ≥ |t|), CI = est ± t_{1−α/2}·se;
 * one-sided p = P(T ≥ t) (greater) or P(T ≤ t) (less) with the interval open on the other side.
 */
final class FrequentistTest {

    private FrequentistTest() {
    }

    static Comparison compare(Effect effect, Settings settings, Comparison unestimated) {
        double est = effect.estimate();
        double se = effect.standardError();
        double dof = effect.dof();
        double t = est / se;
        double alpha = settings.alpha();
        return switch (settings.alternative()) {
            case TWO_SIDED -> {
                double half = Distributions.tQuantile(1 - alpha / 2, dof) * se;
                yield Comparisons.frequentist(unestimated, est, new Comparison.Interval(est - half, est + half), se,
                        Distributions.tTwoSided(t, dof));
            }
            case GREATER -> {
                double half = Distributions.tQuantile(1 - alpha, dof) * se;
                yield Comparisons.frequentist(unestimated, est, new Comparison.Interval(est - half, null), se,
                        Distributions.tSf(t, dof));
            }
            case LESS -> {
                double half = Distributions.tQuantile(1 - alpha, dof) * se;
                yield Comparisons.frequentist(unestimated, est, new Comparison.Interval(null, est + half), se,
                        Distributions.tCdf(t, dof));
            }
        };
    }
}
