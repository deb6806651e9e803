package dev.baton.measure.funnel;

import dev.baton.measure.outcome.Opportunity;
import java.util.List;
import java.util.Map;

/**
 * Which campaigns and channels sourced and influenced one opportunity (docs/outcomes.md#definitions).
 * <ul>
 * <li><b>Sourced</b>: the opportunity's primary campaign; when the CRM gives none, the campaign of the
 * account's first touch within the lookback window before the opportunity was created. Its channel
 * is the channel of that campaign's touches (or the touch's own); failing both, the opportunity's
 * lead source.</li>
 * <li><b>Influenced</b>: every campaign and channel that touched the account from the lookback window
 * before the opportunity was created until it was closed (while open: until the newest date in the
 * data).</li>
 * </ul>
 * The touches' part is found by {@link FunnelTouches} (a {@link FunnelTouches.Reach}).
 *
 * @param campaign    the sourcing campaign, or null
 * @param channel     the sourcing channel, or null
 * @param touched     whether any touch fell in the influence window
 * @param influencers the distinct campaigns (channels, by channel) in the window, when the funnel is split by them
 */
record Sourcing(String campaign, String channel, boolean touched, List<String> influencers) {

    /** {@code reach} is null when no touch reached the opportunity; {@code campaignChannels} gives each campaign's channel. */
    static Sourcing of(Opportunity o, FunnelTouches.Reach reach, Map<String, String> campaignChannels) {
        String primary = o.primaryCampaign();
        String campaign = primary != null ? primary : reach == null ? null : reach.campaign();
        String channel = primary != null ? campaignChannels.get(primary) : reach == null ? null : reach.channel();
        if (channel == null) {
            channel = o.leadSource();
        }
        return new Sourcing(campaign, channel, reach != null, reach == null ? List.of() : reach.influencers());
    }
}
