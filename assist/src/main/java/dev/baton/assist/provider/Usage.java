package dev.baton.assist.provider;

import java.time.Instant;

/**
 * One call to a configured model, or one refused for the budget: who asked, for what, the tokens
 * it cost, how long it took and how it ended. The audit trail and what the budget counts.
 *
 * @param outcome {@code ok}, or a {@link ProviderException.Failure} id
 */
public record Usage(Instant at, String who, String assistant, String workType, String provider, long inputTokens,
                    long outputTokens, long latencyMillis, String outcome) {

    public static final String OK = "ok";

    /** Whether a request went to the server (a refusal for the budget sends nothing). */
    public boolean sent() {
        return !ProviderException.Failure.OUT_OF_BUDGET.id().equals(outcome)
                && !ProviderException.Failure.NOT_CONFIGURED.id().equals(outcome);
    }

    public long tokens() {
        return inputTokens + outputTokens;
    }
}
