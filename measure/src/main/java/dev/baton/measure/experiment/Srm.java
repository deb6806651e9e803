package dev.baton.measure.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Sample ratio mismatch: did the arms get the traffic they were meant to? Pearson's χ² of the
 * observed users against the planned split, x = Σ (o_i − e_i)²/e_i with e_i = w_i/Σw · Σo, and
 * p = P(χ²_{k−1} &gt; x).
 *
 * <p>GrowthBook's TypeScript {@code checkSrm} semantics, not its Python {@code check_srm}: arms with
 * weight 0 or no user count are dropped before the totals, k is the number kept, and p is 1 when
 * fewer than 2 arms are kept or there are no users. (Python keeps a zero-weight arm's users in the
 * total and its degree of freedom: [1000, 1200, 900] with [.5, .5, 0] gives 2.9e-60 there and
 * 2.0e-5 here.)
 */
public final class Srm {

    /** The usual alert threshold (GrowthBook, bucketeer #2654): below this the split is suspect. */
    public static final double THRESHOLD = 0.001;

    private Srm() {
    }

    /**
     * @param pValue      P(χ² ≥ x); 1 when the check could not run
     * @param explanation null when the check ran; otherwise why it did not
     */
    public record Result(double pValue, double chiSquare, int degreesOfFreedom, String explanation) {

        public boolean mismatch() {
            return pValue < THRESHOLD;
        }
    }

    /**
     * @param users   users per arm; a null entry is an arm with no count
     * @param weights planned share per arm (any scale), same length as {@code users}
     */
    public static Result check(List<Long> users, List<Double> weights) {
        if (users.size() != weights.size()) {
            throw new IllegalArgumentException("expected one weight per arm (" + users.size() + "), found "
                    + weights.size());
        }
        for (int i = 0; i < users.size(); i++) {
            // a negative count or weight would give a negative expected count and a χ² that is not a number
            if (users.get(i) != null && users.get(i) < 0) {
                throw new IllegalArgumentException("expected a user count of 0 or more for arm " + (i + 1) + ", found "
                        + users.get(i));
            }
            Double w = weights.get(i);
            if (w != null && !(w >= 0 && Double.isFinite(w))) {
                throw new IllegalArgumentException("expected a weight of 0 or more for arm " + (i + 1) + ", found " + w);
            }
        }
        List<Long> observed = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        double totalUsers = 0;
        double totalWeight = 0;
        for (int i = 0; i < users.size(); i++) {
            Double w = weights.get(i);
            if (w == null || w == 0 || users.get(i) == null) {
                continue;
            }
            observed.add(users.get(i));
            kept.add(w);
            totalUsers += users.get(i);
            totalWeight += w;
        }
        if (observed.size() < 2) {
            return new Result(1, 0, 0, "fewer than 2 arms with a weight and a user count: nothing to compare");
        }
        if (totalUsers == 0) {
            return new Result(1, 0, 0, "no users yet");
        }
        double x = 0;
        for (int i = 0; i < observed.size(); i++) {
            double e = kept.get(i) / totalWeight * totalUsers;
            double d = observed.get(i) - e;
            x += d * d / e;
        }
        int df = observed.size() - 1;
        return new Result(Distributions.chiSquaredSf(x, df), x, df, null);
    }

    /** Equal weights for {@code arms} arms. */
    public static List<Double> equalWeights(int arms) {
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < arms; i++) {
            weights.add(1.0 / arms);
        }
        return weights;
    }
}
