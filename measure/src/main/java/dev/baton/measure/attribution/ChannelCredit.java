package dev.baton.measure.attribution;

import java.util.List;
import java.util.OptionalDouble;

/**
 * What one channel is credited with.
 *
 * @param conversions        conversions attributed to the channel
 * @param value              conversion value attributed to the channel
 * @param removalEffect      Markov only: the share of the conversion probability lost without the channel
 * @param valueRemovalEffect Markov only: the share of the expected value per journey lost without it
 * @param positions          ordered Shapley only: the conversions credited to the channel's touches at
 *                           position 1, 2, … of the journeys (they add up to {@code conversions});
 *                           empty for the other models
 */
public record ChannelCredit(String channel, double conversions, double value, OptionalDouble removalEffect,
                            OptionalDouble valueRemovalEffect, List<Double> positions) {

    public ChannelCredit {
        positions = List.copyOf(positions);
    }
}
