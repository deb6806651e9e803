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
    void rcpspStillWorksAndNoOptionsIsUsage() {
        assertThat(CliRun.of("plan").exitCode()).isEqualTo(Baton.USAGE);
        assertThat(CliRun.of("plan", "rcpsp", "--help").exitCode()).isZero();
    }
}
