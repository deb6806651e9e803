package dev.baton.insight.learning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.insight.learning.LearningLoop.FollowUp;
import dev.baton.insight.learning.LearningLoop.Proposal;
import dev.baton.insight.learning.LearningLoop.Trail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop a team sees on its learning page: insight → action → result, and model changes to a decision. */
class LearningLoopTest {

    static final Instant T0 = Instant.parse("2026-05-01T09:00:00Z");

    static Instant day(double d) {
        return T0.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    @Test
    void countsAndMediansFollowTheFirstActionAndTheFirstResult() {
        LearningLoop loop = LearningLoop.measure(List.of(
                new Trail(day(0), List.of(new FollowUp(day(2), day(10)), new FollowUp(day(1), null))),
                new Trail(day(0), List.of(new FollowUp(day(4), null))),
                new Trail(day(0), List.of(new FollowUp(day(3), day(5)))),
                new Trail(day(1), List.of())),
                List.of(new Proposal(day(0), day(2), true), new Proposal(day(0), day(4), false), new Proposal(day(1), null, false)));

        assertThat(loop.insights()).isEqualTo(4);
        assertThat(loop.withAction()).isEqualTo(3);
        assertThat(loop.withResult()).isEqualTo(2);
        assertThat(loop.medianDaysToAction()).isEqualTo(3.0);      // 1, 4, 3
        assertThat(loop.medianDaysToResult()).isEqualTo(7.5);      // 10 and 5
        assertThat(loop.medianDaysActionToResult()).isEqualTo(5.5); // 10-1 and 5-3
        assertThat(loop.accepted()).isEqualTo(1);
        assertThat(loop.declined()).isEqualTo(1);
        assertThat(loop.open()).isEqualTo(1);
        assertThat(loop.medianDaysToDecision()).isEqualTo(3.0);
        assertThat(loop.sentence()).isEqualTo("Of 4 insights, 3 led to action (median 3.0 days after the insight) and 2 to a "
                + "result (median 7.5 days after the insight). Of 3 proposed model changes, 1 accepted, 1 declined and 1 open "
                + "(median 3.0 days to a decision).");
    }

    @Test
    void nothingYetGivesNoMedianRatherThanNaN() {
        LearningLoop loop = LearningLoop.measure(List.of(), List.of());
        assertThat(loop.medianDaysToAction()).isNull();
        assertThat(loop.medianDaysToDecision()).isNull();
        assertThat(loop.sentence()).isEqualTo("No insights recorded yet. No model changes proposed yet.");
        assertThat(LearningLoop.measure(List.of(new Trail(T0, List.of())), List.of()).sentence())
                .isEqualTo("Of 1 insight, 0 led to action and 0 to a result. No model changes proposed yet.");
    }
}
