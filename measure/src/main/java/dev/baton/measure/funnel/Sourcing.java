package dev.baton.measure.funnel;

import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.journey.Touches;
import dev.baton.measure.outcome.Opportunity;
import java.util.LinkedHashSet;
import java.util.Set;

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
 *
 * @param campaign the sourcing campaign, or null
 * @param channel  the sourcing channel, or null
 */
record Sourcing(String campaign, String channel, Set<String> campaigns, Set<String> channels, boolean touched) {

    static Sourcing of(Opportunity o, Touches touches, TouchIndex index, long lookback, long asOf) {
        long created = o.created().toEpochMilli();
        long end = o.closed() != null ? o.closed().toEpochMilli() : Math.max(asOf, created);
        Set<String> campaigns = new LinkedHashSet<>();
        Set<String> channels = new LinkedHashSet<>();
        String firstCampaign = null;
        String firstChannel = null;
        if (touches != null) {
            int from = touches.after(created - lookback - 1);
            int to = touches.after(end);
            for (int i = from; i < to; i++) {
                if (i == from && touches.at(i) <= created) {
                    firstCampaign = touches.campaign(i);
                    firstChannel = touches.channel(i);
                }
                if (touches.campaign(i) != null) {
                    campaigns.add(touches.campaign(i));
                }
                channels.add(touches.channel(i));
            }
        }
        String campaign = o.primaryCampaign() != null ? o.primaryCampaign() : firstCampaign;
        String channel = o.primaryCampaign() != null ? index.channelOf(o.primaryCampaign()) : firstChannel;
        if (channel == null) {
            channel = o.leadSource();
        }
        return new Sourcing(campaign, channel, campaigns, channels, !channels.isEmpty());
    }
}
