package dev.baton.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which outcome quantity a metric is (docs/model-reference.md#metrics): what the measure module
 * computes per period from the CRM records and touchpoints.
 *
 * @param from a funnel stage id, for {@code conversion} and {@code median-days}; else null
 * @param to   a funnel stage id, for {@code conversion} and {@code median-days}, the stage counted
 *             by {@code count}; else null
 */
public record MetricMeasure(Kind kind, String from, String to) {

    public enum Kind {
        /** Amount of opportunities created in the period that a campaign sourced. */
        SOURCED_PIPELINE("sourced-pipeline", false),
        /** Amount of opportunities created in the period that any touch influenced. */
        INFLUENCED_PIPELINE("influenced-pipeline", false),
        /** Amount of opportunities won in the period. */
        WON_REVENUE("won-revenue", false),
        /** Won among opportunities closed (won or lost) in the period. */
        WIN_RATE("win-rate", false),
        /** Of the entities that reached {@code from} in the period, the share that reached {@code to}. */
        CONVERSION("conversion", true),
        /** Median days from {@code from} to {@code to}, of the entities that reached {@code to} in the period. */
        MEDIAN_DAYS("median-days", true),
        /** Entities that reached the stage {@code to} in the period. */
        COUNT("count", true);

        private final String id;
        private final boolean withStages;

        Kind(String id, boolean withStages) {
            this.id = id;
            this.withStages = withStages;
        }

        public String id() {
            return id;
        }

        /** Written as a mapping with stages ({@code conversion: {from: mql, to: sql}}) rather than a word. */
        public boolean withStages() {
            return withStages;
        }

        public static Optional<Kind> byId(String id) {
            return Arrays.stream(values()).filter(k -> k.id.equals(id.toLowerCase(Locale.ROOT))).findFirst();
        }

        public static List<String> ids() {
            return Arrays.stream(values()).map(Kind::id).toList();
        }
    }

    /** Lower is better only for time: a median of days under its target is met. */
    public boolean lowerIsBetter() {
        return kind == Kind.MEDIAN_DAYS;
    }

    /** The measure as the model writes it: {@code win-rate}, {@code conversion: {from: mql, to: sql}}, {@code count: {stage: sql}}. */
    public String describe() {
        return switch (kind) {
            case CONVERSION, MEDIAN_DAYS -> kind.id + " from " + from + " to " + to;
            case COUNT -> kind.id + " of " + to;
            default -> kind.id;
        };
    }
}
