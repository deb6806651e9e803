package dev.baton.measure.funnel;

import dev.baton.measure.identity.Identities;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.FunnelStages;
import dev.baton.measure.outcome.Lead;
import dev.baton.measure.outcome.Opportunity;
import dev.baton.measure.outcome.OutcomeData;
import java.util.ArrayList;
import java.util.List;

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
        return of(data, identities, mapping, options, TouchIndex.build(data, identities, mapping, options.by()));
    }

    /** The entities over touches already indexed ({@code index}, built with {@code options.by()}). */
    public static FunnelEntities of(OutcomeData data, Identities identities, OutcomeMapping mapping,
                                    JourneyOptions options, TouchIndex index) {
        return of(data, identities, mapping, FunnelTouches.of(data, identities, Dimension.NONE, options, index,
                data.asOf()));
    }

    /**
     * The entities with what they took from the touches found apart ({@code touches}, of any split:
     * baton-scale's); {@code data}'s touchpoints are not read.
     */
    public static FunnelEntities of(OutcomeData data, Identities identities, OutcomeMapping mapping,
                                    FunnelTouches touches) {
        List<Entity> entities = new ArrayList<>();
        List<Deal> deals = new ArrayList<>();
        FunnelWalk.walk(data, identities, mapping, touches, new FunnelWalk.Visitor() {
            @Override
            public void lead(int i, Lead l, Passage p) {
                entities.add(new Entity(l.id().value(), p.reached, p.at));
            }

            @Override
            public void opportunity(Opportunity o, Passage p, Sourcing s) {
                if (p != null) {
                    entities.add(new Entity(o.id().value(), p.reached, p.at));
                }
                deals.add(new Deal(o, s.campaign(), s.touched()));
            }
        });
        return new FunnelEntities(mapping.stages(), List.copyOf(entities), List.copyOf(deals));
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
