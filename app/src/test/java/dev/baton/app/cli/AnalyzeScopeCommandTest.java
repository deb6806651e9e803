package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton analyze --from --to --source}: an old import added to a team's log changes nothing
 * of this period's report once filtered to the period, and each source can be read alone.
 */
class AnalyzeScopeCommandTest {

    @TempDir
    Path tmp;

    /** Three content-team blog posts imported from an old Jira export (2015), still open when it was taken. */
    static String oldImport(long firstPosition) {
        StringBuilder lines = new StringBuilder();
        long position = firstPosition;
        for (int i = 1; i <= 3; i++) {
            lines.append("{\"id\":\"jira:").append(i).append(":created\",\"position\":").append(position++)
                    .append(",\"stream\":\"OLD-").append(i).append("\",\"version\":1,\"at\":\"2015-11-2").append(i)
                    .append("T10:00:00Z\",\"actor\":\"zoe.park\",\"workType\":\"blog-post\",\"modelVersion\":0,\"commandId\":null,")
                    .append("\"type\":\"ItemCreated\",\"data\":{\"title\":\"Old ").append(i)
                    .append("\",\"stage\":\"pitch\",\"fields\":{},\"parent\":null,\"fromRequest\":null}}\n");
            lines.append("{\"id\":\"jira:").append(i).append(":changelog:1\",\"position\":").append(position++)
                    .append(",\"stream\":\"OLD-").append(i).append("\",\"version\":2,\"at\":\"2015-12-0").append(i)
                    .append("T10:00:00Z\",\"actor\":\"zoe.park\",\"workType\":\"blog-post\",\"modelVersion\":0,\"commandId\":null,")
                    .append("\"type\":\"StageEntered\",\"data\":{\"from\":\"pitch\",\"to\":\"edit\",\"rework\":false}}\n");
        }
        return lines.toString();
    }

    Map<String, Object> analyze(Path log, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("analyze", "--model", CliRun.example("content-team.yaml"),
                "--log", log.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        Map<String, Object> json = run.jsonObject();
        json.remove("log");
        return json;
    }

    @Test
    void anOldImportFilteredOutOfThePeriodChangesNoFigureAndEachSourceReadsAlone() throws Exception {
        Path team = tmp.resolve("team.jsonl");
        CliRun simulated = CliRun.of("simulate", "--model", CliRun.example("content-team.yaml"), "--items", "120",
                "--seed", "5", "--out", team.toString());
        assertThat(simulated.exitCode()).as(simulated.err()).isZero();
        long events = Files.readAllLines(team).size();
        Path mixed = tmp.resolve("mixed.jsonl");
        Files.writeString(mixed, Files.readString(team) + oldImport(events + 1));

        Map<String, Object> alone = analyze(team);
        Map<String, Object> unfiltered = analyze(mixed);
        assertThat(unfiltered.get("items")).isEqualTo(123);
        assertThat(unfiltered).isNotEqualTo(alone);
        assertThat(analyze(mixed, "--from", "2026-01-01")).isEqualTo(alone);
        assertThat(analyze(mixed, "--source", "baton")).isEqualTo(alone);

        Map<String, Object> jira = analyze(mixed, "--source", "jira");
        assertThat(jira.get("items")).isEqualTo(3);
        assertThat(CliRun.objects(jira, "components")).filteredOn(c -> c.get("id").equals("ownership"))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("measured")).isEqualTo(false);
                    assertThat((String) c.get("summary")).isEqualTo("not measured: jira records no owners (3 items)");
                });
        // The old items stay open at their export's end, not until the team's last event in 2026.
        assertThat(((Map<?, ?>) jira.get("period")).get("to")).asString().startsWith("2015-12-03");
        assertThat(analyze(mixed, "--to", "2015-12-31").get("items")).isEqualTo(3);
    }

    @Test
    void aWrongPeriodIsAUsageErrorThatSaysWhatIsExpected() throws Exception {
        Path log = tmp.resolve("log.jsonl");
        Files.writeString(log, oldImport(1));
        String model = CliRun.example("content-team.yaml");
        CliRun month13 = CliRun.of("analyze", "--model", model, "--log", log.toString(), "--from", "2026-13-01");
        assertThat(month13.exitCode()).isEqualTo(2);
        assertThat(month13.err()).contains("expected --from to be a day (2026-04-01) or an instant (2026-04-01T09:00:00Z), "
                + "found '2026-13-01'");
        CliRun backwards = CliRun.of("analyze", "--model", model, "--log", log.toString(), "--from", "2026-02-01",
                "--to", "2026-01-01");
        assertThat(backwards.exitCode()).isEqualTo(2);
        assertThat(backwards.err()).contains("expected --to 2026-01-01 not before --from 2026-02-01");
        CliRun empty = CliRun.of("analyze", "--model", model, "--log", log.toString(), "--source", "trello");
        assertThat(empty.exitCode()).isEqualTo(1);
        assertThat(empty.err()).contains("found none in the chosen period and sources");
    }
}
