package dev.baton.insight.debt;

/**
 * What each piece of debt costs in hours of someone's time. These are estimates, stated once here
 * and in docs/debt.md so a reader can disagree with a number rather than with a black box.
 * <p>
 * Hours lost count only person-time someone plausibly spent: redoing work, chasing, re-planning,
 * following up. Calendar time is never priced as work: waiting shows as days of delay, and a
 * follow-up is charged per day on which someone acted on the item while it was late, so an item
 * nobody touched costs nothing however long it sat. Every per-item cost has a cap.
 */
public final class CostAssumptions {

    /** Finding and repairing what a skipped or unplanned stage should have done. */
    public static final double DEVIATION_HOURS = 1.0;
    /** At most this much deviation repair per item. */
    public static final double MAX_DEVIATION_HOURS_PER_ITEM = 3.0;
    /** Chasing who is on an item: per day someone acted on it after it had gone a day without owner. */
    public static final double UNOWNED_HOURS_PER_ACTIVE_DAY = 0.5;
    /** At most this much owner-chasing per item. */
    public static final double MAX_UNOWNED_HOURS_PER_ITEM = 2.0;
    /** Fixing and re-sending a rejected handoff. */
    public static final double BOUNCE_HOURS = 2.0;
    /** Rejections of one handoff charged at most (later ones are the same conversation). */
    public static final int MAX_BOUNCES_CHARGED = 3;
    /** Chasing what an undeclared or incomplete handoff left out. */
    public static final double INCOMPLETE_HANDOFF_HOURS = 1.0;
    /**
     * Following up a late acceptance, a stage over its SLA or a dragging approval: per day on which
     * someone acted on the item while it was late (the day it was finally done included).
     */
    public static final double FOLLOW_UP_HOURS_PER_ACTIVE_DAY = 0.5;
    /** At most this much follow-up per breach. */
    public static final double MAX_FOLLOW_UP_HOURS = 2.0;
    /** Asking for and giving an approval nobody declared. */
    public static final double EXTRA_APPROVAL_HOURS = 0.5;
    /** Redoing a making stage. */
    public static final double REDO_MAKING_HOURS = 4.0;
    /** Redoing a review or waiting stage. */
    public static final double REDO_COORDINATION_HOURS = 1.0;
    /** At most this much redone work per item. */
    public static final double MAX_REWORK_HOURS_PER_ITEM = 12.0;
    /** Re-planning around an urgent item and the work it displaces. */
    public static final double URGENT_HOURS = 2.0;
    /** Triage after the fact for work that bypassed intake. */
    public static final double BYPASS_HOURS = 0.5;
    /** Switching cost per item beyond the WIP limit, per person-day (about 20% of a day per extra project). */
    public static final double EXCESS_WIP_HOURS_PER_DAY = 1.0 / 3;
    /** Refocusing cost per context switch beyond the daily allowance. */
    public static final double SWITCH_HOURS = 0.25;
    /** At most this much switching cost per person-day (a quarter of an 8-hour day). */
    public static final double MAX_SWITCHING_HOURS_PER_DAY = 2.0;
    /** Context switches a day a person can take without debt. */
    public static final int SWITCH_ALLOWANCE = 3;
    /** WIP limit when the model sets none. */
    public static final int DEFAULT_WIP_LIMIT = 5;
    /** Coordination share above which coordination is debt (shown as days of delay, not hours). */
    public static final double HEALTHY_COORDINATION_SHARE = 0.30;
    /** Weekly hours of a person whose capacity the model does not declare. */
    public static final double DEFAULT_CAPACITY_HOURS = 32;
    /** Justifying and re-prioritising work tied to no goal. */
    public static final double UNLINKED_HOURS = 1.0;
    /** An approval round may take this share of its stage's SLA, or a day without one. */
    public static final double APPROVAL_SHARE_OF_SLA = 0.5;
    public static final double APPROVAL_ALLOWANCE_HOURS = 24;
    /**
     * An open item with no event for this many days stops accruing time: it is measured up to
     * its last event plus this period, not to the end of the log or to today.
     */
    public static final int STALE_AFTER_DAYS = 30;

    private CostAssumptions() {
    }

    /** Follow-up for a breach: per day someone acted on the item while late, capped. */
    static double followUp(int activeDaysLate) {
        return Math.min(MAX_FOLLOW_UP_HOURS, FOLLOW_UP_HOURS_PER_ACTIVE_DAY * activeDaysLate);
    }
}
