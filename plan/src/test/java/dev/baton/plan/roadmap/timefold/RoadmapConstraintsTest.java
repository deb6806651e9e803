package dev.baton.plan.roadmap.timefold;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;

class RoadmapConstraintsTest {

    private final ConstraintVerifier<RoadmapConstraints, RoadmapSolution> verifier =
            ConstraintVerifier.build(new RoadmapConstraints(), RoadmapSolution.class, Placement.class);

    private static Placement placed(String id, long value, int[][] effort, int start) {
        int length = 1;
        for (int[] e : effort) {
            length = Math.max(length, e.length);
        }
        return new Placement(id, value, effort, length, 0, Placement.NONE, Placement.NONE, Placement.NONE, "t",
                false, start < 0 ? null : new Slot(start));
    }

    @Test
    void capacityPenalisesTheOverflowInPersonDays() {
        Placement a = placed("a", 100, new int[][] {{20, 10}}, 0);
        Placement b = placed("b", 100, new int[][] {{15}}, 0);
        verifier.verifyThat(RoadmapConstraints::capacity)
                .given(a, b, new Room(0, 0, 30), new Room(0, 1, 30))
                .penalizesBy(5);
    }

    @Test
    void dependencyPenalisesStartingBeforeThePrerequisiteEnds() {
        Placement pre = placed("pre", 100, new int[][] {{5, 5}}, 0);
        Placement late = placed("late", 100, new int[][] {{5}}, 2);
        Placement early = placed("early", 100, new int[][] {{5}}, 1);
        verifier.verifyThat(RoadmapConstraints::dependency)
                .given(pre, late, new Dependency("late", "pre")).penalizesBy(0);
        verifier.verifyThat(RoadmapConstraints::dependency)
                .given(pre, early, new Dependency("early", "pre")).penalizesBy(1);
        Placement out = placed("out", 100, new int[][] {{5}}, -1);
        verifier.verifyThat(RoadmapConstraints::dependency)
                .given(out, late, new Dependency("late", "out")).penalizesBy(1);
    }

    @Test
    void hardDeadlinePenalisesQuartersLate() {
        Placement p = new Placement("p", 100, new int[][] {{1, 1}}, 2, 0, 1, Placement.NONE, Placement.NONE, "t",
                false, new Slot(2));
        verifier.verifyThat(RoadmapConstraints::hardDeadline).given(p).penalizesBy(2);
    }

    @Test
    void earliestQuarterIsHard() {
        Placement p = new Placement("p", 100, new int[][] {{1}}, 1, 2, Placement.NONE, Placement.NONE, Placement.NONE,
                "t", false, new Slot(0));
        verifier.verifyThat(RoadmapConstraints::earliest).given(p).penalizesBy(2);
    }

    @Test
    void unplannedValueCountsOnlyWhatIsLeftOut() {
        verifier.verifyThat(RoadmapConstraints::unplannedValue)
                .given(placed("in", 300, new int[][] {{1}}, 0), placed("out", 700, new int[][] {{1}}, -1))
                .penalizesBy(700);
    }

    @Test
    void costOfDelayIsValueTimesQuartersAfterTheEarliest() {
        verifier.verifyThat(RoadmapConstraints::costOfDelay)
                .given(placed("a", 300, new int[][] {{1}}, 2), placed("b", 100, new int[][] {{1}}, 0))
                .penalizesBy(600);
    }

    @Test
    void softDeadlineIsValueTimesQuartersLate() {
        Placement p = new Placement("p", 100, new int[][] {{1}}, 1, 0, Placement.NONE, 0, Placement.NONE, "t",
                false, new Slot(3));
        verifier.verifyThat(RoadmapConstraints::softDeadline).given(p).penalizesBy(300);
    }

    @Test
    void themeBalancePenalisesOneThemeCrowdingAQuarter() {
        verifier.verifyThat(RoadmapConstraints::themeBalance)
                .given(placed("a", 1, new int[][] {{1}}, 0), placed("b", 1, new int[][] {{1}}, 0),
                        placed("c", 1, new int[][] {{1}}, 1))
                .penalizesBy(RoadmapConstraints.THEME * 4);
    }

    @Test
    void stabilityPenalisesEachDepartureFromThePublishedPlan() {
        Placement kept = new Placement("k", 1, new int[][] {{1}}, 1, 0, Placement.NONE, Placement.NONE, 1, "t",
                false, new Slot(1));
        Placement moved = new Placement("m", 1, new int[][] {{1}}, 1, 0, Placement.NONE, Placement.NONE, 1, "t",
                false, new Slot(2));
        Placement dropped = new Placement("d", 1, new int[][] {{1}}, 1, 0, Placement.NONE, Placement.NONE, 0, "t",
                false, null);
        verifier.verifyThat(RoadmapConstraints::stability).given(kept, moved, dropped)
                .penalizesBy(2 * RoadmapConstraints.STABILITY);
    }
}
