package dev.baton.measure.outcome;

import java.time.Instant;

/**
 * A Salesforce opportunity or a HubSpot deal.
 *
 * @param crmStage        the stage as the CRM writes it
 * @param stage           what it means in the funnel (open, won or lost)
 * @param closed          when it was won or lost; null while open (an open opportunity's close date
 *                        is a forecast, not an outcome)
 * @param primaryCampaign the campaign the CRM credits ("Primary Campaign Source"), or null
 * @param account         the account's name (or domain) as the CRM writes it, or null
 */
public record Opportunity(OpportunityId id, String name, String crmStage, StageRef stage, double amount,
                          Instant created, Instant closed, String leadSource, String primaryCampaign, String account,
                          String segment) {

    public boolean won() {
        return stage.won();
    }
}
