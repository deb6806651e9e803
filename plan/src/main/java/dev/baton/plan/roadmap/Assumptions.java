package dev.baton.plan.roadmap;

import java.util.Map;

/**
 * How people become person-days: {@code workingDays} a quarter for a full-time person (a full
 * week is {@link #FULL_WEEK_HOURS} hours, so 20h/week is half), less {@code runTheBusiness} (the
 * share kept for recurring work) and less holidays per person in a quarter.
 */
public record Assumptions(double workingDays, double runTheBusiness, Map<Quarter, Double> holidays) {

    public static final double FULL_WEEK_HOURS = 40;
    public static final Assumptions DEFAULT = new Assumptions(60, 0.2, Map.of());

    /** Person-days one person at {@code hoursPerWeek} (null: full time) gives initiatives in the quarter. */
    public double personDays(Double hoursPerWeek, Quarter quarter) {
        double share = hoursPerWeek == null ? 1 : Math.min(1, hoursPerWeek / FULL_WEEK_HOURS);
        double days = Math.max(0, workingDays - holidays.getOrDefault(quarter, 0.0));
        return days * share * (1 - runTheBusiness);
    }
}
