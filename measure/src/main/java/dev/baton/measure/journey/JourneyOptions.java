package dev.baton.measure.journey;

import java.time.Duration;

/**
 * How journeys are cut.
 *
 * @param by         per account (the B2B default) or per person
 * @param conversion what converts: an opportunity created, or won
 * @param lookback   how far before a conversion a touch still counts (90 days by default)
 */
public record JourneyOptions(TouchIndex.By by, Conversion conversion, Duration lookback) {

    public enum Conversion { CREATED, WON }

    public static final JourneyOptions DEFAULT = new JourneyOptions(TouchIndex.By.ACCOUNT, Conversion.CREATED,
            Duration.ofDays(90));
}
