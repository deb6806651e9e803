package dev.baton.measure.metric;

import dev.baton.model.Metric;
import java.util.List;

/**
 * The model's metrics against their targets (docs/outcomes.md#metric-targets-against-actuals):
 * the measured ones period by period, and the others with the reason they are not measured.
 */
public record MetricReport(List<Measured> measured, List<NotMeasured> notMeasured) {

    /** Whether a period's actual met its target. */
    public enum Verdict {
        MET, MISSED, NO_TARGET, NO_DATA;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * @param undated records that reached the measured stage without a date: in no period, counted here
     */
    public record Measured(Metric metric, List<Period> periods, long undated) {
    }

    /**
     * @param period   {@code 2026-03} or {@code 2026-Q1}
     * @param actual   the figure, in the metric's unit (rates in percent when the unit says so); null
     *                 when nothing in the period gives one (a rate with no records under it)
     * @param missedBy how far below (above, for days) the target, in percent of the target; null unless missed
     * @param evidence how many records the figure rests on, with the first of them by id
     * @param verdict  a sentence a marketer reads: "met: 36,000 against 30,000 (2 opportunities)"
     */
    public record Period(String period, Double actual, Verdict status, Double missedBy, long evidence,
                         List<String> examples, String evidenceOf, String verdict) {
    }

    /** A metric the outcome data cannot measure yet, and why. */
    public record NotMeasured(Metric metric, String reason) {
    }
}
