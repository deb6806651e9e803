package dev.baton.measure.identity;

import dev.baton.measure.mapping.OutcomeMapping.IdentityRules;
import dev.baton.measure.outcome.Account;
import dev.baton.measure.outcome.AccountId;
import dev.baton.measure.outcome.Contact;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.Votes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Matches people and accounts across the sources. A person is an email address. An account is the
 * domain of its people's business addresses; the names the CRMs give it (Company, Account Name,
 * Associated Company) are tied to that domain wherever a record shows both (a lead's company and
 * email, an opportunity's account and its contacts' emails). The mapping's overrides come first:
 * an email or a domain → an account, an account name → a domain. Personal addresses (gmail.com …)
 * never make an account. What cannot be matched is listed with counts and examples.
 */
public final class IdentityMatcher {

    private IdentityMatcher() {
    }

    /**
     * The domain written (plain, or as a URL such as {@code https://www.acme.example/}), or null when
     * the text is a name: at least one dot, and only letters, digits, dots and dashes. By hand, not
     * by regular expression: it runs for every lead, contact and opportunity.
     */
    static String domainOf(String lower) {
        String s = lower;
        if (s.startsWith("https://")) {
            s = s.substring(8);
        } else if (s.startsWith("http://")) {
            s = s.substring(7);
        }
        if (s.startsWith("www.")) {
            s = s.substring(4);
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        boolean dot = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (i == 0 || i == s.length() - 1 || s.charAt(i - 1) == '.') {
                    return null;
                }
                dot = true;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return null;
            }
        }
        return dot ? s : null;
    }

    public static Identities match(OutcomeData data, IdentityRules rules) {
        PersonalDomains personal = new PersonalDomains(rules.personalDomains());
        Map<String, String> names = new HashMap<>();
        rules.accounts().forEach((name, domain) -> names.put(name.toLowerCase(Locale.ROOT),
                domain.toLowerCase(Locale.ROOT)));
        Identities bare = new Identities(personal, rules.emails(), rules.domains(), names, Map.of(), Map.of(),
                List.of(), List.of());
        // Names seen beside a business domain vote for it; the most frequent wins.
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        for (Lead l : data.leads()) {
            vote(votes, l.company(), bare.accountOfEmail(l.email()));
        }
        Map<String, List<Contact>> rolesByOpp = new HashMap<>();
        for (Contact c : data.contacts()) {
            rolesByOpp.computeIfAbsent(c.opportunity().value(), k -> new ArrayList<>()).add(c);
        }
        Map<String, Lead> convertedLead = new HashMap<>();
        for (Lead l : data.leads()) {
            if (l.converted() != null) {
                convertedLead.putIfAbsent(l.converted().value(), l);
            }
        }
        for (Opportunity o : data.opportunities()) {
            for (String email : emailsOf(o, rolesByOpp, convertedLead)) {
                vote(votes, o.account(), bare.accountOfEmail(email));
            }
        }
        votes.forEach((name, byDomain) -> {
            if (!names.containsKey(name) && domainOf(name) == null) {
                names.put(name, Votes.winner(byDomain));
            }
        });
        Identities named = new Identities(personal, rules.emails(), rules.domains(), names, Map.of(), Map.of(),
                List.of(), List.of());
        Map<String, String> oppAccounts = new HashMap<>();
        Map<String, String> oppPeople = new HashMap<>();
        Tally noDomain = new Tally();
        Tally noAccount = new Tally();
        for (Opportunity o : data.opportunities()) {
            List<String> people = emailsOf(o, rolesByOpp, convertedLead);
            if (!people.isEmpty()) {
                oppPeople.put(o.id().value(), people.get(0));
            }
            String key = named.ofName(o.account());
            if (key == null || domainOf(key) == null) {
                // No domain for the name: the people on the opportunity say which company it is.
                String byPeople = null;
                for (int i = 0; i < people.size() && byPeople == null; i++) {
                    byPeople = named.accountOfEmail(people.get(i));
                }
                if (byPeople != null) {
                    key = byPeople;
                } else if (key != null) {
                    noDomain.add(o.id().value() + " (" + o.account() + ")");
                }
            }
            if (key == null) {
                noAccount.add(o.id().value());
            } else {
                oppAccounts.put(o.id().value(), key);
            }
        }
        // Hashed while filling (100,000 opportunities), sorted once at the end: a tree map would compare
        // strings on every one of them.
        Map<String, Set<String>> accountNames = new HashMap<>();
        Tally personalLeads = new Tally();
        for (Lead l : data.leads()) {
            String a = named.accountOfEmail(l.email());
            if (a == null) {
                personalLeads.add(l.id().value() + " (" + (l.email() == null ? "no email" : l.email()) + ")");
            }
        }
        names.forEach((name, key) -> accountNames.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(name));
        oppAccounts.values().forEach(key -> accountNames.computeIfAbsent(key, k -> new LinkedHashSet<>()));
        List<Account> accounts = new ArrayList<>();
        new TreeMap<>(accountNames).forEach((key, ns) -> accounts.add(new Account(new AccountId(key), domainOf(key) == null ? null : key,
                Set.copyOf(ns))));
        List<Unmatched> unmatched = new ArrayList<>();
        personalLeads.into(unmatched, "leads with a personal or no email address",
                "counted in the funnel, but no account's touches reach them");
        noDomain.into(unmatched, "opportunities whose account has no known domain",
                "touches by email cannot reach them; map the name under identity.accounts (name: domain)");
        noAccount.into(unmatched, "opportunities with no account",
                "no touch can reach them: they have no journey (sourced by their primary campaign only)");
        return new Identities(personal, rules.emails(), rules.domains(), names, oppAccounts, oppPeople,
                List.copyOf(accounts),
                List.copyOf(unmatched));
    }

    private static void vote(Map<String, Map<String, Integer>> votes, String name, String domain) {
        if (name == null || domain == null || domainOf(domain) == null) {
            return;
        }
        votes.computeIfAbsent(name.trim().toLowerCase(Locale.ROOT), k -> new HashMap<>()).merge(domain, 1, Integer::sum);
    }

    /** The people on an opportunity: its contact roles (primary first), else the lead it came from. */
    static List<String> emailsOf(Opportunity o, Map<String, List<Contact>> rolesByOpp, Map<String, Lead> convertedLead) {
        List<Contact> roles = rolesByOpp.getOrDefault(o.id().value(), List.of());
        Lead lead = convertedLead.get(o.id().value());
        if (roles.isEmpty()) {
            // The common case (an opportunity from a lead, no contact roles exported): no list to sort.
            return lead != null && lead.email() != null ? List.of(lead.email()) : List.of();
        }
        List<String> emails = new ArrayList<>(roles.size() + 1);
        for (Contact c : roles) {
            if (c.primary()) {
                emails.add(c.email());
            }
        }
        for (Contact c : roles) {
            if (!c.primary()) {
                emails.add(c.email());
            }
        }
        if (lead != null && lead.email() != null) {
            emails.add(lead.email());
        }
        return emails;
    }

}
