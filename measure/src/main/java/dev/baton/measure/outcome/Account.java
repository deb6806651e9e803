package dev.baton.measure.outcome;

import java.util.Set;

/**
 * A company, as identity matching found it: its id is its web domain when one is known (the email
 * domain of its people), else its name in lower case.
 *
 * @param names the names the sources use for it
 */
public record Account(AccountId id, String domain, Set<String> names) {
}
