package dev.baton.measure.experiment;

/**
 * GrowthBook's sequential test: asymptotic confidence sequences (Waudby-Smith et al. 2023,
 * arXiv 2103.06476v7), valid however often the results are looked at.
 * <ul>
 * <li>ρ = sqrt((−2 ln α + ln(−2 ln α + 1))/N*) (eq. 161), with 2α in place of α one-sided;</li>
 * <li>with n = n_A + n_B and s² = se²·n, two-sided half-width
 * sqrt(s²)·sqrt(2(nρ²+1)/(n²ρ²)·ln(sqrt(nρ²+1)/α)) (eq. 9) and one-sided
 * sqrt(s²·2(nρ²+1)/(n²ρ²)·ln(1 + sqrt(nρ²+1)/(2α))) (eq. 134);</li>
 * <li>two-sided p = min(1, sqrt(nρ²+1)·exp(−ρ² n (est/se)²/(2(nρ²+1)))) (eq. 155); one-sided p is
 * the α at which the interval's closed end touches 0, found by bisection on [1e-5, 0.4999] as
 * gbstats does (its bounds are the smallest and largest p reported).</li>
 * </ul>
 */
final class SequentialTest {

    static final double MIN_ALPHA = 1e-5;
    static final double MAX_ALPHA = 0.4999;

    private SequentialTest() {
    }

    static double rho(double alpha, double tuning, boolean twoSided) {
        double a = twoSided ? alpha : 2 * alpha;
        return Math.sqrt((-2 * Math.log(a) + Math.log(-2 * Math.log(a) + 1)) / tuning);
    }

    static double halfWidthTwoSided(double s2, double n, double alpha, double rho) {
        double nr2 = n * rho * rho;
        return Math.sqrt(s2) * Math.sqrt(2 * (nr2 + 1) * Math.log(Math.sqrt(nr2 + 1) / alpha) / Math.pow(n * rho, 2));
    }

    static double halfWidthOneSided(double s2, double n, double alpha, double rho) {
        double nr2 = n * rho * rho;
        return Math.sqrt(s2 * (2 * (nr2 + 1) / Math.pow(n * rho, 2)) * Math.log(1 + Math.sqrt(nr2 + 1) / (2 * alpha)));
    }

    static Comparison compare(Effect effect, Settings settings, Comparison head) {
        double est = effect.estimate();
        double se = effect.standardError();
        double n = effect.baseline().n() + effect.arm().n();
        double s2 = se * se * n;
        double alpha = settings.alpha();
        double tuning = settings.sequentialTuning();
        if (settings.alternative() == Alternative.TWO_SIDED) {
            double rho = rho(alpha, tuning, true);
            double half = halfWidthTwoSided(s2, n, alpha, rho);
            double tr2p1 = n * rho * rho + 1;
            double st2 = est * est * n / (se * se);
            // 1/e-value, written as exp(−x)·sqrt(…) so that a huge statistic gives 0 rather than 1/∞.
            double p = Math.min(1, Math.exp(-rho * rho * st2 / (2 * tr2p1)) * Math.sqrt(tr2p1));
            return Comparisons.frequentist(head, est, new Comparison.Interval(est - half, est + half), se, p);
        }
        boolean lesser = settings.alternative() == Alternative.LESS;
        double rho = rho(alpha, tuning, false);
        double half = halfWidthOneSided(s2, n, alpha, rho);
        Comparison.Interval ci = lesser ? new Comparison.Interval(null, est + half)
                : new Comparison.Interval(est - half, null);
        Double p = oneSidedP(est, s2, n, rho, lesser);
        return Comparisons.frequentist(head, est, ci, se, p);
    }

    /** The closed end of the one-sided interval at level a. */
    private static double bound(double est, double s2, double n, double a, double rho, boolean lesser) {
        double half = halfWidthOneSided(s2, n, a, rho);
        return lesser ? est + half : est - half;
    }

    /** gbstats' {@code SequentialOneSidedTreatmentLesserTTest.compute_p_value}; null if it does not converge. */
    static Double oneSidedP(double est, double s2, double n, double rho, boolean lesser) {
        double lo = MIN_ALPHA;
        double hi = MAX_ALPHA;
        double small = bound(est, s2, n, lo, rho, lesser);
        if (lesser ? small < 0 : small > 0) {
            return MIN_ALPHA;
        }
        double big = bound(est, s2, n, hi, rho, lesser);
        if (lesser ? big > 0 : big < 0) {
            return MAX_ALPHA;
        }
        double a = 0.5 * (lo + hi);
        double diff = 0;
        for (int i = 0; i < 100; i++) {
            diff = bound(est, s2, n, a, rho, lesser);
            boolean includesZero = lesser ? diff > 0 : diff < 0;
            if (includesZero) {
                lo = a;
            } else {
                hi = a;
            }
            a = 0.5 * (lo + hi);
            if (Math.abs(diff) < 1e-6) {
                break;
            }
        }
        return Math.abs(diff) < 1e-6 ? a : null;
    }
}
