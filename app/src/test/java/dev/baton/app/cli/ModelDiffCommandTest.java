package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.app.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code baton model diff}: two versions of a model file as a reviewer reads them, and as JSON. */
class ModelDiffCommandTest {

    /** The B2B SaaS example with QA's SLA halved and Build needing a budget. */
    static Path changed() throws Exception {
        String v1 = Files.readString(Path.of(CliRun.example("b2b-saas.yaml")));
        String v2 = v1.replace("        owner: jon.ito\n        sla: 1d\n", "        owner: jon.ito\n        sla: 12h\n")
                .replace("        exit: [landing-page, utm-plan]\n", "        exit: [landing-page, utm-plan, budget]\n");
        assertThat(v2).isNotEqualTo(v1);
        Path file = TestFiles.temporaryFolder("baton-diff").resolve("b2b-saas-v2.yaml");
        Files.writeString(file, v2);
        return file;
    }

    @Test
    void changesAreSentencesGroupedByWorkTypeWithTheYamlBelow() throws Exception {
        CliRun run = CliRun.of("model", "diff", CliRun.example("b2b-saas.yaml"), changed().toString(), "--yaml");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 changes from ").contains("Work type campaign\n"
                + "  Campaign › build: exit fields + budget\n"
                + "  Campaign › qa: SLA tightened from 1d to 12h\n");
        assertThat(run.out()).contains("-         exit: [landing-page, utm-plan]\n+         exit: [landing-page, utm-plan, budget]\n")
                .contains("-         sla: 1d\n+         sla: 12h\n");
    }

    @Test
    void jsonNamesWhereAndHow() throws Exception {
        CliRun run = CliRun.of("model", "diff", CliRun.example("b2b-saas.yaml"), changed().toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = dev.baton.app.json.Json.mapper().readValue(run.out(), Map.class);
        List<Map<String, Object>> changes = CliRun.objects(json, "changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1)).containsEntry("kind", "tightened").containsEntry("path", "work-types[campaign].stages[qa].sla")
                .containsEntry("before", "1d").containsEntry("after", "12h").containsEntry("workType", "campaign");
    }

    @Test
    void theSameFileHasNoChangeAndAnInvalidOneIsExplained() {
        CliRun same = CliRun.of("model", "diff", CliRun.example("b2b-saas.yaml"), CliRun.example("b2b-saas.yaml"));
        assertThat(same.out()).startsWith("No change to the model");
        CliRun broken = CliRun.of("model", "diff", CliRun.example("b2b-saas.yaml"), CliRun.example("broken/five-mistakes.yaml"));
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).contains("five-mistakes.yaml").contains("invalid, fix the errors above first");
    }
}
