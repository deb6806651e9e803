package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoverCommandTest {

    @TempDir
    Path tmp;

    private Path csv() throws Exception {
        Path log = tmp.resolve("log.csv");
        Files.writeString(log, """
                case,activity,timestamp,resource
                1,brief,2024-03-01T09:00:00Z,maya
                1,build,2024-03-01T11:00:00Z,maya
                1,review,2024-03-02T11:00:00Z,alex
                2,brief,2024-03-01T09:00:00Z,sam
                2,review,2024-03-01T10:00:00Z,alex
                3,brief,2024-03-04T09:00:00Z,sam
                3,build,2024-03-04T13:00:00Z,sam
                3,review,2024-03-06T13:00:00Z,alex
                """);
        return log;
    }

    @Test
    void textShowsTheGraphWithWaitsAndTheVariants() throws Exception {
        CliRun run = CliRun.of("discover", "--log", csv().toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("3 cases, 8 events, 3 activities, 2 variants")
                .containsPattern("brief -> build\\s+2  3h\\s+3h 48m")
                .contains("Start: brief (3)")
                .contains("End:   review (3)")
                .contains("2  66.7%  brief > build > review");
    }

    @Test
    void jsonHasTheDocumentedKeys() throws Exception {
        CliRun run = CliRun.of("discover", "--log", csv().toString(), "--format", "json");

        assertThat(run.exitCode()).isZero();
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsKeys("log", "cases", "events", "activities", "startActivities", "endActivities",
                "directlyFollows", "variants");
        List<Map<String, Object>> edges = CliRun.objects(json, "directlyFollows");
        assertThat(edges.get(0)).containsEntry("from", "brief").containsEntry("to", "build")
                .containsEntry("count", 2).containsEntry("medianWaitMillis", 3 * 3_600_000);
        assertThat(CliRun.objects(json, "variants").get(0)).containsEntry("cases", 2);
    }

    @Test
    void aMalformedLogIsOneLineAndExitOne() throws Exception {
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "case,activity,timestamp\n1,a,never\n");

        CliRun run = CliRun.of("discover", "--log", bad.toString());

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err().strip()).startsWith(bad + ":2: error: column timestamp: expected a timestamp")
                .doesNotContain("Exception");
    }
}
