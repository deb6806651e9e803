package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformanceCommandTest {

    @TempDir
    Path tmp;

    /** Blog posts of the content-team example: one by the book, one that skipped the edit, one of another type. */
    private Path blogLog() throws Exception {
        Path log = tmp.resolve("posts.csv");
        Files.writeString(log, """
                case,activity,timestamp,work_type
                p1,pitch,2024-03-01T09:00:00Z,blog-post
                p1,draft,2024-03-02T09:00:00Z,blog-post
                p1,edit,2024-03-03T09:00:00Z,blog-post
                p1,publish,2024-03-04T09:00:00Z,blog-post
                p2,pitch,2024-03-01T09:00:00Z,blog-post
                p2,draft,2024-03-02T09:00:00Z,blog-post
                p2,publish,2024-03-03T09:00:00Z,blog-post
                w1,plan,2024-03-01T09:00:00Z,webinar
                """);
        return log;
    }

    @Test
    void againstAModelsWorkTypeTheSkippedStageIsNamed() throws Exception {
        CliRun run = CliRun.of("conformance", "--net", CliRun.example("content-team.yaml"), "--work-type", "blog-post",
                "--log", blogLog().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("alignments of", "against 'blog-post': 2 cases")
                .contains("percentageFittingTraces  50.00%")
                .contains("'edit' was skipped after 'draft' in 1 case");
    }

    @Test
    void jsonUsesPm4pysNamesAndListsDeviations() throws Exception {
        CliRun run = CliRun.of("conformance", "--net", CliRun.example("content-team.yaml"), "--work-type", "blog-post",
                "--log", blogLog().toString(), "--method", "token-replay", "--format", "json");

        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsEntry("method", "token-replay").containsEntry("cases", 2)
                .containsKeys("logFitness", "averageTraceFitness", "percentageFittingTraces", "deviations", "variants");
        assertThat((Double) json.get("percentageFittingTraces")).isEqualTo(50.0);
        List<Map<String, Object>> deviations = CliRun.objects(json, "deviations");
        assertThat(deviations).isNotEmpty();
        assertThat(deviations.get(0)).containsKeys("kind", "activity", "after", "cases", "occurrences", "explanation");
    }

    @Test
    void aModelWithSeveralWorkTypesNeedsOne() throws Exception {
        CliRun run = CliRun.of("conformance", "--net", CliRun.example("content-team.yaml"), "--log", blogLog().toString());

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).contains("expected --work-type with one of blog-post, webinar");
    }

    @Test
    void anUnknownMethodIsAUsageError() throws Exception {
        CliRun run = CliRun.of("conformance", "--net", CliRun.example("content-team.yaml"), "--log", blogLog().toString(),
                "--method", "magic");

        assertThat(run.exitCode()).isEqualTo(Baton.USAGE);
        assertThat(run.err()).contains("expected token-replay or alignments, found 'magic'");
    }

    @Test
    void aBrokenNetFileSaysWhere() throws Exception {
        Path pnml = tmp.resolve("net.pnml");
        Files.writeString(pnml, "<pnml><net id=\"n\">\n<place id=\"a\">\n</net></pnml>");

        CliRun run = CliRun.of("conformance", "--net", pnml.toString(), "--log", blogLog().toString());

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).startsWith(pnml + ":3:").contains("malformed PNML").doesNotContain("Exception");
    }

    @Test
    void pm4pysReferenceNetAndLogGiveItsFigures() {
        Path shared = CliRun.ROOT.resolve("../shared/datasets/eventlogs").normalize();
        assumeTrue(Files.isDirectory(shared), "shared datasets absent");

        CliRun run = CliRun.of("conformance", "--net", shared.resolve("reference/running-example_top2.pnml").toString(),
                "--log", shared.resolve("running-example.xes").toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat((Double) json.get("logFitness")).isCloseTo(0.9166479171354049, org.assertj.core.data.Offset.offset(1e-9));
        assertThat((Double) json.get("averageTraceFitness")).isCloseTo(0.9222222222222222, org.assertj.core.data.Offset.offset(1e-9));
    }
}
