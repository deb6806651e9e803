package dev.baton.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EffortSuggestionsTest {

    static final String FILE = """
            quarters: 2027-Q1..2027-Q3
            capacity: {content: [60, 60, 60], design: [20, 20, 20]}
            initiatives:
              - {id: guide, title: Guide, theme: demand, value: 50, effort: {content: [30]}}
              - {id: ebook, title: Ebook, theme: demand, value: 30}
              - {id: idea, title: Idea, theme: nothing-like-it, value: 99}
            completed:
              - {id: old-1, theme: demand, effort: {content: [10, 4], design: [6]}}
              - {id: old-2, theme: demand, effort: {content: [20]}}
              - {id: old-3, theme: demand, effort: {content: [16, 2], design: [2]}}
              - {id: old-4, theme: brand, effort: {design: [40]}}
            """;

    @Test
    void aMissingEffortGetsTheMedianOfComparableCompletedWorkShownNotUsed() throws Exception {
        Roadmap roadmap = RoadmapFixtures.read(FILE);
        Map<String, EffortSuggestions.Suggestion> s = EffortSuggestions.of(roadmap);
        assertThat(s).containsOnlyKeys("ebook");
        // length: median of 2, 1, 2 = 2; content: median(10, 20, 16) = 16, median(4, 0, 2) = 2;
        // design: median(6, 0, 2) = 2, median(0, 0, 0) = 0; brand work is not comparable.
        assertThat(s.get("ebook").effort()).containsOnlyKeys("content", "design");
        assertThat(s.get("ebook").effort().get("content")).containsExactly(16, 2);
        assertThat(s.get("ebook").effort().get("design")).containsExactly(2, 0);
        assertThat(s.get("ebook").basedOn()).isEqualTo(3);

        Planner.Result shown = Planner.GREEDY.plan(roadmap, Search.DEFAULT);
        Verdict ebook = shown.verdicts().stream().filter(v -> v.id().equals("ebook")).findFirst().orElseThrow();
        assertThat(ebook.status()).isEqualTo(Verdict.Status.OUT);
        assertThat(ebook.remedy()).contains("Suggested effort: content [16, 2], design [2, 0] person-days, the median of 3 "
                + "completed 'demand' initiatives").contains("--use-suggestions");
        Verdict idea = shown.verdicts().stream().filter(v -> v.id().equals("idea")).findFirst().orElseThrow();
        assertThat(idea.remedy()).doesNotContain("Suggested");

        Planner.Result used = Planner.GREEDY.plan(EffortSuggestions.apply(roadmap, s), Search.DEFAULT);
        assertThat(used.plan().planned(used.plan().instance().indexOf("ebook"))).isTrue();
        assertThat(used.plan().planned(used.plan().instance().indexOf("idea"))).isFalse();
    }

    @Test
    void completedWorkWithoutEffortIsRefusedWithItsPlace() {
        String bad = FILE + "  - {id: old-5, theme: demand}\n";
        try {
            RoadmapFixtures.read(bad);
            org.junit.jupiter.api.Assertions.fail("expected a refusal");
        } catch (RoadmapRefused e) {
            assertThat(e.problems()).anySatisfy(p -> assertThat(p.format("f.yaml")).contains("f.yaml:12:5:").contains("'effort'"));
        }
    }
}
