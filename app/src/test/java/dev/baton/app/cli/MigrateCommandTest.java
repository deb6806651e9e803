package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.Examples;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemMigrated;
import dev.baton.engine.jsonl.EventLogJsonl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton migrate} on four weeks of a simulated period of the B2B SaaS example (version 1) to
 * {@link Examples#b2bSaasV2()}, and {@code baton analyze --model-version} on the result.
 */
class MigrateCommandTest {

    @TempDir
    Path tmp;
    Path log;
    Path v1;
    Path v2;

    @BeforeEach
    void quarterAndVersionTwo() throws Exception {
        log = tmp.resolve("log.jsonl");
        CliRun sim = CliRun.of("simulate", "--model", CliRun.example("b2b-saas.yaml"), "--items", "300", "--seed", "5",
                "--weeks", "6", "--out", log.toString());
        assertThat(sim.exitCode()).as(sim.err()).isZero();
        // The simulator finishes every item; the log as of the fourth week has work in flight.
        java.time.Instant asOf = java.time.Instant.parse("2026-01-29T12:00:00Z");
        EventLogJsonl.write(log, EventLogJsonl.readAll(log).stream().filter(e -> e.at().isBefore(asOf)).toList());
        v1 = Path.of(CliRun.example("b2b-saas.yaml"));
        v2 = tmp.resolve("b2b-saas-v2.yaml");
        Files.writeString(v2, Examples.b2bSaasV2());
    }

    private CliRun migrate(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("migrate", "--log", log.toString(), "--from-version", "1",
                "--to-version", "2", "--model-version", "1=" + v1, "--model-version", "2=" + v2));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aDryRunListsWhereEachOpenItemGoesAndWritesNothing() throws Exception {
        byte[] before = Files.readAllBytes(log);
        CliRun run = migrate("--map", "qa=live", "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Version 1 -> 2: ").contains("  moves     campaign ")
                .contains("work-type-missing: Version 2 has no work type 'asset'");
        assertThat(run.err()).contains("dry run, nothing written");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);

        Map<String, Object> json = migrate("--map", "qa=live", "--dry-run", "--format", "json").jsonObject();
        assertThat(json).containsEntry("fromVersion", 1).containsEntry("toVersion", 2).containsEntry("map", List.of("qa=live"));
        assertThat((Integer) json.get("moves")).isPositive();
    }

    @Test
    void migratingAppendsOneItemMigratedPerItemThatMovesAndAgainNothing() throws Exception {
        long events = EventLogJsonl.readAll(log).size();
        CliRun run = migrate("--map", "qa=live", "--actor", "grace.lindqvist", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        int moves = (Integer) run.jsonObject().get("moves");

        List<RecordedEvent> after = EventLogJsonl.readAll(log);
        List<RecordedEvent> migrated = after.stream().filter(e -> e.event() instanceof ItemMigrated).toList();
        assertThat(migrated).hasSize(moves);
        assertThat(after).hasSize((int) events + moves);
        assertThat(migrated).allSatisfy(e -> {
            assertThat(e.modelVersion()).isEqualTo(2);
            assertThat(e.actor()).isEqualTo("grace.lindqvist");
        });
        assertThat(run.err()).contains("migrated " + moves + " item(s) to version 2");

        CliRun again = migrate("--map", "qa=live");
        assertThat(again.out()).contains("0 item(s) move").contains(moves + " already migrated");
        assertThat(EventLogJsonl.readAll(log)).hasSize(after.size());

        // Each item against its own version: the report marks the change and keeps version 1's stages for its items.
        CliRun analyze = CliRun.of("analyze", "--model-version", "1=" + v1, "--model-version", "2=" + v2,
                "--log", log.toString(), "--format", "json");
        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(CliRun.objects(analyze.jsonObject(), "modelChanges")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("version", 2).containsKeys("date", "week"));
        double ownVersions = ((Number) analyze.jsonObject().get("score")).doubleValue();
        CliRun allAgainstTwo = CliRun.of("analyze", "--model", v2.toString(), "--log", log.toString(), "--format", "json");
        assertThat(((Number) allAgainstTwo.jsonObject().get("score")).doubleValue()).isNotEqualTo(ownVersions);
        CliRun sameCurrent = CliRun.of("analyze", "--model", v2.toString(), "--model-version", "1=" + v1,
                "--model-version", "2=" + v2, "--log", log.toString(), "--format", "json");
        assertThat(((Number) sameCurrent.jsonObject().get("score")).doubleValue()).isEqualTo(ownVersions);
    }

    @Test
    void mistakesSayWhatAndWhereAndChangeNothing() throws Exception {
        byte[] before = Files.readAllBytes(log);
        CliRun bad = migrate("--map", "qa=nowhere", "--map", "review");
        assertThat(bad.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(bad.err()).contains("--map[1] 'qa=nowhere': error: version 2 has no stage 'nowhere' in campaign")
                .contains("--map[2] 'review': error: expected old-stage=new-stage").contains("nothing was migrated");
        assertThat(Files.readAllBytes(log)).isEqualTo(before);

        CliRun missing = CliRun.of("migrate", "--log", log.toString(), "--from-version", "1", "--to-version", "3",
                "--model-version", "1=" + v1, "--model-version", "2=" + v2);
        assertThat(missing.exitCode()).isEqualTo(Baton.USAGE);
        assertThat(missing.err()).contains("expected --model-version 3=FILE");
        CliRun malformed = CliRun.of("analyze", "--model-version", "two=" + v2, "--log", log.toString());
        assertThat(malformed.exitCode()).isEqualTo(Baton.USAGE);
        assertThat(malformed.err()).contains("expected --model-version N=FILE");
    }
}
