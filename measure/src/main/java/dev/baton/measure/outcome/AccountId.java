package dev.baton.measure.outcome;

/** The CRM's own id of a Account (Salesforce's 18-character id, HubSpot's record id), kept as text. */
public record AccountId(String value) {

    public AccountId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a Account id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
