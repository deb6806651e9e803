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
    private final Map<String, Map<String, Integer>> votes;
    private final List<Unmatched> unmatched;

    private TouchIndex(By by, Map<String, Touches> groups, Map<String, String> campaignChannels,
                       Map<String, Map<String, Integer>> votes, List<Unmatched> unmatched) {
        this.by = by;
        this.groups = groups;
        this.campaignChannels = campaignChannels;
        this.votes = votes;
        this.unmatched = unmatched;
    }

    public static TouchIndex build(OutcomeData data, Identities identities, OutcomeMapping mapping, By by) {
        int size = data.touchpoints().size();
        return build(data, identities, mapping, by,
                size < 200_000 ? 1 : Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The index built from {@code parts} slices of the touchpoints (any number gives the same index). */
    static TouchIndex build(OutcomeData data, Identities identities, OutcomeMapping mapping, By by, int parts) {
        // Touches are placed in parts, one per core, merged in order: each part's summary (groups,
        // channel counts, what it could not place) merges associatively, and touches at the same
        // time keep the order they were read in.
        List<Touchpoint> all = data.touchpoints();
        List<Part> done = java.util.stream.IntStream.range(0, parts).parallel()
                .mapToObj(i -> new Part(identities, by).read(all.subList(all.size() * i / parts,
                        all.size() * (i + 1) / parts))).toList();
        Part whole = done.get(0);
        for (int i = 1; i < done.size(); i++) {
            whole.merge(done.get(i));
        }
        Map<String, Touches> groups = whole.groups;
        Map<String, ChannelVotes> channelVotes = whole.channelVotes;
        Tally unplaced = whole.unplaced;
        Map<String, Map<String, Integer>> votes = new HashMap<>();
        channelVotes.forEach((campaign, counted) -> votes.put(campaign, counted.counts()));
        Map<String, String> campaignChannels = new HashMap<>();
        channelVotes.forEach((campaign, counted) -> campaignChannels.put(campaign, counted.winner()));
        campaignChannels.putAll(mapping.campaigns().channels());
        Tally unplacedMembers = new Tally();
        for (CampaignMember m : data.campaignMembers()) {
            if (m.responded() == null) {
                continue;
            }
            String key = keyOf(m, identities, by);
            if (key == null) {
                unplacedMembers.add(m.email());
                continue;
            }
            String channel = channelOf(m, mapping, campaignChannels);
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
        return new TouchIndex(by, groups, campaignChannels, votes, List.copyOf(unmatched));
    }

    /** A placed campaign response's channel; {@code campaignChannels} (campaign → channel so far) learns it. */
    private static String channelOf(CampaignMember m, OutcomeMapping mapping, Map<String, String> campaignChannels) {
        String channel = mapping.campaigns().channels().get(m.campaign());
        if (channel == null) {
            channel = m.channel() != null ? m.channel() : campaignChannels.getOrDefault(m.campaign(), "campaign");
        }
        campaignChannels.putIfAbsent(m.campaign(), channel);
        return channel;
    }

    /**
     * The campaign responses with the channel {@link #build} gives each placed one, from the channel
     * votes of all the touchpoints (campaign → channel → touches): an index built over a part of the
     * touches from these responses gives them the channels of the whole.
     */
    public static List<CampaignMember> withChannels(List<CampaignMember> members, Map<String, Map<String, Integer>> votes,
                                                    Identities identities, OutcomeMapping mapping, By by) {
        return given(members, votes, identities, mapping, by, new HashMap<>());
    }

    /**
     * Each campaign's channel as {@link #channelOf} gives it, from the channel votes of all the
     * touchpoints ({@link #votes()}, merged over parts) and all the campaign responses: the channels
     * of an index over all touches, found from the parts' votes.
     */
    public static Map<String, String> campaignChannels(List<CampaignMember> members,
                                                       Map<String, Map<String, Integer>> votes,
                                                       Identities identities, OutcomeMapping mapping, By by) {
        Map<String, String> campaignChannels = new HashMap<>();
        given(members, votes, identities, mapping, by, campaignChannels);
        return campaignChannels;
    }

    /** The responses given their channels; {@code campaignChannels} learns every campaign's. */
    private static List<CampaignMember> given(List<CampaignMember> members, Map<String, Map<String, Integer>> votes,
                                              Identities identities, OutcomeMapping mapping, By by,
                                              Map<String, String> campaignChannels) {
        votes.forEach((campaign, counted) -> campaignChannels.put(campaign, Votes.winner(counted)));
        campaignChannels.putAll(mapping.campaigns().channels());
        List<CampaignMember> given = new ArrayList<>(members.size());
        for (CampaignMember m : members) {
            if (m.responded() == null || keyOf(m, identities, by) == null) {
                given.add(m);
                continue;
            }
            given.add(new CampaignMember(m.campaign(), m.person(), m.email(), m.status(), m.responded(),
                    channelOf(m, mapping, campaignChannels)));
        }
        return given;
    }

    /** Whose touch it is: its account's (named in the file, else its person's account) or its person's; null when none. */
    public static String keyOf(Touchpoint t, Identities identities, By by) {
        String source = t.account() != null && by == By.ACCOUNT ? t.account() : t.email();
        if (source == null) {
            return null;
        }
        return by == By.PERSON ? source : t.account() != null ? identities.ofName(source) : identities.accountOfEmail(source);
    }

    /** Whose touch a campaign response is: its person's account, or its person; null when none. */
    public static String keyOf(CampaignMember m, Identities identities, By by) {
        return by == By.PERSON ? m.email() : identities.accountOfEmail(m.email());
    }

    /** The touches of a slice of the touchpoints, grouped: what one core does. */
    private static final class Part {
        final Identities identities;
        final By by;
        final Map<String, Touches> groups = new HashMap<>();
        final Map<String, ChannelVotes> channelVotes = new HashMap<>();
        final Tally unplaced = new Tally();

        Part(Identities identities, By by) {
            this.identities = identities;
            this.by = by;
        }

        Part read(List<Touchpoint> touchpoints) {
            // One lookup a touch: a person's email (or an account's name) leads straight to its group.
            // The maps are large, and each lookup a likely cache miss: they dominate the time.
            Touches none = new Touches();
            Map<String, Touches> groupOf = new HashMap<>();
            for (Touchpoint t : touchpoints) {
                String source = t.account() != null && by == By.ACCOUNT ? t.account() : t.email();
                Touches group = source == null ? none : groupOf.get(source);
                if (group == null) {
                    // Get, then put: a lambda capturing the touch would be made for every touch.
                    String key = keyOf(t, identities, by);
                    group = key == null ? none : groups.computeIfAbsent(key, k -> new Touches());
                    groupOf.put(source, group);
                }
                if (t.campaign() != null) {
                    channelVotes.computeIfAbsent(t.campaign(), k -> new ChannelVotes()).add(t.channel());
                }
                if (group == none) {
                    unplaced.add(t.email());
                    continue;
                }
                group.add(t.at().toEpochMilli(), t.channel(), t.campaign(), t.cost(), t.email());
            }
            return this;
        }

        /** Adds a later part: its touches after this part's, group by group. */
        void merge(Part later) {
            later.groups.forEach((key, touches) -> groups.merge(key, touches, Touches::append));
            later.channelVotes.forEach((campaign, votes) -> channelVotes.merge(campaign, votes, ChannelVotes::merge));
            unplaced.merge(later.unplaced);
        }
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

    /** The touchpoints' channels per campaign, counted (campaign → channel → touches): what a part's index adds to the whole's. */
    public Map<String, Map<String, Integer>> votes() {
        return votes;
    }

    /** Touches that could not be given an account (personal email, no account column) or a person, with examples. */
    public List<Unmatched> unmatched() {
        return unmatched;
    }

    /**
     * The channels one campaign's touches are in, counted. A campaign has few channels, so a short
     * list scanned per touch beats a second map lookup (the values are pooled, so usually the same
     * instance).
     */
    private static final class ChannelVotes {
        private String[] channels = new String[2];
        private int[] counts = new int[2];
        private int size;

        void add(String channel) {
            for (int i = 0; i < size; i++) {
                if (channels[i] == channel || channels[i].equals(channel)) {
                    counts[i]++;
                    return;
                }
            }
            if (size == channels.length) {
                channels = java.util.Arrays.copyOf(channels, size * 2);
                counts = java.util.Arrays.copyOf(counts, size * 2);
            }
            channels[size] = channel;
            counts[size++] = 1;
        }

        ChannelVotes merge(ChannelVotes other) {
            for (int i = 0; i < other.size; i++) {
                for (int n = 0; n < other.counts[i]; n++) {
                    add(other.channels[i]);
                }
            }
            return this;
        }

        String winner() {
            return Votes.winner(counts());
        }

        Map<String, Integer> counts() {
            Map<String, Integer> counted = new HashMap<>();
            for (int i = 0; i < size; i++) {
                counted.put(channels[i], counts[i]);
            }
            return counted;
        }
    }
}
