package dev.baton.measure.experiment;

/** n units of which {@code sum} converted; variance p(1 − p) with no n − 1 correction, as gbstats. */
public record Proportion(long n, double sum) implements Moments {

    @Override
    public double sumSquares() {
        return sum;
    }

    @Override
    public double mean() {
        return n == 0 ? 0 : sum / n;
    }

    @Override
    public double variance() {
        double p = mean();
        return p * (1 - p);
    }

    @Override
    public String kind() {
        return "proportion";
    }
}
