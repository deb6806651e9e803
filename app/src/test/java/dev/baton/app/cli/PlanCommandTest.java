package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {

    static final String MODEL = CliRun.example("content-team.yaml");
    static final String INITIATIVES = CliRun.example("plan/content-team-initiatives.yaml");

    @TempDir
    Path tmp;

    @Test
    void theExampleRoadmapSaysWhatDoesNotFitAndWhy() {
        CliRun run = CliRun.of("plan", "--model", MODEL, "--initiatives", INITIATIVES, "--steps", "300");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("design is at 158% in 2027-Q1: 'Brand refresh' needs 30 person-days of design, 16 are free")
                .contains("'Podcast' has no effort estimate");
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonWithAScenarioListsWhatMoved() {
        CliRun run = CliRun.of("plan", "--model", MODEL, "--initiatives", INITIATIVES, "--scenario",
                CliRun.example("plan/content-team-scenario.yaml"), "--steps", "300", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat((double) json.get("plannedValue")).isGreaterThanOrEqualTo((double) json.get("greedyValue"));
        List<Map<String, Object>> moved = (List<Map<String, Object>>) ((Map<String, Object>) json.get("scenario")).get("moved");
        assertThat(moved).anySatisfy(m -> assertThat(m).containsEntry("id", "brand-refresh").containsEntry("to", "2027-Q1"));
    }

    @Test
    void htmlIsSelfContainedWithAGanttAndAHeatMap() {
        CliRun run = CliRun.of("plan", "--model", MODEL, "--initiatives", INITIATIVES, "--steps", "0", "--format", "html");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("<svg id=\"gantt\"").contains("<svg id=\"heatmap\"").doesNotContain("<script src")
                .doesNotContain("http");
    }

    @Test
    void badInitiativesAreAllReportedWithFileLineAndColumn() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "quarters: 2027-Q1..2027-Q2\ninitiatives:\n  - {id: a, value: x}\n  - {id: b, value: 1, effort: {sales: [3]}}\n");
        CliRun run = CliRun.of("plan", "--model", MODEL, "--initiatives", bad.toString());
        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).contains(bad + ":3:").contains(bad + ":4:").contains("'sales'").doesNotContain("Exception");
    }

    @Test
    void aTimeLimitedRunShowsItsProgressOnStderrAndKeepsStdoutForTheResult() {
        CliRun run = CliRun.of("plan", "--model", MODEL, "--initiatives", INITIATIVES, "--time-limit", "1s", "--progress",
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("plan:").contains("start: the greedy plan").contains("value planned");
        assertThat(run.jsonObject()).containsKey("plannedValue");
        CliRun zero = CliRun.of("plan", "--model", MODEL, "--initiatives", INITIATIVES, "--time-limit", "0s");
        assertThat(zero.exitCode()).isEqualTo(Baton.USAGE);
        assertThat(zero.err()).contains("--time-limit").doesNotContain("Exception");
        assertThat(CliRun.of("plan", "--help").out()).contains("Not reproducible");
    }

    @Test
    void aMissingEffortIsSuggestedAndUsedOnlyWhenAskedFor() {
        CliRun shown = CliRun.of("plan", "--model", MODEL, "--initiatives", INITIATIVES, "--steps", "0");
        assertThat(shown.out()).contains("'Podcast' has no effort estimate")
                .contains("Suggested effort: content [4], design [12] person-days, the median of 3 completed 'brand'");
        CliRun used = CliRun.of("plan", "--model", MODEL, "--initiatives", INITIATIVES, "--steps", "0", "--use-suggestions");
        assertThat(used.exitCode()).as(used.err()).isZero();
        assertThat(used.err()).contains("'podcast' is planned on suggested effort content [4], design [12]");
        assertThat(used.out()).doesNotContain("'Podcast' has no effort estimate");
    }

    @Test
    void completedWorkOfTheLogWithJiraEffortFeedsTheSuggestionsStoryPointsOnlyWithAConversion() throws Exception {
        Path initiatives = tmp.resolve("i.yaml");
        Files.writeString(initiatives, "quarters: 2027-Q1..2027-Q2\ninitiatives:\n"
                + "  - {id: post, title: Post, theme: blog-post, value: 10}\n");
        StringBuilder log = new StringBuilder();
        String[][] items = {{"p1", "\"time-spent-hours\":48.0"}, {"p2", "\"original-estimate-hours\":32.0"},
                {"p3", "\"story-points\":6.0"}};
        int pos = 1;
        for (String[] item : items) {
            String head = "{\"position\":%d,\"stream\":\"" + item[0] + "\",\"version\":%d,\"at\":\"2026-01-0%dT09:00:00Z\","
                    + "\"actor\":\"zoe.park\",\"workType\":\"blog-post\",\"modelVersion\":1,\"commandId\":null,";
            log.append(String.format(head, pos++, 1, 1)).append("\"type\":\"ItemCreated\",\"data\":{\"title\":\"T\","
                    + "\"stage\":\"pitch\",\"fields\":{").append(item[1]).append("},\"parent\":null,\"fromRequest\":null}}\n");
            log.append(String.format(head, pos++, 2, 2)).append("\"type\":\"OwnerAssigned\",\"data\":{\"owner\":\"ana.silva\","
                    + "\"previousOwner\":null}}\n");
            log.append(String.format(head, pos++, 3, 3)).append("\"type\":\"ItemCompleted\",\"data\":{\"stage\":\"published\"}}\n");
        }
        Path file = tmp.resolve("log.jsonl");
        Files.writeString(file, log);
        // 48 h = 6 person-days, 32 h = 4; the 6 points count only with a conversion (3 a day: 2).
        CliRun hours = CliRun.of("plan", "--model", MODEL, "--initiatives", initiatives.toString(), "--log", file.toString(),
                "--steps", "0");
        assertThat(hours.exitCode()).as(hours.err()).isZero();
        assertThat(hours.out()).contains("Suggested effort: content [5] person-days, the median of 2 completed 'blog-post'");
        CliRun points = CliRun.of("plan", "--model", MODEL, "--initiatives", initiatives.toString(), "--log", file.toString(),
                "--points-per-day", "3", "--steps", "0");
        assertThat(points.out()).contains("Suggested effort: content [4] person-days, the median of 3 completed 'blog-post'");
        CliRun missing = CliRun.of("plan", "--model", MODEL, "--initiatives", initiatives.toString(), "--log",
                tmp.resolve("none.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(missing.err()).contains("no such file").doesNotContain("Exception");
    }

    @Test
    void rcpspStillWorksAndNoOptionsIsUsage() {
        assertThat(CliRun.of("plan").exitCode()).isEqualTo(Baton.USAGE);
        assertThat(CliRun.of("plan", "rcpsp", "--help").exitCode()).isZero();
    }
}
