package dev.baton.measure.experiment;

/**
 * Sample size and minimum detectable effect of a two-arm test with equal arms, by the normal
 * approximation.
 * <ul>
 * <li>Mean metric (variance σ² in both arms): n per arm = (z_a + z_b)²·2σ²/δ², so
 * δ = (z_a + z_b)·σ·sqrt(2/n).</li>
 * <li>Proportion p1 → p2 = p1 + δ: n per arm = (z_a·sqrt(2 p̄(1−p̄)) + z_b·sqrt(p1(1−p1) + p2(1−p2)))²/δ²
 * with p̄ = (p1+p2)/2: the pooled variance under H0, the unpooled one under H1 (Fleiss, Levin &amp;
 * Paik, <i>Statistical Methods for Rates and Proportions</i>, 3rd ed., eq. 4.14 without continuity
 * correction; R's {@code power.prop.test}). The MDE for a given n solves this for δ &gt; 0.</li>
 * </ul>
 * z_a = Φ⁻¹(1 − α/2) two-sided or Φ⁻¹(1 − α) one-sided; z_b = Φ⁻¹(power). A relative effect is
 * δ/baseline. n is rounded up to whole units. For means, R's {@code power.t.test} (t quantiles)
 * asks for one or two units more per arm at these sizes.
 */
public final class Power {

    private Power() {
    }

    /** The baseline: a proportion p, or a mean with its per-unit variance. */
    public record Baseline(boolean proportion, double mean, double variance) {

        public static Baseline proportion(double p) {
            return new Baseline(true, p, p * (1 - p));
        }

        public static Baseline mean(double mean, double variance) {
            return new Baseline(false, mean, variance);
        }
    }

    /**
     * @param nPerArm     units per arm
     * @param absoluteMde the smallest absolute difference detected with the given power
     * @param relativeMde absoluteMde/|baseline mean|, or null when the baseline mean is 0
     */
    public record Result(long nPerArm, double absoluteMde, Double relativeMde, double alpha, double power,
                         boolean twoSided, String formula) {
    }

    static double zAlpha(double alpha, boolean twoSided) {
        return Distributions.normalQuantile(1 - (twoSided ? alpha / 2 : alpha));
    }

    /** Units per arm to detect {@code absoluteEffect} (may be negative) with the given power. */
    public static Result sampleSize(Baseline baseline, double absoluteEffect, double alpha, double power,
                                    boolean twoSided) {
        double za = zAlpha(alpha, twoSided);
        double zb = Distributions.normalQuantile(power);
        double n = exactN(baseline, absoluteEffect, za, zb);
        return result(baseline, (long) Math.ceil(n - 1e-9), absoluteEffect, alpha, power, twoSided);
    }

    /** The smallest increase detected with n units per arm. */
    public static Result minimumDetectableEffect(Baseline baseline, long nPerArm, double alpha, double power,
                                                 boolean twoSided) {
        double za = zAlpha(alpha, twoSided);
        double zb = Distributions.normalQuantile(power);
        double delta;
        if (!baseline.proportion()) {
            delta = (za + zb) * Math.sqrt(baseline.variance()) * Math.sqrt(2.0 / nPerArm);
        } else {
            // exactN falls as δ grows on (0, 1 − p1): bisect for exactN(δ) = n.
            double lo = 0;
            double hi = 1 - baseline.mean();
            if (exactN(baseline, hi, za, zb) > nPerArm) {
                delta = hi;
            } else {
                for (int i = 0; i < 200; i++) {
                    double mid = 0.5 * (lo + hi);
                    if (exactN(baseline, mid, za, zb) > nPerArm) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                delta = hi;
            }
        }
        return result(baseline, nPerArm, delta, alpha, power, twoSided);
    }

    private static double exactN(Baseline baseline, double delta, double za, double zb) {
        if (!baseline.proportion()) {
            return Math.pow(za + zb, 2) * 2 * baseline.variance() / (delta * delta);
        }
        double p1 = baseline.mean();
        double p2 = p1 + delta;
        double pbar = (p1 + p2) / 2;
        double root = za * Math.sqrt(2 * pbar * (1 - pbar)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return root * root / (delta * delta);
    }

    private static Result result(Baseline baseline, long n, double delta, double alpha, double power,
                                 boolean twoSided) {
        String formula = baseline.proportion()
                ? "n = (z_a·sqrt(2p̄(1−p̄)) + z_b·sqrt(p1(1−p1)+p2(1−p2)))²/δ² (Fleiss; R power.prop.test)"
                : "n = (z_a + z_b)²·2σ²/δ² (normal approximation)";
        return new Result(n, Math.abs(delta), baseline.mean() == 0 ? null : Math.abs(delta / baseline.mean()), alpha,
                power, twoSided, formula);
    }
}
