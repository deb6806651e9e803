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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The funnel's entities one by one, with the same rules as {@link Funnel} (docs/outcomes.md#the-funnel):
 * each lead with the opportunity it became, each opportunity no lead became, the stages each
 * reached and when; and each opportunity with whether a campaign sourced it and whether a touch
 * influenced it. For figures that need a record's own dates, such as a metric per period, where
 * the funnel's summaries keep only sums.
 */
public final class FunnelEntities {

    /** A stage reached without a date. */
    public static final long UNDATED = Passage.UNDATED;

    /**
     * @param id      the lead's id, or the opportunity's when no lead became it
     * @param reached per funnel stage, whether the entity reached it
     * @param at      per funnel stage, when (epoch milliseconds), or {@link #UNDATED}
     */
    public record Entity(String id, boolean[] reached, long[] at) {
    }

    /**
     * @param sourcedBy  the campaign that sourced it (its primary campaign, else its first touch's), or null
     * @param influenced whether any touch of the account fell in its influence window
     */
    public record Deal(Opportunity opportunity, String sourcedBy, boolean influenced) {
    }

    private final FunnelStages stages;
    private final List<Entity> entities;
    private final List<Deal> deals;

    private FunnelEntities(FunnelStages stages, List<Entity> entities, List<Deal> deals) {
        this.stages = stages;
        this.entities = entities;
        this.deals = deals;
    }

    public static FunnelEntities of(OutcomeData data, Identities identities, OutcomeMapping mapping,
                                    JourneyOptions options) {
        FunnelStages stages = mapping.stages();
        TouchIndex index = TouchIndex.build(data, identities, mapping, options.by());
        long lookback = options.lookback().toMillis();
        long asOf = data.asOf().toEpochMilli();
        Map<String, Opportunity> opportunities = new HashMap<>();
        for (Opportunity o : data.opportunities()) {
            opportunities.put(o.id().value(), o);
        }
        Map<String, List<OpportunityStageChange>> history = new HashMap<>();
        for (OpportunityStageChange c : data.stageChanges()) {
            history.computeIfAbsent(c.opportunity().value(), k -> new ArrayList<>()).add(c);
        }
        List<Entity> entities = new ArrayList<>();
        Set<String> fromLeads = new HashSet<>();
        for (Lead l : data.leads()) {
            Opportunity converted = l.converted() == null ? null : opportunities.get(l.converted().value());
            if (converted != null && !fromLeads.add(converted.id().value())) {
                converted = null; // as in the funnel: an opportunity two leads became counts once, with the first
            }
            Passage p = Passage.of(l, converted, converted == null ? List.of()
                    : history.getOrDefault(converted.id().value(), List.of()), stages);
            entities.add(new Entity(l.id().value(), p.reached, p.at));
        }
        List<Deal> deals = new ArrayList<>();
        for (Opportunity o : data.opportunities()) {
            if (!fromLeads.contains(o.id().value())) {
                Passage p = Passage.of(o, history.getOrDefault(o.id().value(), List.of()), stages);
                entities.add(new Entity(o.id().value(), p.reached, p.at));
            }
            Touches touches = index.of(options.by() == TouchIndex.By.ACCOUNT
                    ? identities.accountOfOpportunity(o.id().value()) : identities.personOfOpportunity(o.id().value()));
            Sourcing s = Sourcing.of(o, touches, index, lookback, asOf);
            deals.add(new Deal(o, s.campaign(), s.touched()));
        }
        return new FunnelEntities(stages, List.copyOf(entities), List.copyOf(deals));
    }

    public FunnelStages stages() {
        return stages;
    }

    public List<Entity> entities() {
        return entities;
    }

    public List<Deal> deals() {
        return deals;
    }
}
