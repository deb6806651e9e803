package dev.baton.measure.experiment;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/**
 * The normal, Student t and chi-squared functions the tests need, written so that tail
 * probabilities keep their relative precision (a p-value of 1e-40 is computed as such, not as
 * {@code 1 - 0.99999…}) and quantiles are refined to full double precision: commons-math's own
 * inverse t stops at an absolute accuracy of 1e-9 and its inverse normal at a few ulps, which would
 * show in the ninth digit of a confidence interval that scipy gives exactly.
 */
final class Distributions {

    private static final double SQRT2 = Math.sqrt(2);
    private static final double SQRT2PI = Math.sqrt(2 * Math.PI);

    private Distributions() {
    }

    /** Φ(z), accurate in the lower tail. */
    static double normalCdf(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /** 1 − Φ(z), accurate in the upper tail. */
    static double normalSf(double z) {
        return 0.5 * Erf.erfc(z / SQRT2);
    }

    static double normalPdf(double z) {
        return Math.exp(-0.5 * z * z) / SQRT2PI;
    }

    /** Φ⁻¹(p) for 0 &lt; p &lt; 1, polished with Newton steps on the tail that is small. */
    static double normalQuantile(double p) {
        if (p <= 0 || p >= 1) {
            throw new IllegalArgumentException("expected a probability strictly between 0 and 1, found " + p);
        }
        double x = SQRT2 * Erf.erfInv(2 * p - 1);
        if (!Double.isFinite(x)) {
            x = p < 0.5 ? -38 : 38;
        }
        for (int i = 0; i < 3; i++) {
            double density = normalPdf(x);
            if (density == 0) {
                break;
            }
            // Work on the smaller tail so that the residual keeps its relative precision.
            double residual = p < 0.5 ? normalCdf(x) - p : (1 - p) - normalSf(x);
            x -= residual / density;
        }
        return x;
    }

    /** P(T &gt; t) for Student t with {@code dof} degrees of freedom. */
    static double tSf(double t, double dof) {
        double tail = 0.5 * incompleteBeta(dof / (dof + t * t), dof / 2, 0.5);
        return t >= 0 ? tail : 1 - tail;
    }

    /**
     * I_x(a, b) with a tighter continued-fraction tolerance than commons-math's default 1e-14: with a
     * = dof/2 in the millions (unit-level data) the default stops ~1e-9 short in relative terms.
     */
    private static double incompleteBeta(double x, double a, double b) {
        try {
            return Beta.regularizedBeta(x, a, b, 1e-16, 100_000);
        } catch (org.apache.commons.math3.exception.MathIllegalStateException e) {
            return Beta.regularizedBeta(x, a, b);
        }
    }

    /** P(T ≤ t). */
    static double tCdf(double t, double dof) {
        return tSf(-t, dof);
    }

    /** P(|T| ≥ |t|): the two-sided p-value, computed directly rather than as 2(1 − F). */
    static double tTwoSided(double t, double dof) {
        return incompleteBeta(dof / (dof + t * t), dof / 2, 0.5);
    }

    /**
     * The t quantile: the Cornish–Fisher expansion around the normal quantile (Abramowitz &amp; Stegun
     * 26.7.5) polished by Newton steps on the exact distribution function; below 30 degrees of
     * freedom, where the expansion is poor in the tails, commons-math's bracketing solver gives the
     * start; from 2,000 on the expansion alone is exact to double precision for |z| &lt; 5.
     */
    static double tQuantile(double p, double dof) {
        double x;
        if (dof < 30) {
            x = new TDistribution(null, dof, 1e-12).inverseCumulativeProbability(p);
        } else {
            double z = normalQuantile(p);
            double z2 = z * z;
            double g1 = (z2 + 1) * z / 4;
            double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
            double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
            double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
            x = z + (g1 + (g2 + (g3 + g4 / dof) / dof) / dof) / dof;
            if (dof >= 2000 && Math.abs(z) < 5) {
                // The next term is below 1e-13 of x here, and the continued fraction of the exact
                // distribution function loses more than that when dof/2 runs into the millions.
                return x;
            }
        }
        double logScale = Gamma.logGamma((dof + 1) / 2) - Gamma.logGamma(dof / 2) - 0.5 * Math.log(dof * Math.PI);
        for (int i = 0; i < 10; i++) {
            double density = Math.exp(logScale - (dof + 1) / 2 * Math.log1p(x * x / dof));
            if (density == 0) {
                break;
            }
            double residual = p < 0.5 ? tCdf(x, dof) - p : (1 - p) - tSf(x, dof);
            double step = residual / density;
            x -= step;
            if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
    }

    /** P(χ²_df &gt; x), accurate far into the tail. */
    static double chiSquaredSf(double x, double df) {
        if (x <= 0) {
            return 1;
        }
        return Gamma.regularizedGammaQ(df / 2, x / 2);
    }
}
