package dev.baton.measure.experiment;

/** A metric summed per unit: a count or value ({@link SampleMean}) or a conversion ({@link Proportion}). */
public sealed interface Moments extends ArmStatistic permits SampleMean, Proportion {

    double sum();

    double sumSquares();

    /**
     * The covariance of two such metrics measured on the same units, as gbstats'
     * {@code compute_covariance}: population form when both are proportions, n − 1 otherwise.
     */
    static double covariance(long n, Moments a, Moments b, double sumOfProducts) {
        if (n <= 1) {
            return 0;
        }
        if (a instanceof Proportion && b instanceof Proportion) {
            return sumOfProducts / n - a.sum() * b.sum() / ((double) n * n);
        }
        return (sumOfProducts - a.sum() * b.sum() / n) / (n - 1);
    }

    /** The two metrics pooled as if they were one arm (gbstats' {@code create_joint_statistic}). */
    static Moments joint(Moments a, Moments b) {
        long n = a.n() + b.n();
        if (a instanceof Proportion && b instanceof Proportion) {
            return new Proportion(n, a.sum() + b.sum());
        }
        return new SampleMean(n, a.sum() + b.sum(), a.sumSquares() + b.sumSquares());
    }
}
