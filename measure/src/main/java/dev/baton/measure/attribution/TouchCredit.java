package dev.baton.measure.attribution;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The rule-based models: each journey's conversions and value are split among its touches by
 * {@link TouchWeights}. Non-converting journeys carry nothing to split.
 */
final class TouchCredit implements CreditModel {

    private final Function<AttributionOptions, IntFunction<TouchWeights>> rule;
    private final Function<AttributionOptions, String> explanation;

    /**
     * @param rule        the weights, given the options and the number of channels
     * @param explanation the sentence for the result, given the options
     */
    TouchCredit(Function<AttributionOptions, IntFunction<TouchWeights>> rule,
                Function<AttributionOptions, String> explanation) {
        this.rule = rule;
        this.explanation = explanation;
    }

    @Override
    public Credit credit(Journeys journeys, AttributionOptions options) {
        int channels = journeys.channels().size();
        double[] conversions = new double[channels];
        double[] values = new double[channels];
        split(journeys, rule.apply(options).apply(channels), (channel, position, conversion, value) -> {
            conversions[channel] += conversion;
            values[channel] += value;
        });
        return Credit.of(conversions, values, explanation.apply(options), List.of());
    }

    /** Receives one touch's share of its journey's conversions and value. */
    @FunctionalInterface
    interface Shares {
        void touch(int channel, int position, double conversions, double value);
    }

    /** Splits every journey that converted or has a value among its touches by {@code weights}. */
    static void split(Journeys journeys, TouchWeights weights, Shares shares) {
        double[] w = new double[Math.max(1, journeys.longestPath())];
        int[] touches = journeys.touches;
        for (int p = 0; p < journeys.distinctPaths(); p++) {
            double conversion = journeys.conversions[p];
            double value = journeys.values[p];
            if (conversion == 0 && value == 0) {
                continue;
            }
            int from = journeys.starts[p];
            int length = journeys.starts[p + 1] - from;
            weights.weigh(touches, from, length, w);
            for (int i = 0; i < length; i++) {
                shares.touch(touches[from + i], i, conversion * w[i], value * w[i]);
            }
        }
    }
}
