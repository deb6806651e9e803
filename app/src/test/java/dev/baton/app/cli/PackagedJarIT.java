package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real {@code baton.jar}, started as a user starts it, in its own JVM. */
class PackagedJarIT {

    static final Path JAR = Path.of(System.getProperty("baton.jar", "target/baton.jar"));
    static final Path ROOT = dev.baton.app.ProjectRoot.PATH;

    record Result(int exitCode, String out, String err) {
    }

    static Result baton(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("baton-out", ".txt");
        Path err = Files.createTempFile("baton-err", ".txt");
        Process process = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("baton.jar finished within a minute").isTrue();
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return result;
    }

    @Test
    void theJarValidatesTheExamples() throws Exception {
        Result result = baton("model", "validate", "examples/b2b-saas.yaml", "examples/content-team.yaml");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("examples/b2b-saas.yaml: valid (0 errors, 0 warnings)");
    }

    @Test
    void theJarReportsErrorsWithoutAStackTrace() throws Exception {
        Result result = baton("model", "validate", "examples/broken/five-mistakes.yaml");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines().filter(l -> l.contains(": error: "))).hasSize(5);
        assertThat(result.out() + result.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void theJarShowsAMapAndExitsTwoOnUsageErrors() throws Exception {
        Result show = baton("model", "show", "examples/content-team.yaml", "--format", "mermaid");
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).startsWith("flowchart LR\n").contains("  %% work type: blog-post", "  subgraph wt_webinar");

        Result usage = baton("model", "validate", "--format", "yaml", "examples/content-team.yaml");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Invalid value for option '--format'");
    }
}
