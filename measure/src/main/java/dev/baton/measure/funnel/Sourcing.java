package dev.baton.measure.funnel;

import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.journey.Touches;
import dev.baton.measure.outcome.Opportunity;

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
 * @param from     the first touch of the influence window (an index into the account's touches)
 * @param to       the index after its last touch; {@code from == to} when nothing touched it
 */
record Sourcing(String campaign, String channel, int from, int to) {

    static Sourcing of(Opportunity o, Touches touches, TouchIndex index, long lookback, long asOf) {
        long created = o.created().toEpochMilli();
        long end = o.closed() != null ? o.closed().toEpochMilli() : Math.max(asOf, created);
        String firstCampaign = null;
        String firstChannel = null;
        int from = 0;
        int to = 0;
        if (touches != null) {
            from = touches.after(created - lookback - 1);
            to = touches.after(end);
            if (from < to && touches.at(from) <= created) {
                firstCampaign = touches.campaign(from);
                firstChannel = touches.channel(from);
            }
        }
        String campaign = o.primaryCampaign() != null ? o.primaryCampaign() : firstCampaign;
        String channel = o.primaryCampaign() != null ? index.channelOf(o.primaryCampaign()) : firstChannel;
        if (channel == null) {
            channel = o.leadSource();
        }
        return new Sourcing(campaign, channel, from, to);
    }

    boolean touched() {
        return from < to;
    }
}
