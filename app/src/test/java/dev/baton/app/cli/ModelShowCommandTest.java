package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@code baton model show} on the shipped examples, against golden files in
 * {@code src/test/resources/golden/} (rewrite them with {@code -Dgolden.update=true}, then read
 * the diff before committing: the goldens are the review of what users see).
 */
class ModelShowCommandTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @ParameterizedTest
    @CsvSource({
            "content-team.yaml, text, content-team.txt",
            "content-team.yaml, mermaid, content-team.mmd",
            "content-team.yaml, json, content-team.json",
            "b2b-saas.yaml, mermaid, b2b-saas.mmd"})
    void showMatchesTheGoldenFile(String example, String format, String golden) throws IOException {
        CliRun run = CliRun.of("model", "show", CliRun.example(example), "--format", format);
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path file = GOLDEN.resolve(golden);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, run.out(), StandardCharsets.UTF_8);
        }
        assertThat(run.out()).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void theTextMapHasTheStageSequenceRaciHandoffChainAndOwnership() {
        String out = CliRun.of("model", "show", CliRun.example("b2b-saas.yaml")).out();
        assertThat(out).contains("Work type product-launch", "Decision rights", "Handoffs", "chain: ", "Ownership");
        // The launch's declared chain of functions, in stage order.
        assertThat(out).containsPattern("chain: Product management -> Product marketing -> .*Sales -> Customer success");
    }

    @Test
    void anInvalidModelIsNotShownButExplained() {
        CliRun run = CliRun.of("model", "show", CliRun.example("broken/five-mistakes.yaml"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("five-mistakes.yaml:35:5: error:", "invalid, fix the errors above first");
    }
}
