package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCommandTest {

    @TempDir
    Path dir;

    @Test
    void exportsEachFormatAndImportsItBackUnchanged() throws Exception {
        Path log = dir.resolve("log.jsonl");
        CliRun.of("import", "jira-json", ImportCommandTest.fixture("jira-cloud-search-jql.json"), "--out", log.toString());
        for (String format : new String[] {"xes", "ocel", "csv"}) {
            Path out = dir.resolve("log." + format);
            CliRun export = CliRun.of("export", "--log", log.toString(), "--to", format, "--out", out.toString());
            assertThat(export.exitCode()).as(export.err()).isZero();
            assertThat(export.out()).isEqualTo("Wrote 15 events of 2 items to " + out + " (" + format + ").\n");

            CliRun again = CliRun.of("import", format, out.toString(), "--out", log.toString());
            assertThat(again.out()).as(format).startsWith("Imported 0 events").contains("15 already in the log");
        }
        assertThat(Files.readAllLines(log)).hasSize(16); // 15 events and their batch's BatchImported line
    }

    @Test
    void aBrokenLogWritesNothing() throws Exception {
        Path log = dir.resolve("log.jsonl");
        Files.writeString(log, "{\"position\": 1, \"stream\": \"A\"\n");
        Path out = dir.resolve("out.xes");
        CliRun run = CliRun.of("export", "--log", log.toString(), "--to", "xes", "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).contains("line 1: ").contains("nothing was written");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = CliRun.of("export", "--log", "x.jsonl", "--to", "bpmn", "--out", "x.bpmn");
        assertThat(run.exitCode()).isEqualTo(Baton.USAGE);
        assertThat(run.err()).contains("expected --to xes, ocel or csv, found 'bpmn'");
    }
}
