package dev.baton.measure.experiment;

import static dev.baton.measure.experiment.Figures.close;
import static dev.baton.measure.experiment.Figures.compare;
import static dev.baton.measure.experiment.Figures.rounded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CUPED on ratio metrics. Two independent checks: the figures gbstats' own test suite prints for
 * its regression-adjusted ratio case, and unit-level data worked out here by a different route
 * (the per-unit linearisation of the adjusted ratio, whose sample variance the 4×4 delta method
 * must reproduce exactly).
 */
class CupedRatioTest {

    /** gbstats 0.8.0 tests/frequentist/test_tests.py, test_two_sided_ttest_test_runs_ratio_ra (inputs as printed). */
    static final CupedRatioStatistic GA = new CupedRatioStatistic(100,
            new SampleMean(100, 485.112236689623, 2715.484666118136),
            new SampleMean(100, 679.9093275844917, 4939.424001640236),
            new SampleMean(100, 192.59138069991536, 460.076026390857),
            new SampleMean(100, 290.1398399750233, 920.9461385038898),
            new CupedRatioStatistic.Products(1113.6215759318352, 2130.9404074446747, 634.239482353647,
                    3602.146836776702, 1559.2878434944676, 1460.3181079276983));
    static final CupedRatioStatistic GB = new CupedRatioStatistic(100,
            new SampleMean(100, 514.7757826608777, 2994.897482705013),
            new SampleMean(100, 705.4090874383759, 5291.36604146392),
            new SampleMean(100, 206.94157227402536, 514.2903702246757),
            new SampleMean(100, 302.54389139107326, 994.4506208125663),
            new CupedRatioStatistic.Products(1237.0953021125997, 2292.081739775257, 698.4173425817908,
                    3918.1561431600717, 1701.0287270040265, 1604.0759503266522));

    @Test
    void relativeLiftMatchesGbstatsRatioRegressionAdjustment() {
        Comparison c = compare(Settings.defaults(), GA, GB);
        rounded(c.expected(), -0.0007, 5);
        rounded(c.ci().low(), -0.00841, 5);
        rounded(c.ci().high(), 0.00700, 5);
        rounded(c.upliftStddev(), 0.00391, 5);
        rounded(c.pValue(), 0.85771, 5);
        Comparison seq = compare(Settings.defaults().withMethod(Method.SEQUENTIAL), GA, GB);
        rounded(seq.ci().low(), -0.02063, 5);
        rounded(seq.ci().high(), 0.01923, 5);
        rounded(seq.pValue(), 1.0, 5);
    }

    @Test
    void theAdjustmentNarrowsTheIntervalOfThePlainRatio() {
        Comparison adjusted = compare(Settings.defaults(), GA, GB);
        Comparison plain = compare(Settings.defaults(), GA.unadjusted(), GB.unadjusted());
        assertThat(adjusted.upliftStddev()).isLessThan(plain.upliftStddev());
        // reported means are the observed ratios, as for CUPED on means
        close(adjusted.baselineMean(), 485.112236689623 / 679.9093275844917, 1e-15);
        MetricResult r = ExperimentAnalysis.compare("revenue per order",
                List.of(new Arm("control", GA), new Arm("treatment", GB)), Settings.defaults());
        assertThat(r.kind()).isEqualTo("cuped-ratio");
        assertThat(r.theta()).hasSize(1);
        assertThat(r.theta().get(0)).isGreaterThan(0);
    }

    /** Units of one arm: numerator, denominator, pre-numerator, pre-denominator. */
    record Units(double[] m, double[] d, double[] mp, double[] dp) {

        int n() {
            return m.length;
        }

        static Units generated(int n, long seed, double lift) {
            double[] m = new double[n];
            double[] d = new double[n];
            double[] mp = new double[n];
            double[] dp = new double[n];
            long x = seed;
            for (int i = 0; i < n; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
                double u = ((x >>> 11) & 0xFFFF) / 65536.0;
                x = x * 6364136223846793005L + 1442695040888963407L;
                double v = ((x >>> 11) & 0xFFFF) / 65536.0;
                dp[i] = 1 + Math.floor(4 * u);
                mp[i] = dp[i] * (2 + 3 * v);
                d[i] = dp[i] + Math.floor(2 * v);
                m[i] = d[i] * (2 + 3 * v) * lift + 5 * u;
            }
            return new Units(m, d, mp, dp);
        }

        CupedRatioStatistic statistic() {
            int n = n();
            return new CupedRatioStatistic(n, mean(m), mean(d), mean(mp), mean(dp),
                    new CupedRatioStatistic.Products(dot(m, mp), dot(d, dp), dot(mp, dp), dot(m, d), dot(m, dp),
                            dot(mp, d)));
        }

        private SampleMean mean(double[] x) {
            return new SampleMean(x.length, sum(x), dot(x, x));
        }

        /** Per unit: the linearised post ratio (m − R d)/d̄ and pre ratio (mₚ − Rₚ dₚ)/d̄ₚ. */
        double[][] linearised() {
            double r = sum(m) / sum(d);
            double rp = sum(mp) / sum(dp);
            double dBar = sum(d) / n();
            double dpBar = sum(dp) / n();
            double[] p = new double[n()];
            double[] q = new double[n()];
            for (int i = 0; i < n(); i++) {
                p[i] = (m[i] - r * d[i]) / dBar;
                q[i] = (mp[i] - rp * dp[i]) / dpBar;
            }
            return new double[][] {p, q};
        }

        double adjusted(double theta) {
            return sum(m) / sum(d) - theta * sum(mp) / sum(dp);
        }
    }

    static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** Sample covariance with n − 1, computed from the centred values. */
    static double cov(double[] x, double[] y) {
        double mx = sum(x) / x.length;
        double my = sum(y) / y.length;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (x.length - 1);
    }

    @Test
    void unitLevelDataGiveTheLinearisedThetaEstimateAndStandardError() {
        Units a = Units.generated(40, 7, 1.0);
        Units b = Units.generated(45, 11, 1.08);
        double[][] la = a.linearised();
        double[][] lb = b.linearised();
        double theta = (cov(la[0], la[1]) + cov(lb[0], lb[1])) / (cov(la[1], la[1]) + cov(lb[1], lb[1]));
        close(Theta.pooled(a.statistic(), b.statistic()), theta, 1e-9);

        // absolute: var(P − θQ) per arm
        double[] ra = new double[a.n()];
        double[] rb = new double[b.n()];
        for (int i = 0; i < a.n(); i++) {
            ra[i] = la[0][i] - theta * la[1][i];
        }
        for (int i = 0; i < b.n(); i++) {
            rb[i] = lb[0][i] - theta * lb[1][i];
        }
        double estimate = b.adjusted(theta) - a.adjusted(theta);
        double se = Math.sqrt(cov(ra, ra) / a.n() + cov(rb, rb) / b.n());
        Comparison abs = compare(Settings.defaults().withDifference(Difference.ABSOLUTE), a.statistic(), b.statistic());
        close(abs.expected(), estimate, 1e-9);
        close(abs.upliftStddev(), se, 1e-9);

        // relative: (R_B − R_A)/(M_A/D_A); the baseline's post ratio also moves the divisor
        double base = sum(a.m()) / sum(a.d());
        double[] relA = new double[a.n()];
        double[] relB = new double[b.n()];
        for (int i = 0; i < a.n(); i++) {
            relA[i] = -ra[i] / base - estimate / (base * base) * la[0][i];
        }
        for (int i = 0; i < b.n(); i++) {
            relB[i] = rb[i] / base;
        }
        Comparison rel = compare(Settings.defaults(), a.statistic(), b.statistic());
        close(rel.expected(), estimate / base, 1e-9);
        close(rel.upliftStddev(), Math.sqrt(cov(relA, relA) / a.n() + cov(relB, relB) / b.n()), 1e-9);
    }

    @Test
    void noVariationBeforeTheExperimentFallsBackToThePlainRatio() {
        Units a = Units.generated(30, 3, 1.0);
        Units b = Units.generated(30, 5, 1.1);
        double[] same = new double[30];
        java.util.Arrays.fill(same, 2);
        Units flatA = new Units(a.m(), a.d(), same, same);
        Units flatB = new Units(b.m(), b.d(), same, same);
        MetricResult r = ExperimentAnalysis.compare("m", List.of(new Arm("control", flatA.statistic()),
                new Arm("treatment", flatB.statistic())), Settings.defaults());
        assertThat(r.theta()).containsExactly(0.0);
        Comparison plain = compare(Settings.defaults(), flatA.statistic().unadjusted(), flatB.statistic().unadjusted());
        close(r.comparisons().get(0).upliftStddev(), plain.upliftStddev(), 1e-12);
    }

    @Test
    void aPrePeriodRatioThatDiffersBetweenArmsIsFlagged() {
        Units a = Units.generated(400, 7, 1.0);
        Units b = Units.generated(400, 11, 1.0);
        double[] inflated = b.mp().clone();
        for (int i = 0; i < inflated.length; i++) {
            inflated[i] *= 1.5;
        }
        Units skewed = new Units(b.m(), b.d(), inflated, b.dp());
        MetricResult flagged = ExperimentAnalysis.compare("revenue per order",
                List.of(new Arm("control", a.statistic()), new Arm("treatment", skewed.statistic())), Settings.defaults());
        assertThat(flagged.warnings()).singleElement().satisfies(w -> {
            assertThat(w.code()).isEqualTo("cuped-imbalance");
            assertThat(w.message()).contains("CUPED pre-period imbalance on revenue per order");
        });
        MetricResult balanced = ExperimentAnalysis.compare("revenue per order",
                List.of(new Arm("control", a.statistic()), new Arm("treatment", b.statistic())), Settings.defaults());
        assertThat(balanced.warnings()).isEmpty();
    }
}
