package dev.baton.measure.funnel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Summaries merge associatively, so the funnel of a split log is the funnel of the whole. */
class FunnelSummaryTest {

    private static FunnelSummary summary(int reachedLead, long... gapsHours) {
        FunnelSummary s = new FunnelSummary(2);
        s.reached[0] = reachedLead;
        s.cost = reachedLead * 10;
        s.costedTouches = reachedLead;
        for (long h : gapsHours) {
            s.days[0].add(h * 3_600_000L);
            s.handoff.neverWorked.add("L" + h);
        }
        return s;
    }

    /** Every figure of the summary, as a record's text. */
    private static String figures(FunnelSummary s) {
        return FunnelReport.group("k", s, List.of("a", "b"), 0, 1, java.time.Duration.ofDays(2)).toString();
    }

    @Test
    void anyGroupingOfMergesGivesTheSameFigures() {
        String left = figures(summary(1, 24).merge(summary(2, 48, 72)).merge(summary(3, 240)));
        String right = figures(summary(1, 24).merge(summary(2, 48, 72).merge(summary(3, 240))));

        assertThat(left).isEqualTo(right);
        FunnelSummary whole = summary(1, 24).merge(summary(2, 48, 72)).merge(summary(3, 240));
        assertThat(whole.days[0].medianDays()).as("median of 1, 2, 3, 10 days").isEqualTo(2.5);
        assertThat(whole.reached[0]).isEqualTo(6);
        assertThat(whole.handoff.neverWorked.examples()).containsExactly("L24", "L48", "L72", "L240");
    }
}
