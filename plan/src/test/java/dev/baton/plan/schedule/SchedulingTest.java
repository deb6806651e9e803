package dev.baton.plan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.plan.rcpsp.Instances;
import dev.baton.plan.rcpsp.Rcpsp;
import dev.baton.plan.rcpsp.RcpspInstance;
import org.junit.jupiter.api.Test;

class SchedulingTest {

    @Test
    void theGeneticSearchReachesTheOptimumOfEasyJ30InstancesWithinASmallBudget() {
        for (String name : new String[] {"j301_1", "j3030_7", "j3045_5"}) {
            RcpspInstance instance = Instances.bundled(name);

            Rcpsp.Solution s = Rcpsp.solve(instance, Method.GENETIC, Budget.schedules(30_000, 1));

            assertThat(s.check().violations()).as(name).isEmpty();
            assertThat(s.makespan()).as(name).isEqualTo(Instances.OPTIMUM.get(name));
            assertThat(s.lowerBound()).isLessThan(s.makespan());
        }
    }

    @Test
    void onAHarderJ30InstanceTheSearchBeatsTheRulesAndNeverTheOptimum() {
        RcpspInstance instance = Instances.bundled("j3013_1");
        int rules = Scheduling.solve(instance.project(), Method.SGS, Budget.schedules(1000, 0)).makespan();

        Rcpsp.Solution s = Rcpsp.solve(instance, Method.GENETIC, Budget.schedules(30_000, 2));

        assertThat(s.check().violations()).isEmpty();
        assertThat(s.makespan()).isLessThan(rules).isGreaterThanOrEqualTo(58);
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        Project p = Instances.bundled("j3013_1").project();

        Result first = Scheduling.solve(p, Method.GENETIC, Budget.schedules(20_000, 42));
        Result again = Scheduling.solve(p, Method.GENETIC, Budget.schedules(20_000, 42));

        assertThat(again.schedule().starts()).containsExactly(first.schedule().starts());
        assertThat(again.schedules()).isEqualTo(first.schedules());
    }

    @Test
    void theSearchStopsAsSoonAsTheMakespanMeetsTheLowerBound() {
        Result r = Scheduling.solve(Instances.shared("j601_1").project(), Method.GENETIC, Budget.schedules(1_000_000, 0));

        assertThat(r.makespan()).isEqualTo(77);
        assertThat(r.reachedBound()).isTrue();
        assertThat(r.schedules()).isLessThan(1000);
        assertThat(r.gapToBound()).isZero();
    }

    @Test
    void timefoldSchedulesAreFeasibleReproducibleAndNoWorseThanTheRules() {
        Project p = Instances.bundled("j3045_5").project();
        int rules = Scheduling.solve(p, Method.SGS, Budget.schedules(1000, 0)).makespan();

        Result first = Scheduling.solve(p, Method.TIMEFOLD, Budget.schedules(6_000, 3));
        Result again = Scheduling.solve(p, Method.TIMEFOLD, Budget.schedules(6_000, 3));

        assertThat(Feasibility.check(first.schedule()).violations()).isEmpty();
        assertThat(first.makespan()).isLessThanOrEqualTo(rules).isGreaterThanOrEqualTo(86);
        assertThat(again.schedule().starts()).containsExactly(first.schedule().starts());
    }

    @Test
    void aTimeLimitStopsTheSearch() {
        Project p = Instances.shared("j1201_2").project();

        Result r = Scheduling.solve(p, Method.GENETIC, Budget.time(java.time.Duration.ofMillis(300), 0));

        assertThat(r.elapsedMillis()).isLessThan(2_000);
        assertThat(Feasibility.check(r.schedule()).feasible()).isTrue();
        assertThat(r.makespan()).isGreaterThanOrEqualTo(109);
    }

    @Test
    void aTimeLimitCanBeCountedInCpuTimeForBenchmarksOnASharedMachine() {
        Project p = Instances.shared("j1201_1").project();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();

        Result r = Scheduling.solve(p, Method.GENETIC, Budget.time(java.time.Duration.ofMillis(300), 0).onCpuClock());

        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        assertThat(cpuMillis).isBetween(250L, 1_500L);
        assertThat(Feasibility.check(r.schedule()).feasible()).isTrue();
    }
}
