package dev.baton.measure.funnel;

import dev.baton.measure.identity.Identities;
import dev.baton.measure.identity.Unmatched;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.journey.Touches;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.Touchpoint;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the funnel takes from the touches (docs/outcomes.md#the-funnel), record by record, apart
 * from the CRM's own figures: per lead, the campaign and channel of its person's first touch in the
 * lookback window before it was created; per opportunity, its first touch in that window and the
 * campaigns or channels that touched it until it closed (see {@link Sourcing}); the touches' cost per
 * group; the touchpoints' channel votes per campaign; the touches no account or person took.
 *
 * <p>Found over an index of all the touches ({@link Funnel#compute} on one machine), or over the
 * whole journeys of one part — every touch of an account (or person) in the same part, the touches
 * no one took and the campaign responses no one took in one part — and then {@link #merge}d: the
 * merge of the parts equals the whole (baton-scale's funnel: docs/scale.md). The records are
 * numbered by their place in the data, so every part is given all leads and opportunities.
 */
public final class FunnelTouches implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * An opportunity's touches from the lookback window before it was created until it closed.
     *
     * @param campaign    the first touch's campaign when it came before the opportunity was created, else null
     * @param channel     that touch's channel, else null
     * @param influencers the distinct campaigns (channels, by channel) among the touches; empty when
     *                    the funnel is split by neither
     */
    record Reach(String campaign, String channel, List<String> influencers) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Dimension by;
    private final TouchIndex.By per;
    private final long asOf;
    /** Lead number → {campaign, channel} of its first touch; only by campaign, channel or work type. */
    private final HashMap<Integer, String[]> leads = new HashMap<>();
    /** Opportunity number → its reach; only opportunities some touch reached. */
    private final HashMap<Integer, Reach> opportunities = new HashMap<>();
    /** The touches' cost before it is grouped: per campaign, channel, quarter, or account (person) for segments; {cost, touches}. */
    private final HashMap<String, double[]> costs = new HashMap<>();
    private double cost;
    private long costedTouches;
    private final HashMap<String, Map<String, Integer>> votes = new HashMap<>();
    private final ArrayList<Unmatched> unmatched = new ArrayList<>();

    private FunnelTouches(Dimension by, TouchIndex.By per, long asOf) {
        this.by = by;
        this.per = per;
        this.asOf = asOf;
    }

    /**
     * What the funnel split by {@code by} takes from the touches of {@code index} (built with
     * {@code options.by()} over {@code data}'s touchpoints and campaign responses).
     *
     * @param asOf the newest date of all the data ({@link OutcomeData#asOf} of the whole, not of a
     *             part): open opportunities are influenced until then
     */
    public static FunnelTouches of(OutcomeData data, Identities identities, Dimension by, JourneyOptions options,
                                   TouchIndex index, Instant asOf) {
        FunnelTouches f = new FunnelTouches(by, index.by(), asOf.toEpochMilli());
        long lookback = options.lookback().toMillis();
        boolean byAccount = index.by() == TouchIndex.By.ACCOUNT;
        if (bySource(by)) {
            f.leadSources(data.leads(), identities, index, lookback, byAccount);
        }
        List<Opportunity> opportunities = data.opportunities();
        for (int i = 0; i < opportunities.size(); i++) {
            Opportunity o = opportunities.get(i);
            String id = o.id().value();
            Touches touches = index.of(byAccount ? identities.accountOfOpportunity(id) : identities.personOfOpportunity(id));
            if (touches != null) {
                Reach reach = f.reach(o, touches, lookback);
                if (reach != null) {
                    f.opportunities.put(i, reach);
                }
            }
        }
        f.costs(data.touchpoints(), index);
        index.votes().forEach((campaign, counted) -> f.votes.put(campaign, new HashMap<>(counted)));
        f.unmatched.addAll(index.unmatched());
        return f;
    }

    /**
     * Each lead's first touch by its person within the lookback window before it was created:
     * looked up among its account's touches (or the person's own), no pass over all touches.
     */
    private void leadSources(List<Lead> all, Identities identities, TouchIndex index, long lookback, boolean byAccount) {
        for (int i = 0; i < all.size(); i++) {
            Lead l = all.get(i);
            if (l.email() == null) {
                continue;
            }
            Touches t = index.of(byAccount ? identities.accountOfEmail(l.email()) : l.email());
            if (t == null) {
                continue;
            }
            long created = l.created().toEpochMilli();
            for (int j = t.after(created - lookback - 1); j < t.size() && t.at(j) <= created; j++) {
                if (!byAccount || l.email().equals(t.person(j))) {
                    leads.put(i, new String[] {t.campaign(j), t.channel(j)});
                    break;
                }
            }
        }
    }

    /** The opportunity's touches from the window before it was created until it closed (while open: until {@link #asOf}); null when none. */
    private Reach reach(Opportunity o, Touches touches, long lookback) {
        long created = o.created().toEpochMilli();
        long end = o.closed() != null ? o.closed().toEpochMilli() : Math.max(asOf, created);
        int from = touches.after(created - lookback - 1);
        int to = touches.after(end);
        if (from >= to) {
            return null;
        }
        boolean first = touches.at(from) <= created;
        List<String> influencers = List.of();
        if (bySource(by)) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = from; i < to; i++) {
                String influencer = by == Dimension.CHANNEL ? touches.channel(i) : touches.campaign(i);
                if (influencer != null) {
                    seen.add(influencer);
                }
            }
            influencers = List.copyOf(seen);
        }
        return new Reach(first ? touches.campaign(from) : null, first ? touches.channel(from) : null, influencers);
    }

    /** Each touch's cost under its key before grouping; touches without cost add nothing. */
    private void costs(List<Touchpoint> touchpoints, TouchIndex index) {
        if (by == Dimension.SEGMENT) {
            index.groups().forEach((key, t) -> {
                for (int i = 0; i < t.size(); i++) {
                    if (t.cost(i) > 0) {
                        add(key, t.cost(i), 1);
                    }
                }
            });
        }
        String[] quarterNames = by == Dimension.QUARTER ? new String[4096 * 4] : null;
        for (Touchpoint t : touchpoints) {
            if (t.cost() <= 0) {
                continue;
            }
            cost += t.cost();
            costedTouches++;
            switch (by) {
                case CAMPAIGN, WORK_TYPE -> add(t.campaign(), t.cost(), 1);
                case CHANNEL -> add(t.channel(), t.cost(), 1);
                case QUARTER -> add(quarterOf(t.at(), quarterNames), t.cost(), 1);
                default -> {
                }
            }
        }
    }

    private void add(String key, double amount, long touches) {
        double[] sum = costs.computeIfAbsent(key, k -> new double[2]);
        sum[0] += amount;
        sum[1] += touches;
    }

    /** The quarter's name, made once each (the touch loop would make a million). */
    private static String quarterOf(Instant at, String[] names) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), 86_400L));
        int slot = Math.floorMod(day.getYear(), 4096) * 4 + (day.getMonthValue() - 1) / 3;
        if (names[slot] == null) {
            names[slot] = Dimension.quarter(at);
        }
        return names[slot];
    }

    /**
     * Adds another part's: its journeys are not this part's (an account's touches are all in one
     * part), so records found there are taken as they are; costs, votes and what no one took add up,
     * this part's examples first.
     *
     * @throws IllegalArgumentException when the parts were found for different splits or dates
     */
    public FunnelTouches merge(FunnelTouches other) {
        if (other.by != by || other.per != per || other.asOf != asOf) {
            throw new IllegalArgumentException("the parts of the funnel's touches were found with different options");
        }
        other.leads.forEach(leads::putIfAbsent);
        other.opportunities.forEach(opportunities::putIfAbsent);
        other.costs.forEach((key, sum) -> add(key, sum[0], (long) sum[1]));
        cost += other.cost;
        costedTouches += other.costedTouches;
        other.votes.forEach((campaign, counted) -> counted.forEach((channel, n) ->
                votes.computeIfAbsent(campaign, k -> new HashMap<>()).merge(channel, n, Integer::sum)));
        for (Unmatched u : other.unmatched) {
            int same = -1;
            for (int i = 0; i < unmatched.size() && same < 0; i++) {
                same = unmatched.get(i).what().equals(u.what()) ? i : -1;
            }
            if (same < 0) {
                unmatched.add(u);
            } else {
                Unmatched mine = unmatched.get(same);
                Set<String> examples = new LinkedHashSet<>(mine.examples());
                u.examples().stream().filter(e -> examples.size() < 5).forEach(examples::add);
                unmatched.set(same, new Unmatched(mine.what(), mine.count() + u.count(), List.copyOf(examples),
                        mine.effect()));
            }
        }
        return this;
    }

    static boolean bySource(Dimension by) {
        return by == Dimension.CAMPAIGN || by == Dimension.CHANNEL || by == Dimension.WORK_TYPE;
    }

    Dimension by() {
        return by;
    }

    /** Whose touches: accounts' or persons'. */
    TouchIndex.By per() {
        return per;
    }

    /** The newest date of all the data. */
    public Instant asOf() {
        return Instant.ofEpochMilli(asOf);
    }

    /** The campaign of the {@code index}-th lead's first touch, or null. */
    String leadCampaign(int index) {
        String[] first = leads.get(index);
        return first == null ? null : first[0];
    }

    String leadChannel(int index) {
        String[] first = leads.get(index);
        return first == null ? null : first[1];
    }

    /** The {@code index}-th opportunity's reach, or null when no touch reached it. */
    Reach reach(int index) {
        return opportunities.get(index);
    }

    Map<String, double[]> costs() {
        return costs;
    }

    double cost() {
        return cost;
    }

    long costedTouches() {
        return costedTouches;
    }

    /** The touchpoints' channels per campaign, counted: campaign → channel → touches. */
    public Map<String, Map<String, Integer>> votes() {
        return votes;
    }

    public List<Unmatched> unmatched() {
        return List.copyOf(unmatched);
    }

    /** How many opportunities a touch reached, for tests and logs. */
    public int reached() {
        return opportunities.size();
    }
}
