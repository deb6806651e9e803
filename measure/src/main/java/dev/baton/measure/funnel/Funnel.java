package dev.baton.measure.funnel;

import dev.baton.measure.identity.Identities;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.journey.Touches;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.FunnelStages;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.StageRef;
import dev.baton.measure.outcome.Touchpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The funnel, Lead → MQL → SQL → opportunity → won (or the mapping's stages), per campaign,
 * channel, work type (campaigns relabelled by the caller), segment or quarter. Each entity makes a summary under its group's key: a lead (its
 * passage through the stages, including the opportunity it became, and its handoff), an
 * opportunity no lead became (its passage from the opportunity stage), each opportunity once more
 * for the money it sourced and influenced, and each touch for its cost. Summaries under one key
 * merge associatively ({@link FunnelSummary#merge}), so the whole is a map and a reduce.
 */
public final class Funnel {

    private final OutcomeData data;
    private final Identities identities;
    private final OutcomeMapping mapping;
    private final Dimension by;
    private final FunnelStages stages;
    private final TouchIndex accounts;
    /** Per lead (in the order of the data), the campaign and channel of the person's first touch in its window. */
    private String[] leadCampaigns;
    private String[] leadChannels;
    private final long lookback;
    private final long asOf;
    private final Map<String, FunnelSummary> groups = new HashMap<>();
    private final FunnelSummary total;
    private final Map<String, String> accountSegments = new HashMap<>();
    /** For {@link Dimension#WORK_TYPE}: each campaign's group; a campaign it does not name is {@link Dimension#NO_LINKED_ITEM}. */
    private final Map<String, String> relabel;

    private Funnel(OutcomeData data, Identities identities, OutcomeMapping mapping, Dimension by,
                   JourneyOptions options, TouchIndex accounts, Map<String, String> relabel) {
        this.relabel = relabel;
        this.data = data;
        this.identities = identities;
        this.mapping = mapping;
        this.by = by;
        this.stages = mapping.stages();
        this.accounts = accounts;
        this.lookback = options.lookback().toMillis();
        this.asOf = data.asOf().toEpochMilli();
        this.total = new FunnelSummary(stages.size());
    }

    /** The funnel split by {@code by}, with journeys' account-or-person choice and lookback window from {@code options}. */
    public static FunnelReport compute(OutcomeData data, Identities identities, OutcomeMapping mapping, Dimension by,
                                       JourneyOptions options) {
        return compute(data, identities, mapping, by, options, Map.of());
    }

    /**
     * The funnel split by {@code by}; for {@link Dimension#WORK_TYPE}, {@code relabel} gives each
     * campaign's group (its linked work item's work type). Every entity is grouped by its relabelled
     * campaign itself, so medians and influenced pipeline are the group's own, not sums of campaigns'.
     */
    public static FunnelReport compute(OutcomeData data, Identities identities, OutcomeMapping mapping, Dimension by,
                                       JourneyOptions options, Map<String, String> relabel) {
        return compute(data, identities, mapping, by, options, relabel,
                TouchIndex.build(data, identities, mapping, options.by()));
    }

    /**
     * The funnel over touches already indexed ({@code touches}, built with {@code options.by()}): a
     * page that shows the funnel, the journeys and the metrics indexes the touches once.
     */
    public static FunnelReport compute(OutcomeData data, Identities identities, OutcomeMapping mapping, Dimension by,
                                       JourneyOptions options, Map<String, String> relabel, TouchIndex touches) {
        return new Funnel(data, identities, mapping, by, options, touches, Map.copyOf(relabel)).run(options);
    }

    private FunnelReport run(JourneyOptions options) {
        for (Opportunity o : data.opportunities()) {
            if (o.segment() != null) {
                String account = identities.accountOfOpportunity(o.id().value());
                if (account != null) {
                    accountSegments.putIfAbsent(account, o.segment());
                }
            }
        }
        for (Lead l : data.leads()) {
            String account = identities.accountOfEmail(l.email());
            if (l.segment() != null && account != null) {
                accountSegments.putIfAbsent(account, l.segment());
            }
        }
        if (bySource()) {
            leadSources();
        }
        FunnelWalk.walk(data, identities, stages, accounts, options, new FunnelWalk.Visitor() {
            @Override
            public void lead(int index, Lead l, Passage p) {
                fold(leadKey(l, index), s -> {
                    p.into(s);
                    handoff(l, p, s.handoff);
                });
            }

            @Override
            public void opportunity(Opportunity o, Passage p, Sourcing sourcing, Touches touches) {
                if (p != null) {
                    fold(opportunityKey(o, sourcing), p::into);
                }
                money(o, sourcing, touches);
            }
        });
        cost();
        List<FunnelReport.Group> result = new ArrayList<>();
        new TreeMap<>(groups).forEach((key, s) -> result.add(group(key, s)));
        List<dev.baton.measure.identity.Unmatched> unmatched = new ArrayList<>(accounts.unmatched());
        unmatched.addAll(identities.unmatched());
        return new FunnelReport(stages.ids(), by, options.lookback(), Instant.ofEpochMilli(asOf),
                group("all", total), by == Dimension.NONE ? List.of() : List.copyOf(result), List.copyOf(unmatched),
                List.of());
    }

    private FunnelReport.Group group(String key, FunnelSummary s) {
        return FunnelReport.group(key, s, stages.ids(), stages.handoffFrom(), stages.handoffTo(), mapping.handoff().sla());
    }

    /**
     * Adds one entity to the total and to its group's summary: the same as merging the entity's own
     * summary into both (a fold), without making hundreds of thousands of one-entity summaries.
     */
    private void fold(String key, java.util.function.Consumer<FunnelSummary> entity) {
        entity.accept(total);
        if (by != Dimension.NONE) {
            entity.accept(group(key));
        }
    }

    /** A lead's group: the campaign and channel of the person's first touch within the lookback before it was created. */
    private String leadKey(Lead l, int index) {
        return switch (by) {
            case CAMPAIGN, WORK_TYPE -> campaignGroup(leadCampaigns[index]);
            case CHANNEL -> orNone(leadChannels[index] != null ? leadChannels[index] : l.source());
            case SEGMENT -> orNone(l.segment() != null ? l.segment()
                    : accountSegments.get(String.valueOf(identities.accountOfEmail(l.email()))));
            case QUARTER -> Dimension.quarter(l.created());
            case NONE -> "all";
        };
    }

    /**
     * Each lead's first touch by its person within the lookback window before it was created:
     * looked up among its account's touches (or the person's own), no pass over all touches.
     */
    private void leadSources() {
        List<Lead> leads = data.leads();
        leadCampaigns = new String[leads.size()];
        leadChannels = new String[leads.size()];
        boolean byAccount = accounts.by() == TouchIndex.By.ACCOUNT;
        for (int i = 0; i < leads.size(); i++) {
            Lead l = leads.get(i);
            if (l.email() == null) {
                continue;
            }
            Touches t = accounts.of(byAccount ? identities.accountOfEmail(l.email()) : l.email());
            if (t == null) {
                continue;
            }
            long created = l.created().toEpochMilli();
            for (int j = t.after(created - lookback - 1); j < t.size() && t.at(j) <= created; j++) {
                if (!byAccount || l.email().equals(t.person(j))) {
                    leadCampaigns[i] = t.campaign(j);
                    leadChannels[i] = t.channel(j);
                    break;
                }
            }
        }
    }

    private String opportunityKey(Opportunity o, Sourcing sourcing) {
        return switch (by) {
            case CAMPAIGN, WORK_TYPE -> campaignGroup(sourcing.campaign());
            case CHANNEL -> orNone(sourcing.channel());
            case SEGMENT -> orNone(o.segment() != null ? o.segment()
                    : accountSegments.get(String.valueOf(identities.accountOfOpportunity(o.id().value()))));
            case QUARTER -> Dimension.quarter(o.created());
            case NONE -> "all";
        };
    }

    /** The opportunity's pipeline (and revenue, when won) to its sourcing group and to every group that influenced it. */
    private void money(Opportunity o, Sourcing sourcing, Touches touches) {
        double amount = o.amount();
        boolean won = o.won();
        String key = opportunityKey(o, sourcing);
        total.addSourced(amount, won);
        if (by != Dimension.NONE) {
            group(key).addSourced(amount, won);
        }
        if (!sourcing.touched()) {
            return;
        }
        total.addInfluenced(amount, won);
        if (by == Dimension.NONE) {
            return;
        }
        if (!bySource()) {
            group(key).addInfluenced(amount, won);
            return;
        }
        // Each campaign (channel, work type) in the window once: a stamp per opportunity instead of a set per opportunity.
        stamp++;
        for (int i = sourcing.from(); i < sourcing.to(); i++) {
            String influencer = by == Dimension.CHANNEL ? touches.channel(i) : touches.campaign(i);
            if (influencer == null) {
                continue;
            }
            if (by == Dimension.WORK_TYPE) {
                influencer = campaignGroup(influencer);
            }
            long[] seen = stamps.computeIfAbsent(influencer, k -> new long[1]);
            if (seen[0] != stamp) {
                seen[0] = stamp;
                group(influencer).addInfluenced(amount, won);
            }
        }
    }

    private FunnelSummary group(String key) {
        return groups.computeIfAbsent(key, k -> new FunnelSummary(stages.size()));
    }

    private final Map<String, long[]> stamps = new HashMap<>();
    private long stamp;

    /** Each touch's cost to its group; touches without cost add nothing. */
    private void cost() {
        if (by == Dimension.SEGMENT) {
            accounts.groups().forEach((account, t) -> {
                String segment = orNone(accounts.by() == TouchIndex.By.ACCOUNT ? accountSegments.get(account)
                        : accountSegments.get(String.valueOf(identities.accountOfEmail(account))));
                FunnelSummary s = null;
                for (int i = 0; i < t.size(); i++) {
                    if (t.cost(i) > 0) {
                        s = s == null ? group(segment) : s;
                        s.cost += t.cost(i);
                        s.costedTouches++;
                    }
                }
            });
        }
        for (Touchpoint t : data.touchpoints()) {
            if (t.cost() <= 0) {
                continue;
            }
            total.cost += t.cost();
            total.costedTouches++;
            String key = switch (by) {
                case CAMPAIGN, WORK_TYPE -> campaignGroup(t.campaign());
                case CHANNEL -> t.channel();
                case QUARTER -> quarterOf(t.at());
                default -> null;
            };
            if (key != null) {
                FunnelSummary s = group(key);
                s.cost += t.cost();
                s.costedTouches++;
            }
        }
    }

    private String quarterOf(Instant at) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(at.getEpochSecond(), 86_400L));
        int slot = Math.floorMod(day.getYear(), 4096) * 4 + (day.getMonthValue() - 1) / 3;
        if (quarterNames[slot] == null) {
            quarterNames[slot] = Dimension.quarter(at);
        }
        return quarterNames[slot];
    }

    /** Quarter names made once each (the touch loop would make a million). */
    private final String[] quarterNames = new String[4096 * 4];

    /** The lead handoff (MQL → SQL by default): time to accept, rejected back, never worked; each with its leads. */
    private void handoff(Lead l, Passage p, FunnelSummary.Handoff h) {
        int from = stages.handoffFrom();
        int to = stages.handoffTo();
        if (!p.reached[from]) {
            return;
        }
        h.handedOver++;
        String id = l.id().value();
        StageRef status = l.statusStage();
        boolean rejected = status != null && status.rejected();
        if (rejected) {
            h.rejected.add(() -> id + " (" + l.status() + ")");
        } else if (status != null && status.kind() == StageRef.Kind.REACHED && status.index() < from
                && p.furthestDated > status.index()) {
            // The CRM dates a later stage than the one the lead is in now: it was sent back.
            rejected = true;
            h.rejected.add(() -> id + " (back to " + l.status() + " after " + stages.id(p.furthestDated) + ")");
        }
        if (p.reached[to] && !rejected) {
            h.accepted++;
            if (p.at[from] != Passage.UNDATED && p.at[to] != Passage.UNDATED && p.at[to] >= p.at[from]) {
                long wait = p.at[to] - p.at[from];
                h.timeToAccept.add(wait);
                if (wait > mapping.handoff().sla().toMillis()) {
                    h.overSla.add(() -> id + " (" + Math.round(wait / 3_600_000.0) + "h)");
                }
            }
        } else if (!p.reached[to] && !rejected) {
            long handed = p.at[from] != Passage.UNDATED ? p.at[from] : l.created().toEpochMilli();
            if (asOf - handed > mapping.handoff().neverWorkedAfter().toMillis()) {
                h.neverWorked.add(() -> id + " (" + stages.id(from) + " since " + LocalDate.ofInstant(
                        Instant.ofEpochMilli(handed), ZoneOffset.UTC) + ")");
            }
        }
    }

    /** Split by the touches' sources (campaign, channel or the campaign's work type) rather than by the entity's own field. */
    private boolean bySource() {
        return by == Dimension.CAMPAIGN || by == Dimension.CHANNEL || by == Dimension.WORK_TYPE;
    }

    /** The group of a sourcing campaign: the campaign itself, or by work type its relabelling. */
    private String campaignGroup(String campaign) {
        String key = orNone(campaign);
        if (by != Dimension.WORK_TYPE || key.equals(Dimension.NO_VALUE)) {
            return key;
        }
        return relabel.getOrDefault(campaign, Dimension.NO_LINKED_ITEM);
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? Dimension.NO_VALUE : value;
    }
}
