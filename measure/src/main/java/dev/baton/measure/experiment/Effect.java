package dev.baton.measure.experiment;

/**
 * The estimated difference between an arm and the baseline with its standard error, or why there
 * is none. Built by {@link #of}, which follows gbstats' {@code EffectMoments}.
 *
 * @param baseline    the baseline's statistic after CUPED's θ was set
 * @param arm         the arm's statistic after CUPED's θ was set
 * @param explanation null when the estimate exists; otherwise a sentence saying why not
 */
record Effect(ArmStatistic baseline, ArmStatistic arm, double estimate, double standardError, String explanation) {

    boolean defined() {
        return explanation == null;
    }

    /** Welch–Satterthwaite degrees of freedom on the two arms' (adjusted) variances. */
    double dof() {
        double va = baseline.variance() / baseline.n();
        double vb = arm.variance() / arm.n();
        double numerator = (va + vb) * (va + vb);
        double denominator = vb * vb / (arm.n() - 1.0) + va * va / (baseline.n() - 1.0);
        return numerator / denominator;
    }

    static Effect of(String baselineName, ArmStatistic baselineStat, String armName, ArmStatistic armStat,
                     boolean relative) {
        ArmStatistic[] pair = Theta.adjust(baselineStat, armStat);
        ArmStatistic a = pair[0];
        ArmStatistic b = pair[1];
        for (var named : new Object[][] {{baselineName, a}, {armName, b}}) {
            ArmStatistic s = (ArmStatistic) named[1];
            if (s.n() < 2) {
                return undefined(a, b, "'" + named[0] + "' has " + s.n() + " unit" + (s.n() == 1 ? "" : "s")
                        + ": a variance needs at least 2, so there is no standard error");
            }
            if (!(s.variance() > 0)) {
                return undefined(a, b, "'" + named[0] + "' has zero variance (every unit has the same value"
                        + (s instanceof Proportion ? ": all or none converted" : "")
                        + "), so the difference has no standard error");
            }
        }
        if (relative && (a.mean() == 0 || a.unadjustedMean() == 0)) {
            return undefined(a, b, "the baseline '" + baselineName + "' has mean 0, so a relative lift is undefined;"
                    + " use difference: absolute");
        }
        double variance = variance(a, b, relative);
        if (!(variance > 0) || !Double.isFinite(variance)) {
            return undefined(a, b, "the variance of the difference is not positive (" + variance
                    + "), so there is no standard error");
        }
        double estimate = relative
                ? (b.mean() - a.mean()) / Math.abs(a.unadjustedMean())
                : b.mean() - a.mean();
        return new Effect(a, b, estimate, Math.sqrt(variance), null);
    }

    private static Effect undefined(ArmStatistic a, ArmStatistic b, String why) {
        return new Effect(a, b, 0, 0, why);
    }

    /**
     * gbstats' {@code frequentist_variance_all_cases}: the delta method on the unadjusted baseline
     * mean, var_B/(n_B m_A²) + var_A m_B²/(n_A m_A⁴), with CUPED's own form for a relative lift.
     */
    static double variance(ArmStatistic a, ArmStatistic b, boolean relative) {
        if (relative && a instanceof CupedStatistic ca && b instanceof CupedStatistic cb) {
            return relativeCupedVariance(ca, cb);
        }
        if (relative && a instanceof CupedRatioStatistic ra && b instanceof CupedRatioStatistic rb) {
            return relativeCupedRatioVariance(ra, rb);
        }
        double vb = b.variance() / b.n();
        double va = a.variance() / a.n();
        if (relative) {
            return RatioStatistic.varianceOfRatio(b.unadjustedMean(), vb, a.unadjustedMean(), va, 0);
        }
        return vb + va;
    }

    /** gbstats' {@code frequentist_variance_relative_cuped}, term for term. */
    private static double relativeCupedVariance(CupedStatistic a, CupedStatistic b) {
        double m = a.unadjustedMean();
        double denTreatment = b.n() * m * m;
        double denControl = a.n() * m * m;
        if (denTreatment == 0 || denControl == 0) {
            return 0;
        }
        double theta = a.theta();
        double treatment = (b.post().variance() + theta * theta * b.pre().variance() - 2 * theta * b.covariance())
                / denTreatment;
        double c = -b.post().mean();
        double numA = a.post().variance() * c * c / (a.post().mean() * a.post().mean());
        double numB = 2 * theta * a.covariance() * c / a.post().mean();
        double numC = theta * theta * a.pre().variance();
        return treatment + (numA + numB + numC) / denControl;
    }

    /**
     * The relative lift (R_B − R_A)/|M_A/D_A| of two adjusted ratios R = M/D − θ Mₚ/Dₚ, by the delta
     * method on the eight means (four per arm): the baseline's numerator and denominator move both
     * the difference and the unadjusted ratio it is divided by, as in gbstats'
     * {@code frequentist_variance_relative_cuped_ratio}.
     */
    private static double relativeCupedRatioVariance(CupedRatioStatistic a, CupedRatioStatistic b) {
        double base = Math.abs(a.unadjustedMean());
        double d = a.denominator().mean();
        if (base == 0 || d == 0) {
            return 0;
        }
        double difference = b.mean() - a.mean();
        double[] ga = a.gradient(a.theta());
        double m = a.numerator().mean();
        double[] gradientA = {
            -(base + difference) / d / (base * base),
            (m * base / (d * d) + m * difference / (d * d)) / (base * base),
            -ga[2] / base,
            -ga[3] / base};
        double[] gb = b.gradient(b.theta());
        double[] gradientB = new double[4];
        for (int i = 0; i < 4; i++) {
            gradientB[i] = gb[i] / base;
        }
        return CupedRatioStatistic.quadratic(gradientA, a.covarianceMatrix()) / a.n()
                + CupedRatioStatistic.quadratic(gradientB, b.covarianceMatrix()) / b.n();
    }
}
