package dev.baton.measure.attribution;

/**
 * Where a {@link MarkovChain} ends, solved exactly rather than simulated: for every transient state s,
 * x_s = P(reach (conversion) from s) and y_s = the expected conversion value collected from s, the
 * solution of x = Q x + r and y = Q y + v (r_s, v_s: the one-step conversion probability and value),
 * which is [(I − Q)⁻¹ R] of the absorbing chain. States cut off by a removal are held at 0: a journey
 * that would enter them goes to (null) instead.
 *
 * <p>Solved by Gauss–Seidel sweeps over the states in the order journeys first reach them (new
 * values used at once), which converges because every state leaks into (conversion) or (null):
 * the expected number of steps to absorption is at most the longest path, so the error after a
 * sweep that changed nothing by more than 1e-15 (relative) is below 1e-13. The chain has at most a
 * few thousand states and tens of thousands of transitions, so a sweep costs microseconds; a dense
 * LU of (I − Q) would cost n³ per removal.
 */
final class Absorption {

    static final double TOLERANCE = 1e-15;
    static final int MAX_SWEEPS = 10_000_000;

    /** x and y of every state; {@code x[0]} and {@code y[0]} are those of (start). */
    record Solution(double[] x, double[] y, int sweeps) {
        double conversion() {
            return x[0];
        }

        double value() {
            return y[0];
        }
    }

    private Absorption() {
    }

    /**
     * Solves the chain with {@code removed} states cut off, starting from {@code warm} (a solution
     * of the uncut chain converges in fewer sweeps; null to start from 0).
     */
    static Solution solve(MarkovChain chain, int[] removed, Solution warm) {
        int n = chain.states();
        double[] x = warm == null ? new double[n] : warm.x().clone();
        double[] y = warm == null ? new double[n] : warm.y().clone();
        boolean[] cut = new boolean[n];
        for (int s : removed) {
            cut[s] = true;
            x[s] = 0;
            y[s] = 0;
        }
        int[] rowStart = chain.rowStart;
        int[] target = chain.target;
        double[] probability = chain.probability;
        double[] r = chain.conversionRate;
        double[] v = chain.valueRate;
        for (int sweep = 1; sweep <= MAX_SWEEPS; sweep++) {
            double changeX = 0;
            double changeY = 0;
            double sizeX = 0;
            double sizeY = 0;
            for (int s = 0; s < n; s++) {
                if (cut[s]) {
                    continue;
                }
                double sx = r[s];
                double sy = v[s];
                for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                    int t = target[e];
                    sx += probability[e] * x[t];
                    sy += probability[e] * y[t];
                }
                changeX = Math.max(changeX, Math.abs(sx - x[s]));
                changeY = Math.max(changeY, Math.abs(sy - y[s]));
                sizeX = Math.max(sizeX, Math.abs(sx));
                sizeY = Math.max(sizeY, Math.abs(sy));
                x[s] = sx;
                y[s] = sy;
            }
            if (changeX <= TOLERANCE * sizeX && changeY <= TOLERANCE * sizeY) {
                return new Solution(x, y, sweep);
            }
        }
        throw new IllegalStateException("the Markov chain's absorption probabilities did not converge in "
                + MAX_SWEEPS + " sweeps");
    }
}
