package dev.baton.measure.journey;

/**
 * Journeys with one channel sequence, summed: a row of ChannelAttribution's PathData layout.
 *
 * @param path        the channels joined by {@code " > "}
 * @param conversions how many of its journeys converted
 * @param value       their conversion value
 * @param nulls       how many did not convert
 */
public record PathRow(String path, long conversions, double value, long nulls) {
}
