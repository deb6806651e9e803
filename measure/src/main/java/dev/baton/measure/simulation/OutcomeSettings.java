package dev.baton.measure.simulation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How outcome data is simulated for a history's campaigns.
 *
 * @param seed     the same seed gives the same files
 * @param accounts companies that a campaign reaches (each with one to three people)
 * @param baseRate the chance that a reached account creates an opportunity whatever the channels
 * @param lifts    channel → true incremental chance of an opportunity for an account it reaches;
 *                 channels not named get a lift from a seeded ladder (0.25 down to 0.03)
 * @param maxTouches at most this many campaigns reach one account (1 gives one-channel journeys)
 * @param until    nothing is recorded after this moment (the end of the simulated history)
 */
public record OutcomeSettings(long seed, int accounts, double baseRate, Map<String, Double> lifts, int maxTouches,
                              Instant until) {

    public static final int DEFAULT_MAX_TOUCHES = 4;

    public static final int DEFAULT_ACCOUNTS = 2_000;
    public static final double DEFAULT_BASE_RATE = 0.02;

    public OutcomeSettings {
        lifts = Map.copyOf(lifts);
    }

    /** What is wrong with the settings, each as a sentence naming the option; empty when usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (accounts < 1 || accounts > 1_000_000) {
            problems.add("accounts: expected 1 to 1000000, found " + accounts);
        }
        if (!(baseRate >= 0 && baseRate < 1)) {
            problems.add("base-rate: expected a chance from 0 to below 1, found " + baseRate);
        }
        if (maxTouches < 1 || maxTouches > 12) {
            problems.add("max-touches: expected 1 to 12, found " + maxTouches);
        }
        lifts.forEach((channel, lift) -> {
            if (!(lift >= 0 && lift < 1)) {
                problems.add("channel-lift: expected a chance from 0 to below 1 for '" + channel + "', found " + lift);
            }
        });
        return problems;
    }
}
