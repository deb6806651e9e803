package dev.baton.measure.experiment;

/** n, Σx and Σx² of a per-unit value; sample variance with n − 1. */
public record SampleMean(long n, double sum, double sumSquares) implements Moments {

    @Override
    public double mean() {
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public double variance() {
        if (n <= 1) {
            return 0;
        }
        return (sumSquares - sum * sum / n) / (n - 1);
    }

    @Override
    public String kind() {
        return "mean";
    }
}
