package dev.baton.measure.outcome;

import java.time.Instant;
import java.util.List;

/**
 * Everything read from the CRM exports and touchpoint files of one run: outcome data, beside the
 * work event log.
 */
public record OutcomeData(List<Lead> leads, List<Contact> contacts, List<Opportunity> opportunities,
                          List<OpportunityStageChange> stageChanges, List<CampaignMember> campaignMembers,
                          List<Touchpoint> touchpoints) {

    public static final OutcomeData EMPTY = new OutcomeData(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of());

    /** The newest date in the data: "now" for open opportunities and leads never worked. */
    public Instant asOf() {
        Instant newest = Instant.EPOCH;
        for (Lead l : leads) {
            newest = max(newest, l.created());
            for (Instant i : l.reached().values()) {
                newest = max(newest, i);
            }
        }
        for (Opportunity o : opportunities) {
            newest = max(max(newest, o.created()), o.closed());
        }
        for (OpportunityStageChange c : stageChanges) {
            newest = max(newest, c.at());
        }
        for (Touchpoint t : touchpoints) {
            newest = max(newest, t.at());
        }
        return newest;
    }

    private static Instant max(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
