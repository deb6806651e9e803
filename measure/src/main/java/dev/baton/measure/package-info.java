/**
 * The outcome side of Baton: touchpoint journeys, attribution models, experiment statistics and
 * the funnel. Outcome data is kept beside the work event log, never inside it as work events.
 */
package dev.baton.measure;
