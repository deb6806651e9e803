package dev.baton.measure.attribution;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The credit every channel gets under one model, with the sentence that says how it was given.
 *
 * @param order                 the Markov order (1 for the other models)
 * @param paths                 input rows
 * @param distinctPaths         distinct paths among them
 * @param conversionProbability Markov only: the chance that a journey from (start) ends in (conversion)
 * @param channels              by conversions, most first, then by name
 * @param explanation           one sentence on how the model gives credit
 * @param notes                 what a reader must know about this particular result (a degenerate case)
 */
public record AttributionResult(AttributionModel model, int order, long paths, int distinctPaths,
                                double totalConversions, double totalValue, OptionalDouble conversionProbability,
                                List<ChannelCredit> channels, String explanation, List<String> notes) {

    public AttributionResult {
        channels = List.copyOf(channels);
        notes = List.copyOf(notes);
    }

    /** The credit of one channel, by name. */
    public ChannelCredit channel(String name) {
        return channels.stream().filter(c -> c.channel().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no channel '" + name + "' in the result"));
    }
}
