package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

    @TempDir
    Path dir;

    static String fixture(String name) {
        return CliRun.ROOT.resolve("exchange/src/test/resources/fixtures").resolve(name).toString();
    }

    @Test
    void importsAJiraExportMappedOntoTheModelAndSkipsItTheSecondTime() throws Exception {
        Path log = dir.resolve("log.jsonl");
        String[] args = {"import", "jira-json", fixture("jira-cloud-search-jql.json"), "--mapping",
                fixture("mapping-content.yaml"), "--out", log.toString()};

        CliRun first = CliRun.of(args);
        CliRun second = CliRun.of(args);

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("Imported 16 events for 2 items (2 new)")
                .contains("StageEntered 5").contains("  batch: ");
        // 16 events and the batch's BatchImported line; the second import finds nothing new and records no batch.
        assertThat(Files.readAllLines(log)).hasSize(17);
        assertThat(second.exitCode()).isZero();
        assertThat(second.out()).startsWith("Imported 0 events for 0 items (0 new)").contains("15 changes read, 15 already in the log")
                .doesNotContain("batch:");
        assertThat(Files.readAllLines(log)).hasSize(17);
    }

    @Test
    void unmappedValuesAreListedWithCounts() {
        Path map = dir.resolve("map.yaml");
        CliRun run;
        try {
            Files.writeString(map, "stages:\n  To Do: brief\n");
            run = CliRun.of("import", "jira-json", fixture("jira-cloud-search-jql.json"), "--mapping", map.toString(),
                    "--out", dir.resolve("l.jsonl").toString(), "--dry-run");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Would import ")
                .contains("not in the mapping (stages, kept as the tool writes them): 'In Progress' ×2, 'In Review' ×2, 'Done' ×1");
        assertThat(dir.resolve("l.jsonl")).doesNotExist();
    }

    @Test
    void suggestsAStarterMappingFromTheFilesOwnValues() {
        CliRun run = CliRun.of("import", "jira-json", fixture("jira-cloud-search-jql.json"), "--suggest-mapping");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("stages:", "  \"In Review\": in-review   # 4", "  \"Maya Patel\": maya-patel",
                "    \"Campaign\": campaign", "    \"Launch date\": launch-date", "  done-statuses: [\"Done\"]");
        // The suggestion is itself a valid mapping.
        assertThat(dev.baton.exchange.mapping.MappingReader.read(run.out()).problems()).isEmpty();
    }

    @Test
    void aWrongKindOfFileNamesTheExpectedShapeAndWritesNothing() {
        Path log = dir.resolve("log.jsonl");
        CliRun run = CliRun.of("import", "trello-json", fixture("jira-cloud-search-jql.json"), "--out", log.toString());

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).contains("jira-cloud-search-jql.json: line 1, column ")
                .contains("expected a Trello board export").contains("nothing was imported");
        assertThat(log).doesNotExist();
    }

    @Test
    void aMappingWithMistakesIsReportedAtItsLines() throws Exception {
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, "stages:\n  Doing: nonsense\npeople:\n  Maya Patel: nobody\n");
        CliRun run = CliRun.of("import", "jira-json", fixture("jira-cloud-search-jql.json"), "--mapping", map.toString(),
                "--model", CliRun.example("content-team.yaml"), "--out", dir.resolve("l.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).contains(map + ":2:10: error: expected a stage of a work type")
                .contains(map + ":4:15: error: expected a person of the model");
    }

    @Test
    void anUnknownKindIsAUsageError() {
        CliRun run = CliRun.of("import", "monday-json", fixture("jira-cloud-search-jql.json"), "--out", "x.jsonl");
        assertThat(run.exitCode()).isEqualTo(Baton.USAGE);
        assertThat(run.err()).contains("expected a KIND (jira-json, jira-csv, asana-json, trello-json, gitlab-events, github-events, csv, xes, ocel)");
    }

    @Test
    void historiesWhoseCompletionDoesNotAddUpAreWarnedWithCountsAndKeys() throws Exception {
        // Two issues in Jira's "Done" category without a resolution, imported with completion on resolution only.
        String issue = """
                {"id": "%1$s", "key": "OPS-%1$s", "fields": {"summary": "Task %1$s", "created": "2026-03-01T08:00:00Z",
                 "status": {"name": "Done", "statusCategory": {"key": "done"}}},
                 "changelog": {"histories": [{"id": "%1$s1", "created": "2026-03-02T08:00:00Z",
                  "items": [{"field": "status", "fromString": "To Do", "toString": "Done"}]}]}}""";
        Path export = dir.resolve("export.json");
        Files.writeString(export, "{\"issues\": [" + issue.formatted("1") + "," + issue.formatted("2") + "]}");
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, "completion:\n  on: resolution\n");

        CliRun run = CliRun.of("import", "jira-json", export.toString(), "--mapping", map.toString(),
                "--out", dir.resolve("l.jsonl").toString(), "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("  warning: 2 items end in a done status without being completed (OPS-1, OPS-2): "
                + "with completion.on: resolution only a resolution completes an item; set completion.on to both");
        Files.writeString(map, "completion:\n  on: both\n");
        CliRun both = CliRun.of("import", "jira-json", export.toString(), "--mapping", map.toString(),
                "--out", dir.resolve("l.jsonl").toString(), "--dry-run");
        assertThat(both.out()).contains("ItemCompleted 2").doesNotContain("warning:");
    }

    @Test
    void aWrongCompletionSettingIsAnErrorAtItsLine() throws Exception {
        Path map = dir.resolve("map.yaml");
        Files.writeString(map, "completion:\n  on: closed\n");
        CliRun run = CliRun.of("import", "jira-json", fixture("jira-cloud-search-jql.json"), "--mapping", map.toString(),
                "--out", dir.resolve("l.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(run.err()).contains(map + ":2:7: error: expected what completes an item (resolution, done-status, "
                + "both), found 'closed'").doesNotContain("Exception");
    }
}
