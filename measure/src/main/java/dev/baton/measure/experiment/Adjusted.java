package dev.baton.measure.experiment;

/** A metric regression-adjusted by CUPED: its θ, shared by the two arms of a comparison. */
public sealed interface Adjusted extends ArmStatistic permits CupedStatistic, CupedRatioStatistic {

    /** 0 when not adjusted (yet, or because a period has no variation). */
    double theta();
}
