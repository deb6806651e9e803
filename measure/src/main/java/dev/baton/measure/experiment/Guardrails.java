package dev.baton.measure.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The checks that say when a result should not be trusted as it stands: a sample ratio mismatch,
 * peeking at a fixed-horizon test, and CUPED covariates that differ between arms before the
 * experiment started (GrowthBook #4586: a pre-period imbalance means the randomisation or the
 * covariate is broken, and the adjustment can then move the estimate instead of sharpening it).
 */
final class Guardrails {

    /** A covariate difference this unlikely under randomisation is flagged. */
    static final double IMBALANCE_THRESHOLD = 0.001;

    private Guardrails() {
    }

    static List<Warning> srm(Srm.Result srm, List<String> arms, List<Long> users, List<Double> weights) {
        if (srm.explanation() != null) {
            return List.of(new Warning("srm-not-checked", null, "sample ratio not checked: " + srm.explanation()));
        }
        if (!srm.mismatch()) {
            return List.of();
        }
        double totalWeight = weights.stream().filter(w -> w != null).mapToDouble(Double::doubleValue).sum();
        List<String> split = new ArrayList<>();
        for (int i = 0; i < arms.size(); i++) {
            split.add(String.format(Locale.ROOT, "%s %s (planned %.1f%%)", arms.get(i),
                    users.get(i) == null ? "?" : String.format(Locale.ROOT, "%,d", users.get(i)),
                    weights.get(i) == null ? 0 : 100 * weights.get(i) / totalWeight));
        }
        return List.of(new Warning("srm-mismatch", null, String.format(Locale.ROOT,
                "sample ratio mismatch: p = %s < %s (χ² = %.2f, %d df): %s. Users did not reach the arms as "
                        + "planned, so the assignment or the tracking is broken; do not trust the results below "
                        + "until that is explained", Summaries.p(srm.pValue()), Srm.THRESHOLD, srm.chiSquare(),
                srm.degreesOfFreedom(), String.join(", ", split))));
    }

    static List<Warning> peeking(Method method, Plan plan, long users) {
        if (method == Method.SEQUENTIAL) {
            return List.of();
        }
        Long planned = plan.plannedUsers();
        boolean early = planned != null && users < planned;
        if (plan.previousLooks() > 0 && (planned == null || early)) {
            return List.of(new Warning("peeking", null, String.format(Locale.ROOT,
                    "peeking: results were looked at %d time%s before%s; a %s result is valid once, at the planned "
                            + "sample size, and every earlier look that could stop the test raises the false "
                            + "positive rate. Use method: sequential to look as often as you like",
                    plan.previousLooks(), plan.previousLooks() == 1 ? "" : "s",
                    planned == null ? "" : String.format(Locale.ROOT, " the planned %,d users (now %,d)", planned, users),
                    method.id())));
        }
        if (early) {
            return List.of(new Warning("planned-size-not-reached", null, String.format(Locale.ROOT,
                    "%,d of the planned %,d users (%.0f%%): this %s result is preliminary; deciding on it now is "
                            + "peeking. Use method: sequential to decide early", users, planned, 100.0 * users / planned,
                    method.id())));
        }
        return List.of();
    }

    /** Welch's test on the covariate means (a ratio's: the pre-period ratios) of the baseline and the arm. */
    static Optional<Warning> cupedImbalance(String metric, Arm baseline, Arm arm) {
        Covariate pa = Covariate.of(baseline.statistic());
        Covariate pb = Covariate.of(arm.statistic());
        if (pa == null || pb == null || pa.n() < 2 || pb.n() < 2) {
            return Optional.empty();
        }
        double va = pa.variance() / pa.n();
        double vb = pb.variance() / pb.n();
        if (!(va + vb > 0)) {
            if (pa.mean() != pb.mean()) {
                return Optional.of(imbalance(metric, baseline, arm, pa, pb, 0));
            }
            return Optional.empty();
        }
        double t = (pb.mean() - pa.mean()) / Math.sqrt(va + vb);
        double dof = (va + vb) * (va + vb) / (va * va / (pa.n() - 1.0) + vb * vb / (pb.n() - 1.0));
        double p = Distributions.tTwoSided(t, dof);
        return p < IMBALANCE_THRESHOLD ? Optional.of(imbalance(metric, baseline, arm, pa, pb, p)) : Optional.empty();
    }

    /** The pre-period figures of an adjusted metric: its units, mean and per-unit variance. */
    private record Covariate(long n, double mean, double variance) {

        static Covariate of(ArmStatistic s) {
            if (s instanceof CupedStatistic c) {
                return new Covariate(c.pre().n(), c.pre().mean(), c.pre().variance());
            }
            if (s instanceof CupedRatioStatistic r) {
                return new Covariate(r.n(), r.preRatio(), r.preVariance());
            }
            return null;
        }
    }

    private static Warning imbalance(String metric, Arm baseline, Arm arm, Covariate pa, Covariate pb, double p) {
        return new Warning("cuped-imbalance", metric, String.format(Locale.ROOT,
                "CUPED pre-period imbalance on %s: the covariate's mean was %s in '%s' and %s in '%s' before the "
                        + "experiment (Welch p = %s < %s). Randomised arms should not differ before treatment: check "
                        + "the assignment and the covariate window; the adjusted estimate can be biased",
                metric, Summaries.number(pa.mean()), baseline.name(), Summaries.number(pb.mean()), arm.name(),
                Summaries.p(p), IMBALANCE_THRESHOLD));
    }
}
