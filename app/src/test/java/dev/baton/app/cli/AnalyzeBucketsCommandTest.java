package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton analyze --buckets N}: a log analysed a part at a time gives the report of the whole. */
class AnalyzeBucketsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void aLogAnalysedInBucketsGivesTheSameReport() {
        Path log = tmp.resolve("log.jsonl");
        CliRun simulate = CliRun.of("simulate", "--model", CliRun.example("b2b-saas.yaml"), "--items", "400", "--seed", "3",
                "--out", log.toString());
        assertThat(simulate.exitCode()).as(simulate.err()).isZero();

        CliRun whole = CliRun.of("analyze", "--model", CliRun.example("b2b-saas.yaml"), "--log", log.toString(),
                "--format", "json");
        CliRun buckets = CliRun.of("analyze", "--model", CliRun.example("b2b-saas.yaml"), "--log", log.toString(),
                "--format", "json", "--buckets", "5");
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(buckets.exitCode()).as(buckets.err()).isZero();
        assertThat(buckets.jsonObject().get("items")).isEqualTo(400);
        assertThat(buckets.out()).isEqualTo(whole.out());

        CliRun text = CliRun.of("analyze", "--model", CliRun.example("b2b-saas.yaml"), "--log", log.toString(),
                "--buckets", "3");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).isEqualTo(CliRun.of("analyze", "--model", CliRun.example("b2b-saas.yaml"), "--log",
                log.toString()).out());
    }

    @Test
    void noBucketsIsRefusedWithAReason() {
        CliRun run = CliRun.of("analyze", "--model", CliRun.example("b2b-saas.yaml"), "--log", tmp.resolve("x.jsonl").toString(),
                "--buckets", "0");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("--buckets: expected a number of parts of 1 or more, not 0").doesNotContain("Exception");
    }
}
