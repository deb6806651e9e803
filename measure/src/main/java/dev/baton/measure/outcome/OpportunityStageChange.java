package dev.baton.measure.outcome;

import java.time.Instant;

/** A stage change of an opportunity, from an Opportunity History or field history report. */
public record OpportunityStageChange(OpportunityId opportunity, String from, String to, StageRef toStage, Instant at) {
}
