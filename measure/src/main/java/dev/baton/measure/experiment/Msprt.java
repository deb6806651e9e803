package dev.baton.measure.experiment;

/**
 * The mixture sequential probability ratio test (Johari, Koomen, Pekelis &amp; Walsh 2017, "Peeking
 * at A/B tests"; the method behind Optimizely's Stats Engine) on paired observations (x_i control,
 * y_i treatment) arriving one pair at a time, with a normal mixing distribution N(θ0, τ²) on the
 * effect. After n pairs, with means x̄ and ȳ:
 * <ul>
 * <li>normal data with known σ: Λ_n = sqrt(2σ²/(2σ²+nτ²)) · exp(n²τ²(ȳ−x̄−θ0)²/(4σ²(2σ²+nτ²)));</li>
 * <li>Bernoulli data: V_n = x̄(1−x̄) + ȳ(1−ȳ), Λ_n = sqrt(V_n/(V_n+nτ²)) · exp(n²τ²(ȳ−x̄−θ0)²/(2V_n(V_n+nτ²))).</li>
 * </ul>
 * Λ_n = 0 during the burn-in (n ≤ burn-in) and while V_n = 0. The always-valid p-value is
 * p_n = min(p_{n−1}, 1/Λ_n) with p_0 = 1; H0 is rejected once Λ_n ≥ 1/α, and stays rejected.
 * θ0 is 0 (no difference) here.
 */
public final class Msprt {

    /** Which likelihood the observations follow. */
    public enum Family { NORMAL, BERNOULLI }

    private final Family family;
    private final double sigma;
    private final double tau;
    private final long burnIn;
    private final double alpha;
    private long n;
    private double sumX;
    private double sumY;
    private double lambda;
    private double logLambda = Double.NEGATIVE_INFINITY;
    private double p = 1;
    private long rejectedAt;

    private Msprt(Family family, double sigma, double tau, long burnIn, double alpha) {
        if (!(tau > 0) || !(alpha > 0 && alpha < 1) || burnIn < 0 || (family == Family.NORMAL && !(sigma > 0))) {
            throw new IllegalArgumentException("expected tau > 0, 0 < alpha < 1, burn-in >= 0 and sigma > 0 for normal"
                    + " data, found tau " + tau + ", alpha " + alpha + ", burn-in " + burnIn + ", sigma " + sigma);
        }
        this.family = family;
        this.sigma = sigma;
        this.tau = tau;
        this.burnIn = burnIn;
        this.alpha = alpha;
    }

    public static Msprt normal(double sigma, double tau, long burnIn, double alpha) {
        return new Msprt(Family.NORMAL, sigma, tau, burnIn, alpha);
    }

    public static Msprt bernoulli(double tau, long burnIn, double alpha) {
        return new Msprt(Family.BERNOULLI, Double.NaN, tau, burnIn, alpha);
    }

    /**
     * The state after the last pair.
     *
     * @param lambda    Λ_n; may overflow to infinity on overwhelming evidence, {@code logLambda} does not
     * @param logLambda ln Λ_n; −∞ during the burn-in
     */
    public record State(long n, double lambda, double logLambda, double alwaysValidP, boolean rejected,
                        long rejectedAt) {

        public String decision() {
            return rejected ? "reject" : "continue";
        }
    }

    /** Adds one pair and returns the state after it. */
    public State observe(double x, double y) {
        n++;
        sumX += x;
        sumY += y;
        logLambda = n <= burnIn ? Double.NEGATIVE_INFINITY : logLambda();
        lambda = Math.exp(logLambda);
        if (lambda > 0) {
            p = Math.min(p, Math.exp(-logLambda));
        }
        if (rejectedAt == 0 && logLambda >= -Math.log(alpha)) {
            rejectedAt = n;
        }
        return state();
    }

    public State state() {
        return new State(n, lambda, logLambda, p, rejectedAt > 0, rejectedAt);
    }

    private double logLambda() {
        double xbar = sumX / n;
        double ybar = sumY / n;
        double diff = ybar - xbar;
        double nt2 = n * tau * tau;
        if (family == Family.NORMAL) {
            double s2 = 2 * sigma * sigma;
            return 0.5 * Math.log(s2 / (s2 + nt2)) + (double) n * n * tau * tau * diff * diff / (2 * s2 * (s2 + nt2));
        }
        double v = xbar * (1 - xbar) + ybar * (1 - ybar);
        if (v <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return 0.5 * Math.log(v / (v + nt2)) + (double) n * n * tau * tau * diff * diff / (2 * v * (v + nt2));
    }
}
