package dev.baton.model;

import java.util.List;

/**
 * The model's {@code funnel:} section: the outcome funnel's stages in order (the first is entered,
 * the last is won), the stage an opportunity enters when it is created, and the lead handoff from
 * marketing to sales. {@link #NONE} when the model has no such section: the funnel then uses its
 * defaults (docs/outcomes.md).
 *
 * @param lost     opportunity stage names that mean closed without winning
 * @param rejected lead statuses that mean sales sent the lead back
 */
public record FunnelSettings(List<FunnelStage> stages, String opportunity, String handoffFrom, String handoffTo,
                             List<String> lost, List<String> rejected) {

    public static final FunnelSettings NONE = new FunnelSettings(List.of(), null, null, null, List.of(), List.of());

    /** Whether the model declares its funnel. */
    public boolean declared() {
        return !stages.isEmpty();
    }

    public List<String> ids() {
        return stages.stream().map(FunnelStage::id).toList();
    }
}
