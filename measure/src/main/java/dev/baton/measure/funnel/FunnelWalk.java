package dev.baton.measure.funnel;

import dev.baton.measure.identity.Identities;
import dev.baton.measure.journey.TouchIndex;
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
 * The one walk over the funnel's entities (docs/outcomes.md#the-funnel) that {@link Funnel} sums
 * and {@link FunnelEntities} lists: each lead with the opportunity it became (an opportunity two
 * leads became counts once, with the first), then each opportunity, with its passage when no lead
 * became it, and what sourced and influenced it among its account's (or person's) touches
 * ({@link FunnelTouches}).
 */
final class FunnelWalk {

    /** What the walk meets, in order: every lead, then every opportunity. */
    interface Visitor {

        /** The {@code index}-th lead and its passage through the stages (the opportunity it became included). */
        void lead(int index, Lead lead, Passage passage);

        /** An opportunity: {@code passage} is null when a lead became it (its passage was the lead's). */
        void opportunity(Opportunity opportunity, Passage passage, Sourcing sourcing);
    }

    private FunnelWalk() {
    }

    /** {@code touches} are what the funnel takes from the touches, of all of them; {@code data}'s touchpoints are not read. */
    static void walk(OutcomeData data, Identities identities, OutcomeMapping mapping, FunnelTouches touches,
                     Visitor visitor) {
        FunnelStages stages = mapping.stages();
        Map<String, Opportunity> opportunities = new HashMap<>();
        for (Opportunity o : data.opportunities()) {
            opportunities.put(o.id().value(), o);
        }
        Map<String, List<OpportunityStageChange>> history = new HashMap<>();
        for (OpportunityStageChange c : data.stageChanges()) {
            history.computeIfAbsent(c.opportunity().value(), k -> new ArrayList<>()).add(c);
        }
        Set<String> fromLeads = new HashSet<>();
        int leadIndex = 0;
        for (Lead l : data.leads()) {
            Opportunity converted = l.converted() == null ? null : opportunities.get(l.converted().value());
            if (converted != null && !fromLeads.add(converted.id().value())) {
                converted = null; // two leads converted into one opportunity: it counts once, with the first
            }
            visitor.lead(leadIndex++, l, Passage.of(l, converted, converted == null ? List.of()
                    : history.getOrDefault(converted.id().value(), List.of()), stages));
        }
        Map<String, String> channels = TouchIndex.campaignChannels(data.campaignMembers(), touches.votes(), identities,
                mapping, touches.per());
        List<Opportunity> all = data.opportunities();
        for (int i = 0; i < all.size(); i++) {
            Opportunity o = all.get(i);
            String id = o.id().value();
            Sourcing sourcing = Sourcing.of(o, touches.reach(i), channels);
            Passage passage = fromLeads.contains(id) ? null : Passage.of(o, history.getOrDefault(id, List.of()), stages);
            visitor.opportunity(o, passage, sourcing);
        }
    }
}
