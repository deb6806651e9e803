package dev.baton.measure.outcome;

/** The CRM's own id of a Contact (Salesforce's 18-character id, HubSpot's record id), kept as text. */
public record ContactId(String value) {

    public ContactId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a Contact id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
