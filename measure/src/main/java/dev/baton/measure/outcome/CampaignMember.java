package dev.baton.measure.outcome;

import java.time.Instant;

/**
 * A lead or contact of a CRM campaign. Only a member who responded is a touch (at its first
 * response): being sent an email is not being touched by it.
 *
 * @param person    the lead or contact id, or null
 * @param responded the first responded date, or null when the member never responded
 * @param channel   the campaign's type ("Webinar", "Email"), or null
 */
public record CampaignMember(String campaign, String person, String email, String status, Instant responded,
                             String channel) {
}
