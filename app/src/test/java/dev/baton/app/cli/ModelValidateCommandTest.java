package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelValidateCommandTest {

    @TempDir
    Path dir;

    private String write(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file.toString();
    }

    @Test
    void theExamplesAreValid() {
        CliRun run = CliRun.of("model", "validate", CliRun.example("b2b-saas.yaml"), CliRun.example("content-team.yaml"));
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("b2b-saas.yaml: valid (0 errors", "content-team.yaml: valid (0 errors");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aBrokenModelExitsWithOneAndCompilerStyleLines() throws Exception {
        String file = write("m.yaml", "apiVersion: baton/v1\nfunctions:\n  - {id: pmm}\n  - {id: pmm}\nteams: [{id: t, function: sales}]\n");
        CliRun run = CliRun.of("model", "validate", file);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(
                file + ":4:10: error: expected a unique id, found 'pmm' again (already a function at line 3)",
                file + ":5:27: error: expected a function (pmm), found 'sales'",
                file + ": invalid (2 errors, ");
    }

    @Test
    void warningsAloneLeaveTheModelValid() throws Exception {
        String file = write("w.yaml", "apiVersion: baton/v1\n");
        CliRun run = CliRun.of("model", "validate", file);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(file + ":1:1: warning: no owner is declared for audience");
    }

    @Test
    void jsonHasErrorsAndWarningsWithLineColumnPathCodeAndMessage() throws Exception {
        String file = write("m.yaml", "apiVersion: baton/v1\nwork-types:\n  - id: x\n    stages:\n      - {id: a, kind: making, sla: soon}\n");
        CliRun run = CliRun.of("model", "validate", "--format", "json", file);
        assertThat(run.exitCode()).isEqualTo(1);
        Map<String, Object> json = run.jsonObject();
        assertThat(json).containsEntry("file", file).containsEntry("valid", false);
        assertThat(CliRun.objects(json, "errors")).containsExactly(Map.of(
                "line", 5, "column", 36, "path", "work-types[0].stages[0].sla", "code", "bad-duration",
                "message", "expected a duration like 3d, 36h, 90m or 1d12h, found 'soon'"));
        assertThat(CliRun.objects(json, "warnings")).isNotEmpty().allSatisfy(w ->
                assertThat(w).containsOnlyKeys("line", "column", "path", "code", "message"));
    }

    @Test
    void severalFilesInJsonGiveAnArray() throws Exception {
        String a = write("a.yaml", "apiVersion: baton/v1\n");
        String b = write("b.yaml", "apiVersion: nope\n");
        CliRun run = CliRun.of("model", "validate", "--format=json", a, b);
        assertThat(run.exitCode()).isEqualTo(1);
        List<Map<String, Object>> json = run.jsonArray();
        assertThat(json).hasSize(2);
        assertThat(json.get(0)).containsEntry("valid", true);
        assertThat(json.get(1)).containsEntry("valid", false);
    }

    @Test
    void usageMistakesExitWithTwoAndSayWhatIsWrong() {
        CliRun noFile = CliRun.of("model", "validate");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("Missing required parameter: 'FILE'");

        CliRun badFormat = CliRun.of("model", "validate", "--format", "xml", "x.yaml");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.err()).contains("Invalid value for option '--format'");

        CliRun unknown = CliRun.of("modle");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument", "model");

        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        assertThat(CliRun.of("model").err()).contains("expected validate, show or diff");
    }

    @Test
    void aMissingFileIsAnInvalidModelNotACrash() {
        CliRun run = CliRun.of("model", "validate", "no/such/model.yaml");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("no/such/model.yaml:1:1: error: expected a model file, found no file at this path");
        assertThat(run.err()).doesNotContain("Exception");
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("model", "validate", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: baton model validate", "--format", "Exit codes:");
        assertThat(CliRun.of("--version").out()).startsWith("baton ");
    }

    @Test
    void fiveDifferentMistakesGiveFiveErrorsOnTheirLines() {
        CliRun run = CliRun.of("model", "validate", "--format", "json", CliRun.example("broken/five-mistakes.yaml"));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(CliRun.objects(run.jsonObject(), "errors")).extracting(e -> e.get("line") + ":" + e.get("code"))
                .containsExactly("35:unknown-key", "41:wrong-type", "65:approver-count", "68:unknown-reference", "69:bad-duration");
    }

    @Test
    void everyBrokenExampleIsInvalidAndNamesItsProblemCode() throws Exception {
        try (var files = Files.list(CliRun.ROOT.resolve("examples/broken"))) {
            List<Path> yamls = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(yamls).hasSizeGreaterThanOrEqualTo(10);
            for (Path yaml : yamls) {
                CliRun run = CliRun.of("model", "validate", yaml.toString());
                assertThat(run.exitCode()).as(yaml.toString()).isEqualTo(1);
                String name = yaml.getFileName().toString().replace(".yaml", "");
                if (!name.equals("five-mistakes") && !name.equals("two-approvers") && !name.equals("enum-without-values")) {
                    // The other broken examples are named after the error code they show.
                    assertThat(CliRun.objects(CliRun.of("model", "validate", "--format", "json", yaml.toString()).jsonObject(), "errors"))
                            .as(yaml.toString()).extracting(e -> e.get("code")).contains(name);
                }
            }
        }
    }
}
