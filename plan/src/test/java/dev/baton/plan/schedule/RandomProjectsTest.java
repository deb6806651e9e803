package dev.baton.plan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property check on seeded random projects (no library: a loop and a seeded random): whatever the
 * method, no schedule breaks a precedence, a capacity (constant or per period), a release or a
 * deadline the serial scheme could meet, and no schedule beats a lower bound.
 */
class RandomProjectsTest {

    private static Project randomProject(SplittableRandom random, int index) {
        int n = 2 + random.nextInt(12);
        int resources = 1 + random.nextInt(3);
        int[] steady = new int[resources];
        int[][] listed = new int[resources][];
        boolean varying = random.nextBoolean();
        for (int k = 0; k < resources; k++) {
            steady[k] = 1 + random.nextInt(6);
            listed[k] = new int[varying ? random.nextInt(6) : 0];
            for (int t = 0; t < listed[k].length; t++) {
                listed[k][t] = random.nextInt(steady[k] + 3);
            }
        }
        Project.Builder b = Project.builder("random-" + index, Capacity.byPeriod(listed, steady),
                java.util.stream.IntStream.range(0, resources).mapToObj(k -> "R" + k).toArray(String[]::new));
        for (int j = 0; j < n; j++) {
            int[] demand = new int[resources];
            for (int k = 0; k < resources; k++) {
                demand[k] = random.nextInt(4) == 0 ? 0 : random.nextInt(steady[k] + 1);
            }
            int a = b.activity("a" + j, random.nextInt(5), demand);
            if (random.nextInt(4) == 0) {
                b.release(a, random.nextInt(6));
            }
        }
        for (int j = 1; j < n; j++) {
            for (int i = 0; i < j; i++) {
                if (random.nextInt(n) < 2) {
                    b.precedence(i, j);
                }
            }
        }
        return b.build();
    }

    @Test
    void noScheduleOfAnyMethodBreaksARuleOrBeatsALowerBound() {
        SplittableRandom random = new SplittableRandom(20_261_123);
        for (int i = 0; i < 300; i++) {
            Project p = randomProject(random, i);
            LowerBounds bounds = LowerBounds.of(p);
            for (Method method : new Method[] {Method.SGS, Method.GENETIC}) {
                Result r = Scheduling.solve(p, method, Budget.schedules(2_000, i));

                assertThat(Feasibility.check(r.schedule()).violations()).as(p + " " + method).isEmpty();
                assertThat(r.makespan()).as(p + " " + method).isGreaterThanOrEqualTo(bounds.best());
            }
        }
    }

    @Test
    void justifyingARandomFeasibleScheduleKeepsItFeasibleAndNeverLonger() {
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < 300; i++) {
            Project p = randomProject(random, i);
            SerialSgs sgs = new SerialSgs(p);
            int[] order = p.topologicalOrder();
            for (int s = order.length - 1; s > 0; s--) {
                int k = random.nextInt(s + 1);
                int t = order[s];
                order[s] = order[k];
                order[k] = t;
            }
            int[] starts = new int[p.size()];
            int makespan = sgs.decodePriorities(order, starts);
            int justified = sgs.justify(starts, makespan);

            assertThat(Feasibility.check(p, starts).violations()).as(p.toString()).isEmpty();
            assertThat(justified).isLessThanOrEqualTo(makespan);
        }
    }

    @Test
    void theCheckerCatchesAnActivityPulledIntoItsPredecessor() {
        SplittableRandom random = new SplittableRandom(5);
        int caught = 0;
        for (int i = 0; i < 300; i++) {
            Project p = randomProject(random, i);
            int[] starts = Scheduling.solve(p, Method.SGS, Budget.schedules(100, 0)).schedule().starts();
            for (int j = 0; j < p.size(); j++) {
                for (int q : p.predecessors(j)) {
                    if (p.duration(q) > 0) {
                        int[] broken = starts.clone();
                        broken[j] = starts[q] + p.duration(q) - 1;
                        if (broken[j] >= 0) {
                            assertThat(Feasibility.check(p, broken).violations()).extracting(Violation::kind)
                                    .contains(Violation.Kind.PRECEDENCE);
                            caught++;
                        }
                    }
                }
            }
        }
        assertThat(caught).isGreaterThan(100);
    }
}
