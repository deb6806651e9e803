package dev.baton.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.plan.roadmap.timefold.TimefoldPlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random small roadmaps (seeded): no plan exceeds capacity or breaks a dependency or deadline. */
class PlanPropertyTest {

    static Roadmap random(Random rnd, int n, int functions, int quarters) {
        List<Quarter> qs = new ArrayList<>();
        for (int q = 0; q < quarters; q++) {
            qs.add(new Quarter(2027, 1).plus(q));
        }
        List<String> fs = new ArrayList<>();
        int[][] cap = new int[functions][quarters];
        for (int f = 0; f < functions; f++) {
            fs.add("f" + f);
            for (int q = 0; q < quarters; q++) {
                cap[f][q] = 20 + rnd.nextInt(60);
            }
        }
        List<Initiative> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, int[]> effort = new LinkedHashMap<>();
            int len = 1 + rnd.nextInt(2);
            for (int f = 0; f < functions; f++) {
                if (rnd.nextInt(3) == 0) {
                    int[] e = new int[len];
                    for (int k = 0; k < len; k++) {
                        e[k] = 1 + rnd.nextInt(30);
                    }
                    effort.put(fs.get(f), e);
                }
            }
            if (effort.isEmpty()) {
                effort.put(fs.get(0), new int[] {5});
            }
            List<String> deps = i > 0 && rnd.nextInt(4) == 0 ? List.of("i" + rnd.nextInt(i)) : List.of();
            Deadline d = rnd.nextInt(5) == 0 ? new Deadline(qs.get(rnd.nextInt(quarters)), rnd.nextBoolean()) : null;
            Quarter earliest = rnd.nextInt(5) == 0 ? qs.get(rnd.nextInt(quarters)) : null;
            list.add(new Initiative("i" + i, "I" + i, "t" + rnd.nextInt(3), 1 + rnd.nextInt(100), effort, deps,
                    earliest, d, null));
        }
        return new Roadmap(qs, list, new CapacityTable(fs, qs, cap, "random"), Assumptions.DEFAULT, Map.of());
    }

    @Test
    void noPlanBreaksARuleAndTheSolverNeverPlansLessThanTheGreedyPacker() {
        Random rnd = new Random(20270101);
        for (int run = 0; run < 15; run++) {
            Instance in = new Instance(random(rnd, 5 + rnd.nextInt(20), 1 + rnd.nextInt(4), 2 + rnd.nextInt(4)));
            Plan greedy = GreedyPacker.pack(in);
            assertThat(greedy.violations()).as("greedy, run %d", run).isEmpty();
            Plan solved = TimefoldPlanner.improve(in, greedy, new Search(run, 300, 100, null));
            assertThat(solved.violations()).as("solver, run %d", run).isEmpty();
            assertThat(solved.plannedValue()).isGreaterThanOrEqualTo(greedy.plannedValue());
            assertThat(Verdicts.of(solved)).hasSize(in.size()).allSatisfy(v -> assertThat(v.reason()).isNotBlank());
        }
    }

    @Test
    void theSameSeedGivesTheSamePlan() {
        Instance in = new Instance(random(new Random(7), 30, 3, 4));
        Plan greedy = GreedyPacker.pack(in);
        Search s = new Search(42, 500, 200, null);
        assertThat(TimefoldPlanner.improve(in, greedy, s).starts()).containsExactly(TimefoldPlanner.improve(in, greedy, s).starts());
    }
}
