package dev.baton.measure.experiment;

/**
 * One arm against the baseline. Figures that do not apply to the method are null (a frequentist
 * test has no chance to win, a Bayesian one no p-value), and when the difference cannot be
 * estimated every figure is null and {@link #explanation} says why: no NaN, no infinity.
 *
 * @param ci             the interval; an open end of a one-sided interval is null
 * @param upliftStddev   the standard deviation of the estimate (posterior one for Bayesian)
 * @param pValueAdjusted Benjamini–Hochberg adjusted p-value when several were compared, else null
 * @param risk           expected loss of choosing [baseline, arm], Bayesian only
 * @param summary        one sentence for a person: the estimate, its interval and what it means
 */
public record Comparison(String arm, String baseline, long baselineN, long armN, double baselineMean,
                         double armMean, Double expected, Interval ci, Double upliftStddev, Double pValue,
                         Double pValueAdjusted, Double chanceToWin, Risk risk, String explanation, String summary) {

    /** A confidence (or credible) interval; null ends are open. */
    public record Interval(Double low, Double high) {
    }

    /** Expected loss of shipping the baseline and of shipping the arm, in the units of the difference. */
    public record Risk(double baseline, double arm) {
    }

    public boolean defined() {
        return explanation == null;
    }

    public Comparison withAdjustedPValue(double adjusted) {
        return new Comparison(arm, baseline, baselineN, armN, baselineMean, armMean, expected, ci, upliftStddev,
                pValue, adjusted, chanceToWin, risk, explanation, summary);
    }

    public Comparison withSummary(String value) {
        return new Comparison(arm, baseline, baselineN, armN, baselineMean, armMean, expected, ci, upliftStddev,
                pValue, pValueAdjusted, chanceToWin, risk, explanation, value);
    }
}
