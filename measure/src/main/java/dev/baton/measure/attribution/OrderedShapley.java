package dev.baton.measure.attribution;

import java.util.List;

/**
 * Zhao et al.'s ordered Shapley value: the simplified Shapley value of each channel, split by the
 * position of its touches. A converting journey with distinct channel set S gives each touch of
 * channel j at position i the share 1 / (|S| · touches of j in the journey) of its conversions,
 * so the positions of a channel add up to its simplified Shapley value.
 */
final class OrderedShapley implements CreditModel {

    @Override
    public Credit credit(Journeys journeys, AttributionOptions options) {
        int channels = journeys.channels().size();
        int longest = 0;
        for (int p = 0; p < journeys.distinctPaths(); p++) {
            if (journeys.conversions[p] != 0) {
                longest = Math.max(longest, journeys.starts[p + 1] - journeys.starts[p]);
            }
        }
        double[][] positions = new double[channels][longest];
        double[] conversions = new double[channels];
        double[] values = new double[channels];
        TouchCredit.split(journeys, TouchWeights.linearUnique(channels), (channel, position, conversion, value) -> {
            if (conversion != 0) { // a journey with value but no conversion may be longer than any converting one
                positions[channel][position] += conversion;
            }
            values[channel] += value;
        });
        for (int c = 0; c < channels; c++) {
            for (double v : positions[c]) {
                conversions[c] += v;
            }
        }
        return new Credit(conversions, values, null, null, positions, null,
                "Each converting journey's conversions are shared equally by its distinct channels (Zhao et al.'s "
                        + "simplified Shapley value) and each channel's share is split among its touches, so "
                        + "'positions' shows how much credit the channel earns at the 1st, 2nd, … touch.", List.of());
    }
}
