package dev.baton.measure.identity;

import dev.baton.measure.outcome.Account;
import dev.baton.measure.outcome.Touchpoint;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Who is who across the sources: a person is their email (lower case); an account is its web
 * domain when one is known, else its name in lower case. Made by {@link IdentityMatcher}.
 */
public final class Identities {

    private final PersonalDomains personal;
    private final Map<String, String> emails;
    private final Map<String, String> domains;
    /** Account names (lower case) → account key, from the mapping and what the sources show. */
    private final Map<String, String> names;
    private final Map<String, String> opportunityAccounts;
    private final Map<String, String> opportunityPeople;
    private final List<Account> accounts;
    private final List<Unmatched> unmatched;

    Identities(PersonalDomains personal, Map<String, String> emails, Map<String, String> domains,
               Map<String, String> names, Map<String, String> opportunityAccounts,
               Map<String, String> opportunityPeople, List<Account> accounts, List<Unmatched> unmatched) {
        this.personal = personal;
        this.emails = emails;
        this.domains = domains;
        this.names = names;
        this.opportunityAccounts = opportunityAccounts;
        this.opportunityPeople = opportunityPeople;
        this.accounts = accounts;
        this.unmatched = unmatched;
    }

    /** The account of an email address; null for a personal address or none. */
    public String accountOfEmail(String email) {
        if (email == null) {
            return null;
        }
        String override = emails.get(email);
        if (override != null) {
            return ofName(override);
        }
        int at = email.lastIndexOf('@');
        if (at < 0 || at == email.length() - 1) {
            return null;
        }
        String domain = email.substring(at + 1);
        String mapped = domains.get(domain);
        if (mapped != null) {
            return ofName(mapped);
        }
        return personal.contains(domain) ? null : domain;
    }

    /** The account a source names, by domain or by name; null for none. */
    public String ofName(String account) {
        if (account == null || account.isBlank()) {
            return null;
        }
        String lower = account.trim().toLowerCase(Locale.ROOT);
        String known = names.get(lower);
        if (known != null) {
            return known;
        }
        String domain = IdentityMatcher.domainOf(lower);
        if (domain != null) {
            String mapped = domains.get(domain);
            return mapped != null ? mapped.toLowerCase(Locale.ROOT) : domain;
        }
        return lower;
    }

    /** The account a touch belongs to: its account column, else its person's email domain. */
    public String accountOfTouch(Touchpoint t) {
        return t.account() != null ? ofName(t.account()) : accountOfEmail(t.email());
    }

    /** The account of an opportunity by its id, or null when none could be found. */
    public String accountOfOpportunity(String opportunityId) {
        return opportunityAccounts.get(opportunityId);
    }

    /**
     * The person an opportunity is of (its primary contact, else another contact role, else the lead
     * it was converted from), or null.
     */
    public String personOfOpportunity(String opportunityId) {
        return opportunityPeople.get(opportunityId);
    }

    public List<Account> accounts() {
        return accounts;
    }

    /** What could not be matched, each with a count and examples. */
    public List<Unmatched> unmatched() {
        return unmatched;
    }
}
