package dev.baton.measure.outcome;

import java.time.Instant;
import java.util.Map;

/**
 * A person in the funnel before (and up to) an opportunity: a Salesforce lead or a HubSpot contact.
 *
 * @param status       the CRM's status or lifecycle stage as written
 * @param statusStage  what that status means in the funnel
 * @param reached      the funnel stages the CRM dates (stage id → when), from the created date and
 *                     date columns such as "Became a Marketing Qualified Lead Date"
 * @param converted    the opportunity the lead became, or null
 * @param segment      the segment column's value, or null
 */
public record Lead(LeadId id, String email, String company, String status, StageRef statusStage, String source,
                   String segment, Instant created, Map<String, Instant> reached, OpportunityId converted) {

    public Lead {
        reached = Map.copyOf(reached);
    }
}
