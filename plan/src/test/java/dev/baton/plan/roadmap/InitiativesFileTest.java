package dev.baton.plan.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class InitiativesFileTest {

    @Test
    void capacityComesFromPeopleLessRunTheBusinessAndHolidays() throws Exception {
        Roadmap r = RoadmapFixtures.read("""
                quarters: 2027-Q1..2027-Q2
                assumptions: {holidays: {2027-Q2: 10}}
                initiatives:
                  - {id: ebook, title: Ebook, value: 40, effort: {content: [20, 10], design: [5]}}
                """);
        // content: 2 people x 60 days x 0.8 = 96; Q2: 2 x 50 x 0.8 = 80; design: half-timer 24, then 20
        assertThat(r.capacity().days()[0]).containsExactly(96, 80);
        assertThat(r.capacity().days()[1]).containsExactly(24, 20);
        assertThat(r.initiatives().get(0).effort().get("content")).containsExactly(20, 10);
    }

    @Test
    void theFileCapacityOverridesTheModel() throws Exception {
        Roadmap r = RoadmapFixtures.read("""
                quarters: 2027-Q1..2027-Q2
                capacity: {design: [5, 7]}
                initiatives:
                  - {id: a, value: 1}
                """);
        assertThat(r.capacity().days()[1]).containsExactly(5, 7);
    }

    @Test
    void everyProblemIsReportedWithLineAndColumn() {
        RoadmapRefused e = catchThrowableOfType(() -> RoadmapFixtures.read("""
                quarters: 2027-Q1..2027-Q4
                initiatives:
                  - id: a
                    value: lots
                    effort: {contnet: [5]}
                  - id: b
                    value: 3
                    depends-on: [zzz]
                    deadline: 2027-Q9
                """), RoadmapRefused.class);
        assertThat(e.problems()).extracting(p -> p.format("f.yaml"))
                .anySatisfy(s -> assertThat(s).startsWith("f.yaml:4:12:").contains("expected a value"))
                .anySatisfy(s -> assertThat(s).startsWith("f.yaml:5:23:").contains("found 'contnet'").contains("content"))
                .anySatisfy(s -> assertThat(s).startsWith("f.yaml:8:").contains("'zzz'"))
                .anySatisfy(s -> assertThat(s).startsWith("f.yaml:9:15:").contains("quarter"));
    }

    @Test
    void aDependencyCycleIsRefused() {
        RoadmapRefused e = catchThrowableOfType(() -> RoadmapFixtures.read("""
                quarters: 2027-Q1..2027-Q4
                initiatives:
                  - {id: a, value: 1, depends-on: [b]}
                  - {id: b, value: 1, depends-on: [a]}
                """), RoadmapRefused.class);
        assertThat(e.problems().get(0).message()).contains("a -> b -> a");
    }
}
