package dev.baton.exchange.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.exchange.Samples;
import dev.baton.exchange.Samples.Imported;
import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.importing.Importer;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.mapping.MappingReader;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** When an imported Jira issue is completed: resolution, done status, both; reopens; the report's oddities. */
class JiraCompletionTest {

    static final String STAGES = """
            stages:
              To Do: todo
              In Progress: doing
              Done: done
            """;

    // ---- one changelog entry with a status and a resolution change

    @ParameterizedTest
    @ValueSource(strings = {"both", "resolution", "done-status"})
    void resolutionBeforeStatusInOneEntryEndsCompletedInDone(String on) {
        Imported imported = importJson(issue("A-1", "Done", "done",
                history("1", "2026-03-02T09:00:00Z", status("To Do", "In Progress")),
                history("2", "2026-03-05T16:00:00Z", resolution(null, "Done"), status("In Progress", "Done"))),
                STAGES + "completion: { on: " + on + " }\n");

        assertThat(imported.of("A-1")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("A-1 title", "todo", Map.of(), null, null),
                new StageEntered("todo", "doing", false),
                new StageEntered("doing", "done", false),
                new ItemCompleted("done"));
        assertThat(imported.report().oddities()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"both", "resolution", "done-status"})
    void statusBeforeResolutionInOneEntryEndsCompletedInDone(String on) {
        Imported imported = importJson(issue("A-1", "Done", "done",
                history("2", "2026-03-05T16:00:00Z", status("To Do", "Done"), resolution(null, "Done"))),
                STAGES + "completion: { on: " + on + " }\n");

        List<RecordedEvent> events = imported.of("A-1");
        assertThat(events).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("A-1 title", "todo", Map.of(), null, null),
                new StageEntered("todo", "done", false),
                new ItemCompleted("done"));
        // The completion comes from the status (its id says so) unless only the resolution completes.
        assertThat(events.get(2).eventId()).isEqualTo(on.equals("resolution")
                ? "jira:A-1-id:changelog:2:1" : "jira:A-1-id:changelog:2:0:completed");
    }

    @Test
    void theResolutionOfAnItemItsDoneStatusCompletedIsNoSecondCompletion() {
        Imported imported = importJson(issue("A-1", "Done", "done",
                history("2", "2026-03-05T16:00:00Z", resolution(null, "Done"), status("To Do", "Done"))), STAGES);

        assertThat(imported.countsByType()).containsEntry("ItemCompleted", 1L);
        assertThat(imported.report().skipped()).containsEntry("resolution or close of an item already completed", 1L);
    }

    // ---- a done status completes

    @Test
    void aDoneCategoryStatusWithoutResolutionCompletes() {
        // No mapping at all: Jira's status category of the current status is all Baton knows.
        Imported imported = importJson(issue("A-1", "Shipped", "done",
                history("1", "2026-03-02T09:00:00Z", status("To Do", "Doing")),
                history("2", "2026-03-05T16:00:00Z", status("Doing", "Shipped"))), "");

        assertThat(imported.of("A-1")).extracting(RecordedEvent::event).endsWith(
                new StageEntered("Doing", "Shipped", false),
                new ItemCompleted("Shipped"));
        RecordedEvent completed = imported.of("A-1").get(3);
        assertThat(completed.eventId()).isEqualTo("jira:A-1-id:changelog:2:0:completed");
        assertThat(completed.at()).isEqualTo("2026-03-05T16:00:00Z");
    }

    @Test
    void anIssueCreatedInADoneStatusIsCompletedAtItsCreation() {
        Imported imported = importJson(issue("A-1", "Done", "done"), STAGES);

        assertThat(imported.of("A-1")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("A-1 title", "done", Map.of(), null, null),
                new ItemCompleted("done"));
    }

    @Test
    void aStatusListedAsDoneCompletesAndLeavingItReopens() {
        // Closed is done by the mapping; Jira only says the current status (In Progress) is not.
        Imported imported = importJson(issue("A-1", "In Progress", "indeterminate",
                history("1", "2026-03-02T09:00:00Z", status("To Do", "Closed")),
                history("2", "2026-03-05T16:00:00Z", status("Closed", "In Progress"))), """
                stages:
                  To Do: todo
                  In Progress: doing
                  Closed: done
                completion:
                  done-statuses: [closed]
                """);

        List<RecordedEvent> events = imported.of("A-1");
        assertThat(events).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("A-1 title", "todo", Map.of(), null, null),
                new StageEntered("todo", "done", false),
                new ItemCompleted("done"),
                new ItemReopened("doing", "moved to In Progress, which is not done"),
                new StageEntered("done", "doing", false));
        assertThat(events.get(3).eventId()).isEqualTo("jira:A-1-id:changelog:2:0:reopened");
    }

    @Test
    void aFinalStageOfTheModelCompletes() {
        OperatingModel model = ModelValidation.validate(Samples.root().resolve("examples/content-team.yaml")).model();
        ImportMapping mapping = mapping("""
                stages:
                  To Do: pitch
                  Writing: draft
                  Live: publish
                work-types:
                  default: blog-post
                """);
        // "Live" is in Jira's "In Progress" category here; the model says publish is the final stage.
        Imported imported = importJson(issue("A-1", "Live", "indeterminate",
                history("1", "2026-03-02T09:00:00Z", status("To Do", "Writing")),
                history("2", "2026-03-05T16:00:00Z", status("Writing", "Live"))), mapping, model);

        assertThat(imported.of("A-1")).extracting(RecordedEvent::event).endsWith(new ItemCompleted("publish"));
    }

    @Test
    void aResolutionClearedReopensTheItemWhereItIsBeforeItMoves() {
        Imported imported = importJson(issue("A-1", "In Progress", "indeterminate",
                history("1", "2026-03-02T09:00:00Z", status("To Do", "Done"), resolution(null, "Done")),
                history("2", "2026-03-05T16:00:00Z", status("Done", "In Progress"), resolution("Done", null))), STAGES);

        assertThat(imported.of("A-1")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("A-1 title", "todo", Map.of(), null, null),
                new StageEntered("todo", "done", false),
                new ItemCompleted("done"),
                new ItemReopened("done", null),
                new StageEntered("done", "doing", false));
    }

    // ---- the mapping switch

    @Test
    void completionOnResolutionLeavesADoneStatusWithoutResolutionOpenAndSaysSo() {
        Imported imported = importJson(issue("A-1", "Done", "done",
                history("1", "2026-03-05T16:00:00Z", status("To Do", "Done"))), STAGES + "completion: { on: resolution }\n");

        assertThat(imported.countsByType()).doesNotContainKey("ItemCompleted");
        assertThat(imported.report().oddities()).singleElement().satisfies(o -> {
            assertThat(o.code()).isEqualTo("done-not-completed");
            assertThat(o.count()).isEqualTo(1);
            assertThat(o.examples()).containsExactly("A-1");
            assertThat(o.message()).startsWith("1 item ends in a done status without being completed (A-1): ")
                    .contains("set completion.on to both");
        });
    }

    @Test
    void completionOnDoneStatusIgnoresResolutions() {
        Imported imported = importJson(issue("A-1", "In Progress", "indeterminate",
                history("1", "2026-03-05T16:00:00Z", status("To Do", "In Progress"), resolution(null, "Won't Do"))),
                STAGES + "completion: { on: done-status }\n");

        assertThat(imported.countsByType()).doesNotContainKey("ItemCompleted");
        assertThat(imported.report().skipped()).containsEntry("resolution or close (completion.on: done-status)", 1L);
    }

    // ---- oddities, counted with examples

    @Test
    void oddHistoriesAreCountedWithExampleKeys() {
        String export = "[" + String.join(",",
                // Resolved while In Progress, which Jira's category says is not done: twice.
                issue("A-1", "In Progress", "indeterminate",
                        history("1", "2026-03-02T09:00:00Z", status("To Do", "In Progress"), resolution(null, "Won't Do"))),
                issue("A-2", "In Progress", "indeterminate",
                        history("1", "2026-03-02T09:00:00Z", status("To Do", "In Progress"), resolution(null, "Duplicate"))),
                // Resolved in Done, then moved back without clearing the resolution.
                issue("A-3", "In Progress", "indeterminate",
                        history("1", "2026-03-02T09:00:00Z", status("To Do", "Done"), resolution(null, "Done")),
                        history("2", "2026-03-03T09:00:00Z", status("Done", "In Progress"))),
                // Done without a resolution, twice, and one more item that is fine.
                issue("A-4", "Done", "done", history("1", "2026-03-02T09:00:00Z", status("To Do", "Done"))),
                issue("A-5", "Done", "done", history("1", "2026-03-02T09:00:00Z", status("To Do", "Done"))),
                issue("A-6", "Done", "done", history("1", "2026-03-02T09:00:00Z", status("To Do", "Done"),
                        resolution(null, "Done")))) + "]";
        Imported imported = importJson(export, STAGES + """
                completion:
                  on: resolution
                  done-statuses: [Done]
                """);

        Map<String, ImportReport.Oddity> oddities = new LinkedHashMap<>();
        imported.report().oddities().forEach(o -> oddities.put(o.code(), o));
        assertThat(oddities.keySet()).containsExactly("done-not-completed", "moved-after-completion", "resolved-not-done");
        assertThat(oddities.get("done-not-completed").count()).isEqualTo(2);
        assertThat(oddities.get("done-not-completed").examples()).containsExactly("A-4", "A-5");
        assertThat(oddities.get("moved-after-completion").message()).isEqualTo("1 item was moved on after being "
                + "completed, without a reopen (A-3; into 'In Progress' ×1): with completion.on: resolution only "
                + "clearing the resolution reopens an item");
        assertThat(oddities.get("resolved-not-done").count()).isEqualTo(2);
        assertThat(oddities.get("resolved-not-done").message()).startsWith("2 resolutions were set while the status "
                + "was not done (A-1, A-2; in 'In Progress' ×2): the items count as completed there");
    }

    @Test
    void withBothTheSameHistoriesReopenInsteadOfMovingACompletedItem() {
        Imported imported = importJson(issue("A-3", "In Progress", "indeterminate",
                history("1", "2026-03-02T09:00:00Z", status("To Do", "Done"), resolution(null, "Done")),
                history("2", "2026-03-03T09:00:00Z", status("Done", "In Progress"))), STAGES + """
                completion:
                  done-statuses: [Done]
                """);

        assertThat(imported.of("A-3")).extracting(RecordedEvent::event).endsWith(
                new ItemCompleted("done"),
                new ItemReopened("doing", "moved to In Progress, which is not done"),
                new StageEntered("done", "doing", false));
        assertThat(imported.report().oddities()).isEmpty();
    }

    // ---- the real export

    @Test
    void realExportEndsEveryDoneIssueCompletedInItsDoneStageAndNeverMovesACompletedOne() throws Exception {
        Path file = Samples.toolExport("jira-cloud-search-with-changelog_actionableagile.json");
        ImportMapping mapping = mapping("""
                stages:
                  Backlog: backlog
                  Analysis Active: analysis
                  Analysis Done: analysis-done
                  Dev Active: dev
                  Dev Done: dev-done
                  Test: test
                  Done: done
                """);
        Imported imported = Samples.read(new JiraJsonReader(), file, mapping, null);

        Map<String, String> finalStatus = new LinkedHashMap<>();
        JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
        root.get("issues").forEach(i -> finalStatus.put(i.get("key").asString(),
                i.get("fields").get("status").get("name").asString()));
        assertThat(finalStatus).hasSize(25);
        List<String> done = finalStatus.entrySet().stream().filter(e -> e.getValue().equals("Done"))
                .map(Map.Entry::getKey).toList();
        assertThat(done).hasSize(17);
        for (String key : finalStatus.keySet()) {
            List<RecordedEvent> events = imported.of(key);
            if (done.contains(key)) {
                // Completed (nothing reopens it afterwards), in done, where the item ends.
                assertThat(events).as(key).filteredOn(e -> e.event() instanceof ItemCompleted).singleElement()
                        .extracting(RecordedEvent::event).isEqualTo(new ItemCompleted("done"));
                assertThat(lastStage(events)).as(key).isEqualTo("done");
            } else {
                assertThat(events).as(key).noneMatch(e -> e.event() instanceof ItemCompleted);
            }
            assertNoMoveAfterCompletionWithoutReopen(key, events);
        }
        assertThat(imported.countsByType()).containsEntry("ItemCompleted", 17L).doesNotContainKey("ItemReopened");
        // UT-33, 38, 39 and 40 carry a resolution too: no second completion.
        assertThat(imported.report().skipped()).containsEntry("resolution or close of an item already completed", 4L);
        assertThat(imported.report().oddities()).isEmpty();
    }

    @Test
    void realExportWithCompletionOnResolutionCountsTheDoneIssuesLeftOpen() {
        Imported imported = Samples.read(new JiraJsonReader(),
                Samples.toolExport("jira-cloud-search-with-changelog_actionableagile.json"),
                mapping("completion: { on: resolution }\n"), null);

        assertThat(imported.countsByType()).containsEntry("ItemCompleted", 4L);
        assertThat(imported.report().oddities()).singleElement().satisfies(o -> {
            assertThat(o.count()).isEqualTo(13);
            assertThat(o.message()).startsWith("13 items end in a done status without being completed (UT-27, UT-28, UT-29, …)");
        });
        imported.events().stream().map(RecordedEvent::stream).distinct()
                .forEach(key -> assertNoMoveAfterCompletionWithoutReopen(key, imported.of(key)));
    }

    // ---- helpers

    static void assertNoMoveAfterCompletionWithoutReopen(String key, List<RecordedEvent> events) {
        boolean completed = false;
        for (RecordedEvent e : events) {
            if (e.event() instanceof ItemCompleted) {
                completed = true;
            } else if (e.event() instanceof ItemReopened) {
                completed = false;
            } else if (e.event() instanceof StageEntered) {
                assertThat(completed).as(key + ": " + e.eventId() + " moves a completed item").isFalse();
            }
        }
    }

    static String lastStage(List<RecordedEvent> events) {
        String stage = null;
        for (RecordedEvent e : events) {
            if (e.event() instanceof ItemCreated c) {
                stage = c.stage();
            } else if (e.event() instanceof StageEntered s) {
                stage = s.to();
            }
        }
        return stage;
    }

    static ImportMapping mapping(String yaml) {
        MappingReader.Result read = MappingReader.read(yaml);
        assertThat(read.problems()).isEmpty();
        return read.mapping();
    }

    static Imported importJson(String json, String mappingYaml) {
        return importJson(json, mapping(mappingYaml), null);
    }

    static Imported importJson(String json, ImportMapping mapping, OperatingModel model) {
        List<RecordedEvent> events = new ArrayList<>();
        Importer importer = new Importer(mapping, model, events::add);
        new JiraJsonReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), importer.sink());
        return new Imported(events, importer.report());
    }

    /** One issue as Jira's search returns it, with its current status and that status's category key. */
    static String issue(String key, String status, String category, String... histories) {
        return """
                {"id": "%s-id", "key": "%s", "fields": {"summary": "%s title", "created": "2026-03-01T08:00:00Z",
                 "issuetype": {"name": "Task"}, "status": {"name": "%s", "statusCategory": {"key": "%s"}}},
                 "changelog": {"total": %d, "histories": [%s]}}""".formatted(key, key, key, status, category,
                histories.length, String.join(",", histories));
    }

    static String history(String id, String at, String... items) {
        return """
                {"id": "%s", "created": "%s", "author": {"displayName": "Maya Patel"}, "items": [%s]}"""
                .formatted(id, at, String.join(",", items));
    }

    static String status(String from, String to) {
        return item("status", from, to);
    }

    static String resolution(String from, String to) {
        return item("resolution", from, to);
    }

    private static String item(String field, String from, String to) {
        return "{\"field\": \"" + field + "\", \"fromString\": " + quoted(from) + ", \"toString\": " + quoted(to) + "}";
    }

    private static String quoted(String value) {
        return Objects.isNull(value) ? "null" : "\"" + value + "\"";
    }
}
