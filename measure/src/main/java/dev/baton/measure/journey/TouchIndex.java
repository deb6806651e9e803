package dev.baton.measure.journey;

import dev.baton.measure.identity.Identities;
import dev.baton.measure.identity.Tally;
import dev.baton.measure.identity.Unmatched;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.CampaignMember;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.Touchpoint;
import dev.baton.measure.outcome.Votes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
    private final List<Unmatched> unmatched;

    private TouchIndex(By by, Map<String, Touches> groups, Map<String, String> campaignChannels,
                       List<Unmatched> unmatched) {
        this.by = by;
        this.groups = groups;
        this.campaignChannels = campaignChannels;
        this.unmatched = unmatched;
    }

    public static TouchIndex build(OutcomeData data, Identities identities, OutcomeMapping mapping, By by) {
        Map<String, Touches> groups = new HashMap<>();
        Map<String, Map<String, int[]>> channelVotes = new HashMap<>();
        Tally unplaced = new Tally();
        // One lookup a touch: a person's email (or an account's name) leads straight to its group.
        // The maps are large, and each lookup a likely cache miss: they dominate the time.
        Touches none = new Touches();
        Map<String, Touches> groupOf = new HashMap<>();
        for (Touchpoint t : data.touchpoints()) {
            String source = t.account() != null && by == By.ACCOUNT ? t.account() : t.email();
            Touches group = source == null ? none : groupOf.computeIfAbsent(source, s -> {
                String key = by == By.PERSON ? s : t.account() != null ? identities.ofName(s) : identities.accountOfEmail(s);
                return key == null ? none : groups.computeIfAbsent(key, k -> new Touches());
            });
            if (t.campaign() != null) {
                channelVotes.computeIfAbsent(t.campaign(), k -> new HashMap<>()).computeIfAbsent(t.channel(),
                        k -> new int[1])[0]++;
            }
            if (group == none) {
                unplaced.add(t.email());
                continue;
            }
            group.add(t.at().toEpochMilli(), t.channel(), t.campaign(), t.cost(), t.email());
        }
        Map<String, String> campaignChannels = new HashMap<>();
        channelVotes.forEach((campaign, votes) -> {
            Map<String, Integer> counted = new HashMap<>();
            votes.forEach((channel, n) -> counted.put(channel, n[0]));
            campaignChannels.put(campaign, Votes.winner(counted));
        });
        campaignChannels.putAll(mapping.campaigns().channels());
        Tally unplacedMembers = new Tally();
        for (CampaignMember m : data.campaignMembers()) {
            if (m.responded() == null) {
                continue;
            }
            String key = by == By.PERSON ? m.email() : identities.accountOfEmail(m.email());
            if (key == null) {
                unplacedMembers.add(m.email());
                continue;
            }
            String channel = mapping.campaigns().channels().get(m.campaign());
            if (channel == null) {
                channel = m.channel() != null ? m.channel() : campaignChannels.getOrDefault(m.campaign(), "campaign");
            }
            campaignChannels.putIfAbsent(m.campaign(), channel);
            groups.computeIfAbsent(key, k -> new Touches()).add(m.responded().toEpochMilli(), channel, m.campaign(), 0,
                    m.email());
        }
        groups.values().forEach(Touches::sort);
        List<Unmatched> unmatched = new ArrayList<>();
        String effect = by == By.ACCOUNT ? "left out of account journeys and of the funnel's sourced and influenced "
                + "figures; give the account in the touchpoint file's account column or map the address under "
                + "identity.emails" : "left out of person journeys: the touchpoint file names no person for them";
        unplaced.into(unmatched, by == By.ACCOUNT ? "touchpoints from personal email addresses with no account"
                : "touchpoints with an account but no person", effect);
        unplacedMembers.into(unmatched, "campaign responses from personal email addresses", effect);
        return new TouchIndex(by, groups, campaignChannels, List.copyOf(unmatched));
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

    /** Touches that could not be given an account (personal email, no account column) or a person, with examples. */
    public List<Unmatched> unmatched() {
        return unmatched;
    }
}
