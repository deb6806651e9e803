package dev.baton.measure.experiment;

/** Builds {@link Comparison}s: the shared head (names, sizes, means) and each method's figures. */
final class Comparisons {

    private Comparisons() {
    }

    /** Names, sizes and observed (unadjusted) means, as GrowthBook reports its conversion rates. */
    static Comparison head(String baseline, ArmStatistic a, String arm, ArmStatistic b) {
        return new Comparison(arm, baseline, a.n(), b.n(), a.unadjustedMean(), b.unadjustedMean(), null, null, null,
                null, null, null, null, null, null);
    }

    static Comparison undefined(Comparison head, String explanation) {
        return new Comparison(head.arm(), head.baseline(), head.baselineN(), head.armN(), head.baselineMean(),
                head.armMean(), null, null, null, null, null, null, null, explanation, null);
    }

    static Comparison frequentist(Comparison head, double expected, Comparison.Interval ci, double stddev,
                                  Double pValue) {
        return new Comparison(head.arm(), head.baseline(), head.baselineN(), head.armN(), head.baselineMean(),
                head.armMean(), expected, ci, stddev, pValue, null, null, null, null, null);
    }

    static Comparison bayesian(Comparison head, double expected, Comparison.Interval ci, double stddev,
                               double chanceToWin, Comparison.Risk risk) {
        return new Comparison(head.arm(), head.baseline(), head.baselineN(), head.armN(), head.baselineMean(),
                head.armMean(), expected, ci, stddev, null, null, chanceToWin, risk, null, null);
    }
}
