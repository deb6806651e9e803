package dev.baton.plan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeasibilityTest {

    /** a (3 periods, 2 of R) before c; b (2 periods, 2 of R); capacity 3; c has a deadline at 6. */
    private static Project project() {
        Project.Builder b = Project.builder("small", Capacity.constant(3), "R");
        int a = b.activity("a", 3, 2);
        int bb = b.activity("b", 2, 2);
        int c = b.activity("c", 2, 1);
        b.precedence(a, c);
        b.deadline(c, 6);
        b.release(bb, 1);
        return b.build();
    }

    private static List<Violation.Kind> kinds(int... starts) {
        return Feasibility.check(project(), starts).violations().stream().map(Violation::kind).toList();
    }

    @Test
    void aScheduleThatKeepsEveryRuleIsFeasible() {
        Feasibility.Report report = Feasibility.check(project(), new int[] {0, 3, 3});

        assertThat(report.feasible()).isTrue();
        assertThat(report.summary()).isEqualTo("feasible");
    }

    @Test
    void aSuccessorStartingBeforeItsPredecessorEndsIsCaught() {
        Feasibility.Report report = Feasibility.check(project(), new int[] {0, 3, 2});

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.Kind.PRECEDENCE);
            assertThat(v.message()).isEqualTo("c starts at 2 but its predecessor a finishes at 3");
        });
    }

    @Test
    void anOverloadIsCaughtWithItsPeriodsAndWhoCausesIt() {
        Feasibility.Report report = Feasibility.check(project(), new int[] {0, 1, 3});

        assertThat(report.violations()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Violation.Kind.CAPACITY);
            assertThat(v.from()).isEqualTo(1);
            assertThat(v.to()).isEqualTo(2);
            assertThat(v.message()).isEqualTo("R is over capacity in periods 1–2: uses up to 4 of 3 (a, b)");
        });
    }

    @Test
    void aMissedDeadlineIsCaught() {
        assertThat(kinds(0, 3, 5)).containsExactly(Violation.Kind.DEADLINE);
        assertThat(Feasibility.check(project(), new int[] {0, 3, 5}).summary())
                .isEqualTo("1 broken rule(s): c finishes at 7, after its deadline 6");
    }

    @Test
    void aStartBeforeReleaseOrBeforePeriodZeroIsCaught() {
        assertThat(kinds(0, 0, 3)).contains(Violation.Kind.EARLY_START);
        assertThat(kinds(-1, 3, 3)).containsExactly(Violation.Kind.EARLY_START);
    }

    @Test
    void capacityIsCheckedPerPeriodWhenItVaries() {
        Project.Builder b = Project.builder("quarters", Capacity.byPeriod(new int[][] {{1, 3}}, new int[] {3}), "people");
        b.activity("x", 1, 2);
        Project p = b.build();

        assertThat(Feasibility.check(p, new int[] {0}).violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("people is over capacity in period 0: uses up to 2 of 1 (x)"));
        assertThat(Feasibility.check(p, new int[] {1}).feasible()).isTrue();
    }

    @Test
    void everyBrokenRuleIsListedNotJustTheFirst() {
        assertThat(kinds(0, 1, 2)).containsExactlyInAnyOrder(Violation.Kind.PRECEDENCE, Violation.Kind.CAPACITY);
    }
}
