package dev.baton.app.outcome;

import dev.baton.measure.attribution.Journeys;
import dev.baton.measure.identity.Identities;
import dev.baton.measure.journey.Journey;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.outcome.OutcomeData;
import java.util.List;

/**
 * Journeys cut from touchpoints and CRM records (the measure journey code, docs/outcomes.md) as
 * the attribution models read them, so {@code baton attribute --crm}, the Outcomes page and its
 * API attribute exactly the journeys {@code baton funnel journeys} writes.
 */
public final class OutcomeJourneys {

    /** The journeys for the models, and what the cut left out (conversions without a touch). */
    public record Cut(Journeys journeys, dev.baton.measure.journey.Journeys.Result result, TouchIndex index) {

        /** True when no journey has a touch: no model has anything to attribute. */
        public boolean empty() {
            return result.journeys().stream().allMatch(j -> j.channels().isEmpty());
        }
    }

    private OutcomeJourneys() {
    }

    public static Cut cut(OutcomeData data, Identities identities, OutcomeMapping mapping, JourneyOptions options) {
        return cut(data, identities, options, TouchIndex.build(data, identities, mapping, options.by()));
    }

    /** The cut over touches already indexed ({@code index}, built with {@code options.by()}). */
    public static Cut cut(OutcomeData data, Identities identities, JourneyOptions options, TouchIndex index) {
        dev.baton.measure.journey.Journeys.Result result = dev.baton.measure.journey.Journeys.build(data, identities, index, options);
        return new Cut(of(result.journeys()), result, index);
    }

    /** One model row a journey: a converting journey is one conversion worth its opportunity's amount, else one null. */
    public static Journeys of(List<Journey> journeys) {
        return dev.baton.measure.journey.Journeys.forModels(journeys);
    }
}
