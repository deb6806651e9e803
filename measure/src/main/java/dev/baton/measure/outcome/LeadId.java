package dev.baton.measure.outcome;

/** The CRM's own id of a Lead (Salesforce's 18-character id, HubSpot's record id), kept as text. */
public record LeadId(String value) {

    public LeadId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a Lead id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
