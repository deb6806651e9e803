package dev.baton.measure.outcome;

import java.time.Instant;

/**
 * One marketing touch of a person or an account: an ad click, a webinar attended, an email
 * answered. Outcome data, kept beside the work event log, never inside it.
 *
 * @param email    the person touched, lower case; null when only the account is known
 * @param account  the account as the source names it (a company name or domain); null when not given
 * @param channel  the channel (the source's own word, or its UTM medium when it names no channel)
 * @param campaign the campaign, or null
 * @param cost     what the touch cost, 0 when unknown
 */
public record Touchpoint(Instant at, String email, String account, String channel, String campaign,
                         String utmSource, String utmMedium, String utmCampaign, double cost) {
}
