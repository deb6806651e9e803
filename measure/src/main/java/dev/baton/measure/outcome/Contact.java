package dev.baton.measure.outcome;

/**
 * A person on an opportunity (a Salesforce opportunity contact role): how an opportunity knows
 * the people, and through their email domains the account, behind it.
 *
 * @param id may be null when the report gives only the email
 */
public record Contact(ContactId id, String email, OpportunityId opportunity, String role, boolean primary) {
}
