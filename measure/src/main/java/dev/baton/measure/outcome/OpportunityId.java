package dev.baton.measure.outcome;

/** The CRM's own id of a Opportunity (Salesforce's 18-character id, HubSpot's record id), kept as text. */
public record OpportunityId(String value) {

    public OpportunityId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a Opportunity id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
