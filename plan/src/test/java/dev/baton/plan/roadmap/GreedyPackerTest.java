package dev.baton.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GreedyPackerTest {

    static final String FILE = """
            quarters: 2027-Q1..2027-Q3
            capacity: {content: [40, 40, 40], design: [10, 10, 10]}
            initiatives:
              - {id: guide, title: Guide, value: 50, effort: {content: [36]}}
              - {id: ebook, title: Ebook, value: 30, effort: {content: [30]}, deadline: 2027-Q1, deadline-kind: hard}
              - {id: video, title: Video, value: 10, effort: {design: [10]}, depends-on: [guide]}
              - {id: blog, title: Blog, value: 5, effort: {content: [4]}}
              - {id: wild, title: Wild idea, value: 99}
            """;

    private static Verdict verdict(List<Verdict> all, String id) {
        return all.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void packsByValuePerPersonDayRespectingDependenciesAndExplainsWhatIsLeftOut() throws Exception {
        Planner.Result r = Planner.GREEDY.plan(RoadmapFixtures.read(FILE), Search.DEFAULT);
        assertThat(r.plan().violations()).isEmpty();
        List<Verdict> v = r.verdicts();
        assertThat(verdict(v, "guide").start()).isEqualTo(new Quarter(2027, 1));
        assertThat(verdict(v, "video").start()).isEqualTo(new Quarter(2027, 2));
        assertThat(verdict(v, "blog").start()).isEqualTo(new Quarter(2027, 1));
        Verdict ebook = verdict(v, "ebook");
        assertThat(ebook.status()).isEqualTo(Verdict.Status.OUT);
        assertThat(ebook.reason()).isEqualTo("content is at 175% in 2027-Q1: 'Ebook' needs 30 person-days of content, 0 are free.");
        assertThat(ebook.remedy()).contains("30 more person-days of content in 2027-Q1")
                .doesNotContain("'Guide'");
        assertThat(verdict(v, "wild").reason()).contains("no effort estimate").contains("does not invent");
    }

    @Test
    void theSolverPlansAtLeastTheGreedyValue() throws Exception {
        Planner.Result r = Planner.TIMEFOLD.plan(RoadmapFixtures.read(FILE), Search.DEFAULT.withSteps(500));
        assertThat(r.plan().violations()).isEmpty();
        assertThat(r.plan().plannedValue()).isGreaterThanOrEqualTo(r.greedyValue());
    }
}
