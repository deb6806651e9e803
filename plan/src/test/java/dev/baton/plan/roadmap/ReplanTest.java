package dev.baton.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A re-plan after one change moves what the change requires and nothing else. The previous plan
 * is the greedy packer's, which is maximal (nothing left out would fit anywhere in it), so an
 * initiative the re-plan adds is one the change let in. The exact bound, for a change to one
 * initiative c: the published initiatives that move are c and initiatives that (transitively)
 * depend on c; the ones added did not fit, or were not allowed, where they now are in the old plan.
 */
class ReplanTest {

    private static final Search SEARCH = new Search(3, 400, 150, null);

    @Test
    void effortGrowingPastTheFreeCapacityMovesOnlyThatInitiativeAndItsDependents() {
        Random rnd = new Random(20270214);
        int checked = 0;
        for (int run = 0; run < 12; run++) {
            Roadmap roadmap = PlanPropertyTest.random(rnd, 20 + rnd.nextInt(20), 1 + rnd.nextInt(4), 3 + rnd.nextInt(3));
            Planner.Result before = Planner.GREEDY.plan(roadmap, Search.DEFAULT);
            Plan old = before.plan();
            int c = firstPlanned(old, rnd.nextInt(old.instance().size()));
            if (c < 0) {
                continue;
            }
            Initiative it = roadmap.initiatives().get(c);
            String f = it.effort().keySet().iterator().next();
            int fi = roadmap.capacity().function(f);
            Map<String, int[]> effort = new LinkedHashMap<>(it.effort());
            int[] grown = effort.get(f).clone();
            grown[0] += old.free(fi, old.start(c)) + 1; // no longer fits where it is
            effort.put(f, grown);
            List<Initiative> list = new ArrayList<>(roadmap.initiatives());
            list.set(c, new Initiative(it.id(), it.title(), it.theme(), it.value(), effort, it.dependsOn(), it.earliest(),
                    it.deadline(), it.committed()));
            Planner.Result after = Planner.TIMEFOLD.replan(old, roadmap.withInitiatives(list), SEARCH.withSeed(run));
            Plan now = after.plan();

            assertThat(now.violations()).as("run %d", run).isEmpty();
            assertThat(now.plannedValue()).as("run %d: at least the greedy repair", run).isGreaterThanOrEqualTo(after.greedyValue());
            Set<Integer> allowed = dependents(old.instance(), c);
            allowed.add(c);
            for (int i = 0; i < old.instance().size(); i++) {
                if (old.planned(i) && now.start(i) != old.start(i)) {
                    assertThat(allowed).as("run %d: %s moved", run, roadmap.initiatives().get(i).id()).contains(i);
                }
                if (!old.planned(i) && now.planned(i)) {
                    assertThat(fitsIn(old, i, now.start(i))).as("run %d: %s added though it fitted before", run, i).isFalse();
                }
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(8);
    }

    @Test
    void droppingOneMovesNoPublishedInitiativeAndAddsOnlyWhatItsCapacityLetsIn() {
        Random rnd = new Random(7);
        for (int run = 0; run < 10; run++) {
            Roadmap roadmap = PlanPropertyTest.random(rnd, 25 + rnd.nextInt(15), 1 + rnd.nextInt(3), 3 + rnd.nextInt(3));
            Plan old = Planner.GREEDY.plan(roadmap, Search.DEFAULT).plan();
            int c = firstPlanned(old, rnd.nextInt(old.instance().size()));
            String dropped = roadmap.initiatives().get(c).id();
            Roadmap changed = new Scenario("drop", Map.of(), Map.of(), List.of(dropped), Map.of()).applyTo(roadmap);
            Planner.Result after = Planner.TIMEFOLD.replan(old, changed, SEARCH.withSeed(run));
            Plan now = after.plan();

            assertThat(now.violations()).isEmpty();
            assertThat(now.plannedValue()).isGreaterThanOrEqualTo(after.greedyValue());
            for (int i = 0; i < old.instance().size(); i++) {
                if (i == c) {
                    continue;
                }
                int j = now.instance().indexOf(roadmap.initiatives().get(i).id());
                if (old.planned(i)) {
                    assertThat(now.start(j)).as("run %d: %s stays", run, i).isEqualTo(old.start(i));
                } else if (now.planned(j)) {
                    boolean dependedOnIt = roadmap.initiatives().get(i).dependsOn().contains(dropped);
                    boolean usesFreedCapacity = false;
                    for (int f = 0; f < old.instance().functions(); f++) {
                        for (int q = 0; q < old.instance().quarters(); q++) {
                            int need = old.instance().need(i, f, now.start(j), q);
                            usesFreedCapacity |= need > old.free(f, q) && old.instance().need(c, f, old.start(c), q) > 0;
                        }
                    }
                    assertThat(dependedOnIt || usesFreedCapacity).as("run %d: %s added", run, i).isTrue();
                }
            }
        }
    }

    @Test
    void aValueChangeMovesNothingThatWasPlanned() {
        Roadmap roadmap = PlanPropertyTest.random(new Random(11), 30, 3, 4);
        Plan old = Planner.TIMEFOLD.plan(roadmap, SEARCH).plan();
        List<Initiative> list = new ArrayList<>(roadmap.initiatives());
        list.set(4, list.get(4).withValue(list.get(4).value() * 2));
        Plan now = Planner.TIMEFOLD.replan(old, roadmap.withInitiatives(list), SEARCH).plan();
        for (int i = 0; i < old.instance().size(); i++) {
            if (old.planned(i)) {
                assertThat(now.start(i)).isEqualTo(old.start(i));
            }
        }
    }

    private static int firstPlanned(Plan p, int from) {
        for (int k = 0; k < p.instance().size(); k++) {
            int i = (from + k) % p.instance().size();
            if (p.planned(i)) {
                return i;
            }
        }
        return -1;
    }

    private static Set<Integer> dependents(Instance in, int c) {
        Set<Integer> out = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = 0; i < in.size(); i++) {
                for (int d : in.deps(i)) {
                    if ((d == c || out.contains(d)) && out.add(i)) {
                        grew = true;
                    }
                }
            }
        }
        return out;
    }

    /** Whether i could have started at s in the old plan: its rules, its dependencies, free capacity. */
    private static boolean fitsIn(Plan old, int i, int s) {
        Instance in = old.instance();
        if (s < in.earliest(i) || s > GreedyPacker.latestStart(in, i)) {
            return false;
        }
        for (int d : in.deps(i)) {
            if (!old.planned(d) || old.end(d) >= s) {
                return false;
            }
        }
        for (int f = 0; f < in.functions(); f++) {
            for (int q = 0; q < in.quarters(); q++) {
                if (in.need(i, f, s, q) > old.free(f, q)) {
                    return false;
                }
            }
        }
        return true;
    }
}
