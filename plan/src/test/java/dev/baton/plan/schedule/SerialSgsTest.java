package dev.baton.plan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.plan.rcpsp.Instances;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SerialSgsTest {

    @Test
    void everyPriorityRuleGivesAFeasibleScheduleAndJustifyingNeverLengthensIt() {
        for (String name : new String[] {"j301_1", "j3013_1", "j3030_7", "j3045_5"}) {
            Project p = Instances.bundled(name).project();
            for (PriorityRule rule : PriorityRule.values()) {
                Schedule plain = Scheduling.priorityRule(p, rule, false);
                Schedule justified = Scheduling.priorityRule(p, rule, true);

                assertThat(Feasibility.check(plain).violations()).as(name + " " + rule).isEmpty();
                assertThat(Feasibility.check(justified).violations()).as(name + " " + rule + " justified").isEmpty();
                assertThat(justified.makespan()).isLessThanOrEqualTo(plain.makespan());
                assertThat(plain.makespan()).isGreaterThanOrEqualTo(Instances.OPTIMUM.get(name));
            }
        }
    }

    @Test
    void onJ301TheLftRuleGives49AndTheJustifiedRules46() {
        Project p = Instances.bundled("j301_1").project();

        assertThat(Scheduling.priorityRule(p, PriorityRule.LFT, false).makespan()).isEqualTo(49);
        assertThat(Scheduling.solve(p, Method.SGS, Budget.schedules(1000, 0)).makespan()).isEqualTo(46);
    }

    @Test
    void anyPermutationDecodesToAFeasibleSchedule() {
        Project p = Instances.bundled("j3013_1").project();
        SerialSgs sgs = new SerialSgs(p);
        SplittableRandom random = new SplittableRandom(7);
        int[] order = p.topologicalOrder();
        int[] starts = new int[p.size()];
        for (int round = 0; round < 200; round++) {
            for (int i = order.length - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[k];
                order[k] = t;
            }
            int makespan = sgs.decodePriorities(order, starts);
            assertThat(Feasibility.check(p, starts).feasible()).isTrue();
            assertThat(new Schedule(p, starts).makespan()).isEqualTo(makespan);
            int justified = sgs.justify(starts, makespan);
            assertThat(Feasibility.check(p, starts).feasible()).isTrue();
            assertThat(justified).isLessThanOrEqualTo(makespan).isEqualTo(new Schedule(p, starts).makespan());
        }
        assertThat(sgs.schedules()).isGreaterThanOrEqualTo(600);
    }

    @Test
    void theActivityListOfAScheduleDecodesBackToIt() {
        Project p = Instances.bundled("j3045_5").project();
        SerialSgs sgs = new SerialSgs(p);
        int[] starts = Scheduling.priorityRule(p, PriorityRule.MTS, true).starts();
        int[] again = new int[p.size()];

        sgs.decode(sgs.activityList(starts, new int[p.size()]), again);

        assertThat(again).containsExactly(starts);
    }

    @Test
    void capacityThatChangesByPeriodReleasesAndDeadlinesAreKept() {
        // Two quarters with one person each, then three: "big" needs two people so cannot start
        // before period 2; "early" must be done by period 2.
        Project.Builder b = Project.builder("roadmap", Capacity.byPeriod(new int[][] {{1, 1}}, new int[] {3}), "people");
        int big = b.activity("big", 2, 2);
        int early = b.activity("early", 1, 1);
        int late = b.activity("late", 1, 1);
        b.deadline(early, 2);
        b.release(late, 3);
        b.precedence(early, big);
        Project p = b.build();

        Schedule s = Scheduling.solve(p, Method.SGS, Budget.schedules(100, 0)).schedule();

        assertThat(Feasibility.check(s).violations()).isEmpty();
        assertThat(s.start(big)).isEqualTo(2);
        assertThat(s.finish(early)).isLessThanOrEqualTo(2);
        assertThat(s.start(late)).isEqualTo(3);
    }

    @Test
    void aMissedDeadlineIsReportedAsLateness() {
        Project.Builder b = Project.builder("tight", Capacity.constant(1), "R");
        int a = b.activity("a", 3, 1);
        int c = b.activity("c", 2, 1);
        b.precedence(a, c);
        b.deadline(c, 4);
        Project p = b.build();
        SerialSgs sgs = new SerialSgs(p);
        int[] starts = new int[2];

        sgs.decode(new int[] {a, c}, starts);

        assertThat(sgs.lateness()).isEqualTo(1);
        assertThat(Feasibility.check(p, starts).violations()).extracting(Violation::kind)
                .containsExactly(Violation.Kind.DEADLINE);
    }
}
