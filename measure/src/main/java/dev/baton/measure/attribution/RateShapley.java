package dev.baton.measure.attribution;

import java.util.ArrayList;
import java.util.List;

/**
 * Shapley values in the game of Dalessandro et al. (2012): a set of channels S is worth the
 * conversion rate of the journeys exposed to exactly S, conv(S) / (conv(S) + null(S)), so unlike
 * the simplified Shapley value, journeys that did not convert count against their channels.
 *
 * <p>Only sets seen in the data have a rate. The game is defined on the sets seen and all their
 * subsets (a subset never seen alone is worth 0), and its Harsanyi dividends
 * d(T) = Σ_{U ⊆ T} (−1)^{|T|−|U|} v(U) are computed there by the Möbius transform; a coalition
 * outside that family has no dividend of its own (no synergy the data could show). The Shapley
 * value is then φ_j = Σ_{T ∋ j} d(T) / |T| (Harsanyi 1963), exact, at a cost of
 * O(Σ_S 2^|S| · channels) over the distinct sets S instead of 2^channels coalitions. The values
 * add up to Σ d(T); each channel's share of that sum is shown as conversions (of all conversions)
 * and value (the same game with value per journey in place of the rate).
 */
final class RateShapley implements CreditModel {

    /** Coalitions at most: 2^24 subsets of the journeys' channel sets, ~300 MB of tables at worst. */
    static final long MAX_COALITIONS = 1L << 24;

    @Override
    public Credit credit(Journeys journeys, AttributionOptions options) {
        int channels = journeys.channels().size();
        if (channels > 63) {
            throw new IllegalArgumentException("shapley-rate handles up to 63 channels, found " + channels
                    + "; use shapley or markov");
        }
        LongIndex sets = new LongIndex(1024);
        double[] conv = new double[1024];
        double[] journeyCount = new double[1024];
        double[] value = new double[1024];
        for (int p = 0; p < journeys.distinctPaths(); p++) {
            double count = journeys.conversions[p] + journeys.nulls[p];
            if (count <= 0) {
                continue;
            }
            long mask = 0;
            for (int t = journeys.starts[p]; t < journeys.starts[p + 1]; t++) {
                mask |= 1L << journeys.touches[t];
            }
            int s = sets.add(mask);
            if (s == conv.length) {
                conv = java.util.Arrays.copyOf(conv, s * 2);
                journeyCount = java.util.Arrays.copyOf(journeyCount, s * 2);
                value = java.util.Arrays.copyOf(value, s * 2);
            }
            conv[s] += journeys.conversions[p];
            journeyCount[s] += count;
            value[s] += journeys.values[p];
        }
        long cost = 0;
        int widest = 0;
        for (int s = 0; s < sets.size(); s++) {
            int size = Long.bitCount(sets.key(s));
            widest = Math.max(widest, size);
            cost += 1L << Math.min(size, 40);
        }
        if (cost > MAX_COALITIONS) {
            throw new IllegalArgumentException("shapley-rate would weigh " + cost + " coalitions (a journey touches "
                    + widest + " distinct channels); use shapley or markov");
        }
        // The family of coalitions: every subset of a set seen (down-closed, so the transform stays inside it).
        LongIndex family = new LongIndex((int) Math.min(cost, 1 << 16));
        for (int s = 0; s < sets.size(); s++) {
            long set = sets.key(s);
            for (long t = set; t != 0; t = (t - 1) & set) {
                family.add(t);
            }
        }
        int n = family.size();
        double[] rate = new double[n];
        double[] valuePerJourney = new double[n];
        for (int s = 0; s < sets.size(); s++) {
            int i = family.find(sets.key(s));
            rate[i] = conv[s] / journeyCount[s];
            valuePerJourney[i] = value[s] / journeyCount[s];
        }
        // Möbius transform, one channel at a time: afterwards rate[i] is the dividend of coalition i.
        for (int b = 0; b < channels; b++) {
            long bit = 1L << b;
            for (int i = 0; i < n; i++) {
                long t = family.key(i);
                if ((t & bit) != 0 && t != bit) {
                    int j = family.find(t ^ bit);
                    rate[i] -= rate[j];
                    valuePerJourney[i] -= valuePerJourney[j];
                }
            }
        }
        double[] phi = new double[channels];
        double[] phiValue = new double[channels];
        double total = 0;
        double totalValue = 0;
        for (int i = 0; i < n; i++) {
            long t = family.key(i);
            int size = Long.bitCount(t);
            total += rate[i];
            totalValue += valuePerJourney[i];
            for (long rest = t; rest != 0; rest &= rest - 1) {
                int j = Long.numberOfTrailingZeros(rest);
                phi[j] += rate[i] / size;
                phiValue[j] += valuePerJourney[i] / size;
            }
        }
        List<String> notes = new ArrayList<>();
        double[] conversions = scaled(phi, total, journeys.totalConversions(), notes, "conversion rates");
        double[] values = scaled(phiValue, totalValue, journeys.totalValue(), notes, "values per journey");
        if (!journeys.nullsKnown() || journeys.totalNulls() == 0) {
            notes.add("No journey is recorded as not converting, so every set of channels converts at rate 1 and "
                    + "the result only reflects which channels appear together.");
        }
        return Credit.of(conversions, values,
                "Each channel gets its Shapley value in the game where a set of channels is worth the conversion "
                        + "rate of the journeys exposed to exactly that set (Dalessandro et al. 2012), so journeys that "
                        + "did not convert count; the values (summing to " + (float) total
                        + ") are shown as shares of all conversions.", notes);
    }

    /** {@code phi} scaled to add up to {@code target}; zeros and a note when the values add up to nothing. */
    private static double[] scaled(double[] phi, double sum, double target, List<String> notes, String what) {
        double[] out = new double[phi.length];
        if (sum > 0) {
            for (int j = 0; j < phi.length; j++) {
                out[j] = target * phi[j] / sum;
            }
        } else if (target != 0) {
            notes.add("The Shapley values of the " + what + " add up to " + sum + " (channels seen together "
                    + "do worse than apart), so they cannot be shown as shares; all are 0.");
        }
        return out;
    }
}
