package dev.baton.measure.journey;

import java.time.Instant;
import java.util.List;

/**
 * The touches of one account or person up to a conversion, or up to the end of the data when it
 * did not convert (a null path, which Markov and conversion-rate models need).
 *
 * @param key         the account or person
 * @param channels    the channels touched, oldest first, repeats kept
 * @param campaigns   the campaign of each touch (null where none)
 * @param opportunity the opportunity that converted, or null
 * @param value       its amount; 0 when it did not convert
 * @param end         the conversion's time, or the last touch's
 */
public record Journey(String key, List<String> channels, List<String> campaigns, boolean converted,
                      String opportunity, double value, Instant end) {
}
