package dev.baton.insight.learning;

import java.util.Optional;

/**
 * Where a post-mortem finds the outcome figures of a link value: for now the CRM campaign whose
 * name equals it (the server answers from the funnel of its stored outcome exports). A small seam
 * so that the way work is linked to the CRM can change without touching the post-mortem.
 */
@FunctionalInterface
public interface OutcomeSource {

    /** No outcome data stored. */
    OutcomeSource NONE = link -> Optional.empty();

    Optional<CampaignOutcome> campaign(String link);
}
