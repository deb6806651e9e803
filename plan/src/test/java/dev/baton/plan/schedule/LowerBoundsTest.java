package dev.baton.plan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.plan.rcpsp.Instances;
import org.junit.jupiter.api.Test;

class LowerBoundsTest {

    @Test
    void criticalPathResourceAndDisjunctiveBoundsOfASmallProject() {
        // a(4) → b(3) is the longest chain: 7. R (capacity 2) carries 4·1 + 3·1 + 5·2 = 17: ⌈17/2⌉ = 9.
        // c needs all of R, so it runs apart from a and b: 4 + 3 + 5 = 12.
        Project.Builder p = Project.builder("small", Capacity.constant(2), "R");
        int a = p.activity("a", 4, 1);
        int b = p.activity("b", 3, 1);
        p.activity("c", 5, 2);
        p.precedence(a, b);
        LowerBounds bounds = LowerBounds.of(p.build());

        assertThat(bounds.criticalPath()).isEqualTo(7);
        assertThat(bounds.resource()).isEqualTo(9);
        assertThat(bounds.disjunctive()).isEqualTo(12);
        assertThat(bounds.best()).isEqualTo(12);
        assertThat(bounds.strongest()).isEqualTo("disjunctive set");
    }

    @Test
    void theResourceBoundCountsCapacityPeriodByPeriod() {
        // 6 units of work, capacity 1, 1, then 2: periods 0–1 give 2, then 2 per period → 4 periods.
        Project.Builder p = Project.builder("ramp", Capacity.byPeriod(new int[][] {{1, 1}}, new int[] {2}), "R");
        p.activity("x", 3, 2);

        assertThat(LowerBounds.of(p.build()).resource()).isEqualTo(4);
    }

    @Test
    void theBoundsNeverExceedTheKnownOptimum() {
        for (String name : new String[] {"j301_1", "j3013_1", "j3030_7", "j3045_5"}) {
            LowerBounds bounds = LowerBounds.of(Instances.bundled(name).project());

            assertThat(bounds.best()).as(name).isLessThanOrEqualTo(Instances.OPTIMUM.get(name));
        }
        assertThat(LowerBounds.of(Instances.bundled("j301_1").project()).criticalPath()).isEqualTo(38);
    }

    @Test
    void theCriticalPathOfJ601IsItsOptimum() {
        assertThat(LowerBounds.of(Instances.shared("j601_1").project()).best()).isEqualTo(77);
    }
}
