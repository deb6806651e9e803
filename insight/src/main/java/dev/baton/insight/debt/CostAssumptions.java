package dev.baton.insight.debt;

/**
 * What each piece of debt costs in hours of someone's time. These are estimates, stated once here
 * and in docs/debt.md so a reader can disagree with a number rather than with a black box.
 */
public final class CostAssumptions {

    /** Finding and repairing what a skipped or unplanned stage should have done. */
    public static final double DEVIATION_HOURS = 1.0;
    /** Chasing who is on an item, per calendar day it has no owner. */
    public static final double UNOWNED_HOURS_PER_DAY = 0.5;
    /** Fixing and re-sending a rejected handoff. */
    public static final double BOUNCE_HOURS = 2.0;
    /** Chasing what an undeclared or incomplete handoff left out. */
    public static final double INCOMPLETE_HANDOFF_HOURS = 1.0;
    /** Following up, per calendar day late: an acceptance or a stage over its SLA, an approval dragging. */
    public static final double FOLLOW_UP_HOURS_PER_DAY = 0.5;
    /** Every breach costs at least this much follow-up. */
    public static final double MIN_FOLLOW_UP_HOURS = 0.5;
    /** Asking for and giving an approval nobody declared. */
    public static final double EXTRA_APPROVAL_HOURS = 0.5;
    /** Redoing a making stage. */
    public static final double REDO_MAKING_HOURS = 4.0;
    /** Redoing a review or waiting stage. */
    public static final double REDO_COORDINATION_HOURS = 1.0;
    /** Re-planning around an urgent item and the work it displaces. */
    public static final double URGENT_HOURS = 2.0;
    /** Triage after the fact for work that bypassed intake. */
    public static final double BYPASS_HOURS = 0.5;
    /** Switching cost per item beyond the WIP limit, per person-day (about 20% of a day per extra project). */
    public static final double EXCESS_WIP_HOURS_PER_DAY = 1.0 / 3;
    /** Refocusing cost per context switch beyond the daily allowance. */
    public static final double SWITCH_HOURS = 0.25;
    /** Context switches a day a person can take without debt. */
    public static final int SWITCH_ALLOWANCE = 3;
    /** WIP limit when the model sets none. */
    public static final int DEFAULT_WIP_LIMIT = 5;
    /** Coordination share above which coordination is debt. */
    public static final double HEALTHY_COORDINATION_SHARE = 0.30;
    /** Weekly hours of a person whose capacity the model does not declare. */
    public static final double DEFAULT_CAPACITY_HOURS = 32;
    /** Justifying and re-prioritising work tied to no goal. */
    public static final double UNLINKED_HOURS = 1.0;
    /** An approval round may take this share of its stage's SLA, or a day without one. */
    public static final double APPROVAL_SHARE_OF_SLA = 0.5;
    public static final double APPROVAL_ALLOWANCE_HOURS = 24;

    private CostAssumptions() {
    }
}
