package dev.baton.measure.outcome;

import java.util.Map;

/** The value most records vote for, e.g. the domain behind an account name or the channel of a campaign. */
public final class Votes {

    private Votes() {
    }

    /** The key with the most votes; on a tie the first in alphabetical order, so every run agrees. */
    public static String winner(Map<String, Integer> votes) {
        String best = null;
        for (var e : votes.entrySet()) {
            int n = e.getValue();
            if (best == null || n > votes.get(best) || n == votes.get(best) && e.getKey().compareTo(best) < 0) {
                best = e.getKey();
            }
        }
        return best;
    }
}
