package dev.baton.measure.simulation;

import java.time.Instant;

/**
 * A campaign work item of a simulated history, as outcome data names it: the item, its work type,
 * the CRM/UTM campaign its link field holds, the channel it runs in and when it goes live.
 */
public record SimulatedCampaign(String itemId, String workType, String name, String channel, Instant launch) {
}
