package dev.baton.assist.routing;

import java.util.List;

/**
 * Where a new request should go, and why: a suggestion for the person triaging intake, never a routing.
 *
 * @param workType      the suggested work type, or null when no past work is similar enough
 * @param confidence    its share of the similarity-weighted vote of the nearest past items (0–1)
 * @param owner         the suggested owner, or null
 * @param candidates    the people considered for owner, with their open items, least loaded first
 * @param reasons       the sentences behind both suggestions
 */
public record RoutingSuggestion(String workType, double confidence, String owner, List<Load> candidates,
                                List<String> reasons) {

    /** A person who could own the work, and how many open items they own now. */
    public record Load(String person, long openItems) {
    }

    public RoutingSuggestion {
        candidates = List.copyOf(candidates);
        reasons = List.copyOf(reasons);
    }
}
