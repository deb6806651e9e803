package dev.baton.measure.attribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Markov removal-effect attribution (Anderl et al. 2014), solved exactly. P = the probability that a
 * journey from (start) converts; P₋c = the same with channel c removed (every state holding c sends
 * its inbound journeys to (null)). The removal effect RE_c = 1 − P₋c / P, and channel c is credited
 * with total conversions × RE_c / Σ RE.
 *
 * <p>Value: ChannelAttribution simulates journeys and draws a value for each simulated conversion.
 * Here the same quantity is computed exactly: a step into (conversion) from state s collects the mean
 * value of the conversions whose journeys ended in s, so V = the expected value per journey, V₋c the
 * same with c removed, valueRemovalEffect_c = 1 − V₋c / V, and c is credited with total value ×
 * VRE_c / Σ VRE.
 */
final class MarkovRemoval implements CreditModel {

    @Override
    public Credit credit(Journeys journeys, AttributionOptions options) {
        MarkovChain chain = MarkovChain.of(journeys, options.order());
        Absorption.Solution all = Absorption.solve(chain, new int[0], null);
        double p = all.conversion();
        double v = all.value();
        int channels = journeys.channels().size();
        double[] removal = new double[channels];
        double[] valueRemoval = new double[channels];
        // Each removal is its own linear system; they share the chain and run side by side.
        IntStream.range(0, channels).parallel().forEach(c -> {
            if (chain.statesWith[c].length == 0) {
                return;
            }
            Absorption.Solution without = Absorption.solve(chain, chain.statesWith[c], all);
            removal[c] = p > 0 ? Math.max(0, 1 - without.conversion() / p) : 0;
            valueRemoval[c] = v > 0 ? Math.max(0, 1 - without.value() / v) : 0;
        });
        List<String> notes = new ArrayList<>();
        if (!journeys.nullsKnown() || journeys.totalNulls() == 0) {
            notes.add("No journey is recorded as not converting, so every journey in the chain converts "
                    + "(P = 1) and a channel's removal effect is just the share of journeys passing through it: "
                    + "the Markov result degenerates. Give the non-converting journeys (--nulls) for a meaningful one.");
        }
        double[] conversions = shares(removal, journeys.totalConversions());
        double[] values = shares(valueRemoval, journeys.totalValue());
        String explanation = String.format(Locale.ROOT, "A channel's credit is its removal effect in the order-%d "
                + "Markov chain of the journeys, solved exactly: how much the probability of converting (%.6f) "
                + "falls when journeys through the channel are cut off, shared out in proportion among all "
                + "conversions (and likewise for value).", options.order(), p);
        return new Credit(conversions, values, removal, valueRemoval, null, p, explanation, notes);
    }

    private static double[] shares(double[] effects, double total) {
        double sum = 0;
        for (double e : effects) {
            sum += e;
        }
        double[] out = new double[effects.length];
        if (sum > 0) {
            for (int c = 0; c < effects.length; c++) {
                out[c] = total * effects[c] / sum;
            }
        }
        return out;
    }
}
