package dev.baton.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A published plan read back as a plan, the placements a plan publishes, and the cycle check shared with the API. */
class PublishedPlanTest {

    static final String YAML = """
            quarters: 2027-Q1..2027-Q3
            initiatives:
              - {id: a, title: A, value: 10, effort: {content: [40]}}
              - {id: b, title: B, value: 20, effort: {content: [30, 30]}, depends-on: [a]}
              - {id: c, title: C, value: 5, effort: {design: [10]}}
            """;

    @Test
    void aPlanPublishesItsPlacementsAndIsReadBackTheSame() throws RoadmapRefused {
        Roadmap roadmap = RoadmapFixtures.read(YAML);
        Plan greedy = Planner.GREEDY.plan(roadmap, Search.DEFAULT).plan();
        Map<String, Quarter> published = greedy.placements();
        assertThat(published).containsEntry("a", new Quarter(2027, 1)).containsEntry("b", new Quarter(2027, 2));
        Plan back = Plan.of(new Instance(roadmap), published);
        assertThat(back.starts()).containsExactly(greedy.starts());
        assertThat(back.plannedValue()).isEqualTo(greedy.plannedValue());
        assertThat(Comparison.valueByQuarter(back)).containsExactly(Comparison.valueByQuarter(greedy));
    }

    @Test
    void initiativesUnknownOrOutsideTheQuartersAreNotPlannedAndBrokenRulesAreSaid() throws RoadmapRefused {
        Roadmap roadmap = RoadmapFixtures.read(YAML);
        Plan p = Plan.of(new Instance(roadmap), Map.of("b", new Quarter(2027, 1), "c", new Quarter(2028, 1),
                "gone", new Quarter(2027, 1)));
        assertThat(p.planned(0)).isFalse();
        assertThat(p.start(1)).isZero();
        assertThat(p.planned(2)).isFalse();
        assertThat(p.violations()).containsExactly("'B' starts before 'A' is done");
    }

    @Test
    void theFirstCycleIsNamedAndUnknownDependenciesAreLeftToTheirOwnCheck() {
        Initiative a = new Initiative("a", "A", "t", 1, Map.of(), List.of("b"), null, null, null);
        Initiative b = new Initiative("b", "B", "t", 1, Map.of(), List.of("a", "elsewhere"), null, null, null);
        Initiative c = new Initiative("c", "C", "t", 1, Map.of(), List.of("elsewhere"), null, null, null);
        assertThat(InitiativesFile.cycleOf(List.of(c, a, b))).containsExactly("a", "b", "a");
        assertThat(InitiativesFile.cycleOf(List.of(c, b))).isEmpty();
    }
}
