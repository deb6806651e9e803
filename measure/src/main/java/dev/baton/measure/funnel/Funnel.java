package dev.baton.measure.funnel;

import dev.baton.measure.identity.Identities;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.FunnelStages;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.StageRef;
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
 * merge associatively ({@link FunnelSummary#merge}), so the whole is a map and a reduce. What the
 * touches say of each record is found first ({@link FunnelTouches}), over all touches or in parts.
 */
public final class Funnel {

    private final OutcomeData data;
    private final Identities identities;
    private final OutcomeMapping mapping;
    private final Dimension by;
    private final FunnelStages stages;
    private final FunnelTouches touches;
    private final long asOf;
    private final Map<String, FunnelSummary> groups = new HashMap<>();
    private final FunnelSummary total;
    private final Map<String, String> accountSegments = new HashMap<>();
    /** For {@link Dimension#WORK_TYPE}: each campaign's group; a campaign it does not name is {@link Dimension#NO_LINKED_ITEM}. */
    private final Map<String, String> relabel;

    private Funnel(OutcomeData data, Identities identities, OutcomeMapping mapping, Dimension by,
                   FunnelTouches touches, Map<String, String> relabel) {
        this.relabel = relabel;
        this.data = data;
        this.identities = identities;
        this.mapping = mapping;
        this.by = by;
        this.stages = mapping.stages();
        this.touches = touches;
        this.asOf = touches.asOf().toEpochMilli();
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
        return compute(data, identities, mapping, options, relabel,
                FunnelTouches.of(data, identities, by, options, touches, data.asOf()));
    }

    /**
     * The funnel with what the touches say found apart ({@code touches}, split by the dimension the
     * funnel is split by; merged from parts on baton-scale): {@code data}'s touchpoints are not
     * read, so {@code data} may hold the CRM exports alone.
     */
    public static FunnelReport compute(OutcomeData data, Identities identities, OutcomeMapping mapping,
                                       JourneyOptions options, Map<String, String> relabel, FunnelTouches touches) {
        return new Funnel(data, identities, mapping, touches.by(), touches, Map.copyOf(relabel)).run(options);
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
        FunnelWalk.walk(data, identities, mapping, touches, new FunnelWalk.Visitor() {
            @Override
            public void lead(int index, Lead l, Passage p) {
                fold(leadKey(l, index), s -> {
                    p.into(s);
                    handoff(l, p, s.handoff);
                });
            }

            @Override
            public void opportunity(Opportunity o, Passage p, Sourcing sourcing) {
                if (p != null) {
                    fold(opportunityKey(o, sourcing), p::into);
                }
                money(o, sourcing);
            }
        });
        cost();
        List<FunnelReport.Group> result = new ArrayList<>();
        new TreeMap<>(groups).forEach((key, s) -> result.add(group(key, s)));
        List<dev.baton.measure.identity.Unmatched> unmatched = new ArrayList<>(touches.unmatched());
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
            case CAMPAIGN, WORK_TYPE -> campaignGroup(touches.leadCampaign(index));
            case CHANNEL -> orNone(touches.leadChannel(index) != null ? touches.leadChannel(index) : l.source());
            case SEGMENT -> orNone(l.segment() != null ? l.segment()
                    : accountSegments.get(String.valueOf(identities.accountOfEmail(l.email()))));
            case QUARTER -> Dimension.quarter(l.created());
            case NONE -> "all";
        };
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
    private void money(Opportunity o, Sourcing sourcing) {
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
        for (String influencer : sourcing.influencers()) {
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

    /** The touches' cost to their groups: by campaign, channel or quarter as they are; by segment, their account's. */
    private void cost() {
        total.cost += touches.cost();
        total.costedTouches += touches.costedTouches();
        if (by == Dimension.NONE) {
            return;
        }
        boolean byAccount = touches.per() == TouchIndex.By.ACCOUNT;
        touches.costs().forEach((key, sum) -> {
            String group = switch (by) {
                case CAMPAIGN, WORK_TYPE -> campaignGroup(key);
                case SEGMENT -> orNone(byAccount ? accountSegments.get(key)
                        : accountSegments.get(String.valueOf(identities.accountOfEmail(key))));
                default -> key;
            };
            FunnelSummary s = group(group);
            s.cost += sum[0];
            s.costedTouches += (long) sum[1];
        });
    }

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
        return FunnelTouches.bySource(by);
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
