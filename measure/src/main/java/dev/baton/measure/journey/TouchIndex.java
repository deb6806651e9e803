package dev.baton.measure.journey;

import dev.baton.measure.identity.Identities;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.CampaignMember;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.Touchpoint;
import dev.baton.measure.outcome.Votes;
import java.util.HashMap;
import java.util.Map;

/**
 * Every touch (touchpoint rows and campaign responses) grouped by account or by person, each
 * group in time order. A campaign response is a touch at its first responded date, in the channel
 * the mapping's {@code campaigns.channels} gives, else the campaign's type, else the channel of the
 * campaign's other touches, else {@code campaign}.
 */
public final class TouchIndex {

    /** Whose touches: an account's (the B2B default) or a person's. */
    public enum By { ACCOUNT, PERSON }

    private final By by;
    private final Map<String, Touches> groups;
    private final Map<String, String> campaignChannels;
    private final long unplaced;

    private TouchIndex(By by, Map<String, Touches> groups, Map<String, String> campaignChannels, long unplaced) {
        this.by = by;
        this.groups = groups;
        this.campaignChannels = campaignChannels;
        this.unplaced = unplaced;
    }

    public static TouchIndex build(OutcomeData data, Identities identities, OutcomeMapping mapping, By by) {
        Map<String, Touches> groups = new HashMap<>();
        Map<String, Map<String, Integer>> channelVotes = new HashMap<>();
        long unplaced = 0;
        // Emails repeat across a person's touches: their account is looked up once.
        Map<String, String> accountOfEmail = new HashMap<>();
        for (Touchpoint t : data.touchpoints()) {
            String key;
            if (by == By.PERSON) {
                key = t.email();
            } else if (t.account() != null) {
                key = identities.ofName(t.account());
            } else {
                key = accountOfEmail.computeIfAbsent(t.email(), e -> {
                    String a = identities.accountOfEmail(e);
                    return a == null ? "" : a;
                });
            }
            if (t.campaign() != null) {
                channelVotes.computeIfAbsent(t.campaign(), k -> new HashMap<>()).merge(t.channel(), 1, Integer::sum);
            }
            if (key == null || key.isEmpty()) {
                unplaced++;
                continue;
            }
            groups.computeIfAbsent(key, k -> new Touches()).add(t.at().toEpochMilli(), t.channel(), t.campaign(), t.cost());
        }
        Map<String, String> campaignChannels = new HashMap<>();
        channelVotes.forEach((campaign, votes) -> campaignChannels.put(campaign, Votes.winner(votes)));
        campaignChannels.putAll(mapping.campaigns().channels());
        for (CampaignMember m : data.campaignMembers()) {
            if (m.responded() == null) {
                continue;
            }
            String key = by == By.PERSON ? m.email() : identities.accountOfEmail(m.email());
            if (key == null) {
                unplaced++;
                continue;
            }
            String channel = mapping.campaigns().channels().get(m.campaign());
            if (channel == null) {
                channel = m.channel() != null ? m.channel() : campaignChannels.getOrDefault(m.campaign(), "campaign");
            }
            campaignChannels.putIfAbsent(m.campaign(), channel);
            groups.computeIfAbsent(key, k -> new Touches()).add(m.responded().toEpochMilli(), channel, m.campaign(), 0);
        }
        groups.values().forEach(Touches::sort);
        return new TouchIndex(by, groups, campaignChannels, unplaced);
    }

    public By by() {
        return by;
    }

    /** The touches of an account or person, or null when it has none. */
    public Touches of(String key) {
        return key == null ? null : groups.get(key);
    }

    public Map<String, Touches> groups() {
        return groups;
    }

    /** The channel a campaign's touches are in (the most frequent), or null when no touch names it. */
    public String channelOf(String campaign) {
        return campaign == null ? null : campaignChannels.get(campaign);
    }

    /** Touches that could not be given an account (personal email, no account column) or person. */
    public long unplaced() {
        return unplaced;
    }
}
