package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The debt report of the real tool exports in {@code ../shared/datasets/tool-exports} (Jira,
 * GitLab, Trello), imported with the mappings and models of {@code src/test/resources/golden},
 * against figures checked by hand and explained in docs/debt.md ("Golden reports"). Skipped where
 * {@code ../shared} is absent; nothing of those files is copied into the project.
 */
class GoldenToolExportsTest {

    static final Path GOLDEN = CliRun.ROOT.resolve("app/src/test/resources/golden");

    @TempDir
    Path tmp;

    Map<String, Object> report(String kind, String export, String mapping, String model) {
        Path file = CliRun.ROOT.resolve("../shared/datasets/tool-exports").resolve(export).normalize();
        assumeTrue(Files.isRegularFile(file), "shared dataset absent: " + file);
        Path log = tmp.resolve(kind + ".jsonl");
        CliRun imported = CliRun.of("import", kind, file.toString(), "--mapping", GOLDEN.resolve(mapping).toString(),
                "--model", GOLDEN.resolve(model).toString(), "--out", log.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        CliRun analyzed = CliRun.of("analyze", "--model", GOLDEN.resolve(model).toString(), "--log", log.toString(),
                "--format", "json");
        assertThat(analyzed.exitCode()).as(analyzed.err()).isZero();
        return analyzed.jsonObject();
    }

    static Map<String, Object> component(Map<String, Object> report, String id) {
        return CliRun.objects(report, "components").stream().filter(c -> c.get("id").equals(id)).findFirst().orElseThrow();
    }

    static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }

    static void notMeasured(Map<String, Object> report, String source, long items, String... ids) {
        for (String id : ids) {
            Map<String, Object> c = component(report, id);
            assertThat(c.get("measured")).as(id).isEqualTo(false);
            assertThat((String) c.get("summary")).as(id).startsWith("not measured: " + source + " records no")
                    .endsWith("(" + items + " items)");
            assertThat(number(c, "costHours")).as(id).isZero();
        }
    }

    @Test
    void jiraCloudSampleOfTwentyFiveStoriesFrom2015() {
        Map<String, Object> r = report("jira-json", "jira-cloud-search-with-changelog_actionableagile.json",
                "jira-ut-mapping.yaml", "jira-ut-model.yaml");
        assertThat(r.get("items")).isEqualTo(25);
        assertThat(r.get("events")).isEqualTo(106);
        // Jira records stages, not Baton's owners (the sample never changes assignee), intake,
        // approvals, handoffs or goals: those five are not measured and cost nothing.
        notMeasured(r, "jira", 25, "ownership", "handoffs", "decision-drag", "reactive-load", "goal-alignment");
        // 6 of 25 went back (analysis-active -> backlog); redoing backlog (1 h) and analysis-active
        // (4 h): 2 × 5 + 5 + 1 + 1 + 1 = 18 h.
        Map<String, Object> rework = component(r, "rework");
        assertThat(number(rework, "value")).isCloseTo(6 / 25.0, within(1e-9));
        assertThat(number(rework, "costHours")).isEqualTo(18.0);
        // 7 of the 9 visits of test (SLA 3 days) ran over it.
        assertThat(number(component(r, "sla"), "value")).isCloseTo(7 / 9.0, within(1e-6));
        // Every story deviates from the strict seven-stage flow (16 jump over analysis).
        Map<String, Object> flow = component(r, "flow-conformance");
        assertThat(number(flow, "numerator")).isEqualTo(79.0);
        assertThat(number(flow, "denominator")).isEqualTo(208.0);
        assertThat(number(flow, "costHours")).isEqualTo(59.0);
        assertThat(flow.get("smallSample")).isEqualTo(true);
        assertThat(number(r, "costHours")).isCloseTo(85.75, within(1e-6));
        assertThat(number(r, "costHours")).isLessThan(number(r, "capacityHours"));
        assertThat(number(r, "score")).isCloseTo(46.618632, within(1e-5));
        assertThat((String) r.get("scoreMeaning")).contains("too few to judge a team by");
        assertThat(((Map<?, ?>) r.get("period")).get("to")).asString().startsWith("2016-03-29");
        assertThat(CliRun.objects(r, "topActions").get(0).get("action")).asString()
                .startsWith("Bring work back to the declared flow starting with story").contains("25 of 25 story items deviated");
    }

    @Test
    void gitlabSampleOfThreeLabelledResources() {
        Map<String, Object> r = report("gitlab-events", "gitlab-resource-label-events_gitlab4j.json", "gitlab-mapping.yaml",
                "tracker-model.yaml");
        assertThat(r.get("items")).isEqualTo(3);
        notMeasured(r, "gitlab", 3, "ownership", "handoffs", "decision-drag", "reactive-load", "goal-alignment");
        // Three open items, each one stage change so far, all declared: nothing deviates, nothing costs.
        assertThat(number(component(r, "flow-conformance"), "value")).isZero();
        assertThat(number(r, "costHours")).isZero();
        assertThat(CliRun.objects(r, "topActions")).isEmpty();
    }

    @Test
    void trelloSampleOfOneCardLeftFourYearsInToDo() {
        Map<String, Object> r = report("trello-json", "trello-board-export_nextcloud-deck.json", "trello-mapping.yaml",
                "tracker-model.yaml");
        assertThat(r.get("items")).isEqualTo(1);
        // Trello records members (owners) but no intake, approvals, handoffs or goals.
        notMeasured(r, "trello", 1, "handoffs", "decision-drag", "reactive-load", "goal-alignment");
        // The card had no member from its creation (2017-09-15) until 2021-07-10, when a member was
        // added and removed within five minutes: 0.75 × almost all of its time; one day of activity
        // after it had gone a day without owner: 0.5 h.
        Map<String, Object> ownership = component(r, "ownership");
        assertThat(number(ownership, "value")).isCloseTo(0.75, within(1e-5));
        assertThat(number(ownership, "costHours")).isEqualTo(0.5);
        // Its only stage is a waiting one: all of its time waited; delay, not hours.
        Map<String, Object> coordination = component(r, "coordination-share");
        assertThat(number(coordination, "value")).isEqualTo(1.0);
        assertThat(number(coordination, "costHours")).isZero();
        assertThat((String) r.get("scoreMeaning")).contains("from only 1 item(s)");
        assertThat(CliRun.objects(r, "topActions")).extracting(a -> a.get("component"))
                .containsExactly("ownership", "coordination-share");
    }

    @Test
    void theGoldenModelsAreValid() {
        for (String model : List.of("jira-ut-model.yaml", "tracker-model.yaml")) {
            CliRun run = CliRun.of("model", "validate", GOLDEN.resolve(model).toString());
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
    }
}
