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
        double tail = 0.5 * Beta.regularizedBeta(dof / (dof + t * t), dof / 2, 0.5);
        return t >= 0 ? tail : 1 - tail;
    }

    /** P(T ≤ t). */
    static double tCdf(double t, double dof) {
        return tSf(-t, dof);
    }

    /** P(|T| ≥ |t|): the two-sided p-value, computed directly rather than as 2(1 − F). */
    static double tTwoSided(double t, double dof) {
        return Beta.regularizedBeta(dof / (dof + t * t), dof / 2, 0.5);
    }

    /** The t quantile, commons-math's bracketing answer refined by Newton steps. */
    static double tQuantile(double p, double dof) {
        double x = new TDistribution(null, dof, 1e-12).inverseCumulativeProbability(p);
        TDistribution density = new TDistribution(null, dof);
        for (int i = 0; i < 3; i++) {
            double f = density.density(x);
            if (f == 0) {
                break;
            }
            double residual = p < 0.5 ? tCdf(x, dof) - p : (1 - p) - tSf(x, dof);
            x -= residual / f;
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
