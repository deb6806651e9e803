package dev.baton.measure.funnel;

import dev.baton.measure.identity.Identities;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.journey.Touches;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.FunnelStages;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OpportunityStageChange;
import dev.baton.measure.outcome.OutcomeData;
import dev.baton.measure.outcome.StageRef;
import dev.baton.measure.outcome.Touchpoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The funnel, Lead → MQL → SQL → opportunity → won (or the mapping's stages), per campaign,
 * channel, segment or quarter. Each entity makes a summary under its group's key: a lead (its
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
    private final TouchIndex people;
    private final long lookback;
    private final long asOf;
    private final Map<String, FunnelSummary> groups = new HashMap<>();
    private final FunnelSummary total;
    private final Map<String, String> accountSegments = new HashMap<>();

    private Funnel(OutcomeData data, Identities identities, OutcomeMapping mapping, Dimension by,
                   JourneyOptions options, TouchIndex accounts, TouchIndex people) {
        this.data = data;
        this.identities = identities;
        this.mapping = mapping;
        this.by = by;
        this.stages = mapping.stages();
        this.accounts = accounts;
        this.people = people;
        this.lookback = options.lookback().toMillis();
        this.asOf = data.asOf().toEpochMilli();
        this.total = new FunnelSummary(stages.size());
    }

    /** The funnel split by {@code by}, with journeys' account-or-person choice and lookback window from {@code options}. */
    public static FunnelReport compute(OutcomeData data, Identities identities, OutcomeMapping mapping, Dimension by,
                                       JourneyOptions options) {
        TouchIndex touches = TouchIndex.build(data, identities, mapping, options.by());
        TouchIndex people = options.by() == TouchIndex.By.PERSON ? touches
                : data.leads().isEmpty() || by != Dimension.CAMPAIGN && by != Dimension.CHANNEL ? null
                : TouchIndex.build(data, identities, mapping, TouchIndex.By.PERSON);
        return new Funnel(data, identities, mapping, by, options, touches, people).run(options);
    }

    private FunnelReport run(JourneyOptions options) {
        Map<String, Opportunity> opportunities = new HashMap<>();
        for (Opportunity o : data.opportunities()) {
            opportunities.put(o.id().value(), o);
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
        Map<String, List<OpportunityStageChange>> history = new HashMap<>();
        for (OpportunityStageChange c : data.stageChanges()) {
            history.computeIfAbsent(c.opportunity().value(), k -> new ArrayList<>()).add(c);
        }
        Set<String> fromLeads = new HashSet<>();
        for (Lead l : data.leads()) {
            Opportunity converted = l.converted() == null ? null : opportunities.get(l.converted().value());
            if (converted != null && !fromLeads.add(converted.id().value())) {
                converted = null; // two leads converted into one opportunity: it counts once, with the first
            }
            Passage p = Passage.of(l, converted, converted == null ? List.of()
                    : history.getOrDefault(converted.id().value(), List.of()), stages);
            FunnelSummary s = new FunnelSummary(stages.size());
            p.into(s);
            handoff(l, p, s.handoff);
            add(leadKey(l), s);
        }
        for (Opportunity o : data.opportunities()) {
            Touches touches = accounts.of(options.by() == TouchIndex.By.ACCOUNT
                    ? identities.accountOfOpportunity(o.id().value()) : identities.personOfOpportunity(o.id().value()));
            Sourcing sourcing = Sourcing.of(o, touches, accounts, lookback, asOf);
            if (!fromLeads.contains(o.id().value())) {
                FunnelSummary s = new FunnelSummary(stages.size());
                Passage.of(o, history.getOrDefault(o.id().value(), List.of()), stages).into(s);
                add(opportunityKey(o, sourcing), s);
            }
            money(o, sourcing);
        }
        cost();
        List<FunnelReport.Group> result = new ArrayList<>();
        new TreeMap<>(groups).forEach((key, s) -> result.add(group(key, s)));
        List<String> notes = new ArrayList<>();
        if (accounts.unplaced() > 0) {
            notes.add(accounts.unplaced() + " touches could not be given an account or person (see unmatched)");
        }
        return new FunnelReport(stages.ids(), by, options.lookback(), Instant.ofEpochMilli(asOf),
                group("all", total), by == Dimension.NONE ? List.of() : List.copyOf(result), identities.unmatched(),
                notes);
    }

    private FunnelReport.Group group(String key, FunnelSummary s) {
        return FunnelReport.group(key, s, stages.ids(), stages.handoffFrom(), stages.handoffTo(), mapping.handoff().sla());
    }

    private void add(String key, FunnelSummary s) {
        total.merge(s);
        if (by != Dimension.NONE) {
            groups.computeIfAbsent(key, k -> new FunnelSummary(stages.size())).merge(s);
        }
    }

    /** A lead's group: the campaign and channel of the person's first touch within the lookback before it was created. */
    private String leadKey(Lead l) {
        return switch (by) {
            case CAMPAIGN, CHANNEL -> {
                Touches t = people == null ? null : people.of(l.email());
                String value = null;
                if (t != null) {
                    long created = l.created().toEpochMilli();
                    int i = t.after(created - lookback - 1);
                    if (i < t.size() && t.at(i) <= created) {
                        value = by == Dimension.CAMPAIGN ? t.campaign(i) : t.channel(i);
                    }
                }
                if (value == null && by == Dimension.CHANNEL) {
                    value = l.source();
                }
                yield orNone(value);
            }
            case SEGMENT -> orNone(l.segment() != null ? l.segment()
                    : accountSegments.get(String.valueOf(identities.accountOfEmail(l.email()))));
            case QUARTER -> Dimension.quarter(l.created());
            case NONE -> "all";
        };
    }

    private String opportunityKey(Opportunity o, Sourcing sourcing) {
        return switch (by) {
            case CAMPAIGN -> orNone(sourcing.campaign());
            case CHANNEL -> orNone(sourcing.channel());
            case SEGMENT -> orNone(o.segment() != null ? o.segment()
                    : accountSegments.get(String.valueOf(identities.accountOfOpportunity(o.id().value()))));
            case QUARTER -> Dimension.quarter(o.created());
            case NONE -> "all";
        };
    }

    /** The opportunity's pipeline (and revenue, when won) to its sourcing group and to every group that influenced it. */
    private void money(Opportunity o, Sourcing sourcing) {
        FunnelSummary sourced = new FunnelSummary(stages.size());
        sourced.opportunitiesSourced = 1;
        sourced.pipelineSourced = o.amount();
        if (o.won()) {
            sourced.wonSourced = 1;
            sourced.revenueSourced = o.amount();
        }
        add(opportunityKey(o, sourcing), sourced);
        if (!sourcing.touched()) {
            return;
        }
        Set<String> influencers = switch (by) {
            case CAMPAIGN -> sourcing.campaigns();
            case CHANNEL -> sourcing.channels();
            default -> Set.of(opportunityKey(o, sourcing));
        };
        FunnelSummary influenced = new FunnelSummary(stages.size());
        influenced.opportunitiesInfluenced = 1;
        influenced.pipelineInfluenced = o.amount();
        if (o.won()) {
            influenced.wonInfluenced = 1;
            influenced.revenueInfluenced = o.amount();
        }
        total.merge(influenced);
        if (by != Dimension.NONE) {
            for (String key : influencers) {
                groups.computeIfAbsent(key, k -> new FunnelSummary(stages.size())).merge(influenced);
            }
        }
    }

    /** Each touch's cost to its group; touches without cost add nothing. */
    private void cost() {
        if (by == Dimension.SEGMENT) {
            accounts.groups().forEach((account, t) -> {
                String segment = orNone(accounts.by() == TouchIndex.By.ACCOUNT ? accountSegments.get(account)
                        : accountSegments.get(String.valueOf(identities.accountOfEmail(account))));
                FunnelSummary s = null;
                for (int i = 0; i < t.size(); i++) {
                    if (t.cost(i) > 0) {
                        s = s == null ? groups.computeIfAbsent(segment, k -> new FunnelSummary(stages.size())) : s;
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
                case CAMPAIGN -> orNone(t.campaign());
                case CHANNEL -> t.channel();
                case QUARTER -> quarterOf(t.at());
                default -> null;
            };
            if (key != null) {
                FunnelSummary s = groups.computeIfAbsent(key, k -> new FunnelSummary(stages.size()));
                s.cost += t.cost();
                s.costedTouches++;
            }
        }
    }

    private final Map<LocalDate, String> quarters = new HashMap<>();

    private String quarterOf(Instant at) {
        return quarters.computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC).withDayOfMonth(1),
                d -> Dimension.quarter(at));
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
            h.rejected.add(id + " (" + l.status() + ")");
        } else if (status != null && status.kind() == StageRef.Kind.REACHED && status.index() < from
                && p.furthestDated > status.index()) {
            // The CRM dates a later stage than the one the lead is in now: it was sent back.
            rejected = true;
            h.rejected.add(id + " (back to " + l.status() + " after " + stages.id(p.furthestDated) + ")");
        }
        if (p.reached[to] && !rejected) {
            h.accepted++;
            if (p.at[from] != Passage.UNDATED && p.at[to] != Passage.UNDATED && p.at[to] >= p.at[from]) {
                long wait = p.at[to] - p.at[from];
                h.timeToAccept.add(wait);
                if (wait > mapping.handoff().sla().toMillis()) {
                    h.overSla.add(id + " (" + Math.round(wait / 3_600_000.0) + "h)");
                }
            }
        } else if (!p.reached[to] && !rejected) {
            long handed = p.at[from] != Passage.UNDATED ? p.at[from] : l.created().toEpochMilli();
            if (asOf - handed > mapping.handoff().neverWorkedAfter().toMillis()) {
                h.neverWorked.add(id + " (" + stages.id(from) + " since " + LocalDate.ofInstant(Instant.ofEpochMilli(
                        handed), ZoneOffset.UTC) + ")");
            }
        }
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? Dimension.NO_VALUE : value;
    }
}
