package dev.baton.measure.attribution;

/** One attribution model: credit per channel id from the journeys. */
interface CreditModel {

    Credit credit(Journeys journeys, AttributionOptions options);
}
