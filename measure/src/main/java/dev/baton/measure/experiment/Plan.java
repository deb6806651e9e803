package dev.baton.measure.experiment;

/**
 * What was planned before the experiment started, for the peeking guardrail.
 *
 * @param plannedUsers  the total sample (all arms) the fixed-horizon test was sized for; null if not given
 * @param previousLooks how many times results were looked at before this analysis; 0 if not given
 */
public record Plan(Long plannedUsers, int previousLooks) {

    public static final Plan NONE = new Plan(null, 0);
}
