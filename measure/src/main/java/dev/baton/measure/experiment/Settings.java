package dev.baton.measure.experiment;

/**
 * How an experiment is analysed.
 *
 * @param prior            null for GrowthBook's default improper flat prior
 * @param sequentialTuning N* of the confidence sequence: the sample size at which it is tightest
 */
public record Settings(Method method, Difference difference, double alpha, Alternative alternative,
                       double sequentialTuning, Prior prior) {

    public static final double DEFAULT_ALPHA = 0.05;
    public static final double DEFAULT_TUNING = 5000;

    public static Settings defaults() {
        return new Settings(Method.FREQUENTIST, Difference.RELATIVE, DEFAULT_ALPHA, Alternative.TWO_SIDED,
                DEFAULT_TUNING, null);
    }

    public Settings withMethod(Method value) {
        return new Settings(value, difference, alpha, alternative, sequentialTuning, prior);
    }

    public Settings withDifference(Difference value) {
        return new Settings(method, value, alpha, alternative, sequentialTuning, prior);
    }

    public Settings withAlpha(double value) {
        return new Settings(method, difference, value, alternative, sequentialTuning, prior);
    }

    public Settings withAlternative(Alternative value) {
        return new Settings(method, difference, alpha, value, sequentialTuning, prior);
    }

    public Settings withSequentialTuning(double value) {
        return new Settings(method, difference, alpha, alternative, value, prior);
    }

    public Settings withPrior(Prior value) {
        return new Settings(method, difference, alpha, alternative, sequentialTuning, value);
    }

    public boolean relative() {
        return difference == Difference.RELATIVE;
    }
}
