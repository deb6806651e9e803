package dev.baton.model;

/**
 * A shared definition of success; {@code target} is null when none is declared.
 *
 * @param measure which computed outcome quantity the metric is, or null when the model does not say
 *                (the metric is then listed as not measurable yet, never silently left out)
 * @param per     the period the target applies to: each month or each quarter
 */
public record Metric(String id, String name, String unit, String definition, Double target, MetricMeasure measure,
                     Period per) {

    /** The periods a metric's target applies to. */
    public enum Period {
        MONTH, QUARTER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A metric with its words only: nothing says how to compute it. */
    public Metric(String id, String name, String unit, String definition, Double target) {
        this(id, name, unit, definition, target, null, Period.QUARTER);
    }

    /** True when the unit says the figure is a percentage (a rate of 0.35 is then written 35). */
    public boolean inPercent() {
        return unit != null && (unit.toLowerCase(java.util.Locale.ROOT).contains("percent") || unit.contains("%"));
    }
}
