package dev.baton.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code baton imports list|retract} on a JSONL log: a simulated quarter of the B2B SaaS model, a
 * Jira export imported into it, listed, retracted (the debt report is then exactly the one of the
 * log before the import), refused when retracted twice or unknown, and imported again.
 */
class ImportsCommandTest {

    @TempDir
    Path dir;

    static String resource(String name) {
        return CliRun.ROOT.resolve("app/src/test/resources/imports").resolve(name).toString();
    }

    private Path simulated() {
        Path log = dir.resolve("log.jsonl");
        CliRun run = CliRun.of("simulate", "--model", CliRun.example("b2b-saas.yaml"), "--items", "60", "--seed", "7",
                "--out", log.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return log;
    }

    private CliRun importJira(Path log) {
        return CliRun.of("import", "jira-json", resource("jira-cloud-search-jql.json"), "--mapping",
                resource("jira-to-b2b-saas.yaml"), "--model", CliRun.example("b2b-saas.yaml"), "--out", log.toString());
    }

    private Map<String, Object> analyze(Path log) {
        CliRun run = CliRun.of("analyze", "--model", CliRun.example("b2b-saas.yaml"), "--log", log.toString(),
                "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.jsonObject();
    }

    private List<Map<String, Object>> batches(Path log) {
        CliRun list = CliRun.of("imports", "list", "--log", log.toString(), "--format", "json");
        assertThat(list.exitCode()).as(list.err()).isZero();
        return CliRun.objects(list.jsonObject(), "batches");
    }

    /** The report without the log positions its evidence points at (one rule with the dashboard's tests). */
    static Object withoutPositions(Object json) {
        return dev.baton.app.web.DashboardReport.withoutPositions(json);
    }

    /** The cases baton discover sees, as JSON. */
    static String discover(Path log) {
        CliRun run = CliRun.of("discover", "--log", log.toString(), "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out();
    }

    @Test
    void anImportIsABatchThatCanBeRetractedAndImportedAgain() throws Exception {
        Path log = simulated();
        Map<String, Object> before = analyze(log);
        assertThat(batches(log)).isEmpty();

        CliRun imported = importJira(log);
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        List<Map<String, Object>> listed = batches(log);
        assertThat(listed).hasSize(1);
        Map<String, Object> batch = listed.get(0);
        String id = (String) batch.get("id");
        assertThat(imported.out()).contains("batch: " + id);
        assertThat(batch).containsEntry("kind", "jira-json").containsEntry("file", "jira-cloud-search-jql.json")
                .containsEntry("items", 2).containsEntry("newItems", 2).containsEntry("retracted", false)
                .containsEntry("importedBy", System.getProperty("user.name"));
        assertThat((String) batch.get("model")).contains("b2b-saas.yaml");
        assertThat((String) batch.get("asOf")).isNotNull();
        // Every imported event names its batch.
        List<RecordedEvent> lines = EventLogJsonl.readAll(log);
        assertThat(lines).filteredOn(e -> id.equals(e.batch())).hasSize((Integer) batch.get("events"))
                .allMatch(e -> e.stream().startsWith("MKT-"));
        Map<String, Object> withImport = analyze(log);
        assertThat(withImport).isNotEqualTo(before);
        String discoveredBefore = discover(log);
        assertThat(discoveredBefore).contains("MKT-");

        CliRun text = CliRun.of("imports", "list", "--log", log.toString());
        assertThat(text.out()).contains("BATCH", id, "jira-json", "jira-cloud-search-jql.json", "standing");

        CliRun retract = CliRun.of("imports", "retract", id, "--log", log.toString());
        assertThat(retract.exitCode()).as(retract.err()).isZero();
        assertThat(retract.out()).startsWith("Retracted batch " + id + ": " + batch.get("events") + " events of 2 items");
        assertThat(analyze(log)).isEqualTo(before);
        // discover (and conformance, which reads logs the same way) leave the retracted batch out too.
        assertThat(discover(log)).doesNotContain("MKT-");
        assertThat(batches(log).get(0)).containsEntry("retracted", true).containsKey("retractedAt");
        assertThat(CliRun.of("imports", "list", "--log", log.toString()).out()).contains("retracted ");

        long linesBefore = Files.readAllLines(log).size();
        CliRun twice = CliRun.of("imports", "retract", id, "--log", log.toString());
        assertThat(twice.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(twice.err()).contains("batch " + id + " was retracted already").contains("nothing was changed");
        CliRun unknown = CliRun.of("imports", "retract", "0123456789ab", "--log", log.toString());
        assertThat(unknown.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(unknown.err()).contains("has no import batch '0123456789ab'").contains("Nothing was changed");
        assertThat(Files.readAllLines(log)).hasSize((int) linesBefore);

        // The same export again: its events are no longer "already in the log".
        CliRun again = importJira(log);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).startsWith("Imported " + batch.get("events") + " events for 2 items (2 new)");
        // The same report, but the evidence points at the events stored anew (later positions of the log).
        assertThat(withoutPositions(analyze(log))).isEqualTo(withoutPositions(withImport));
        assertThat(analyze(log)).isNotEqualTo(withImport);
        List<Map<String, Object>> both = batches(log);
        assertThat(both).hasSize(2);
        assertThat(both.get(1)).containsEntry("retracted", false).containsEntry("events", batch.get("events"));
        // The log stays a log: each item's versions unique, positions increasing.
        List<RecordedEvent> all = EventLogJsonl.readAll(log);
        assertThat(all.stream().filter(e -> e.stream().equals("MKT-1")).map(RecordedEvent::version).distinct().count())
                .isEqualTo(all.stream().filter(e -> e.stream().equals("MKT-1")).count());
        assertThat(all).extracting(RecordedEvent::position).isSorted().doesNotHaveDuplicates();
        assertThat(all).filteredOn(ImportBatches::isBatchEvent).hasSize(3);
    }

    @Test
    void aLogWithoutBatchesAndAMissingLogAreToldApart() {
        Path log = simulated();
        CliRun none = CliRun.of("imports", "list", "--log", log.toString());
        assertThat(none.exitCode()).isZero();
        assertThat(none.out()).startsWith("No import batches in ");

        CliRun retract = CliRun.of("imports", "retract", "abc", "--log", log.toString());
        assertThat(retract.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(retract.err()).contains("has no import batch 'abc'; it has no batch to retract");

        CliRun missing = CliRun.of("imports", "list", "--log", dir.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(Baton.INVALID);
        assertThat(missing.err()).contains("nope.jsonl: expected a JSONL event log, found no such file");

        CliRun bare = CliRun.of("imports");
        assertThat(bare.exitCode()).isEqualTo(Baton.USAGE);
        assertThat(bare.err()).contains("expected list or retract");
    }
}
