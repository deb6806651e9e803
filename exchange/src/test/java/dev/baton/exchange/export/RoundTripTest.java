package dev.baton.exchange.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.exchange.Samples;
import dev.baton.exchange.importing.ImportReport;
import dev.baton.exchange.importing.LogImport;
import dev.baton.exchange.importing.Progress;
import dev.baton.exchange.importing.SourceKinds;
import dev.baton.exchange.jira.JiraJsonReader;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.source.SourceReader;
import dev.baton.exchange.trello.TrelloJsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import ∘ export keeps every event and attribute, in each format, and importing it again adds nothing. */
class RoundTripTest {

    @TempDir
    Path dir;

    /** Everything of an event except its position in the file, which depends on the order written. */
    record Kept(String id, String stream, long version, String at, String actor, String workType, String type, Object event) {
        static Kept of(RecordedEvent e) {
            return new Kept(e.eventId(), e.stream(), e.version(), e.at().toString(), e.actor(), e.workType(), e.type(),
                    e.event());
        }
    }

    /** The log's events without the import batches' own (BatchImported), which are no history to export. */
    private static List<RecordedEvent> standing(Path log) throws Exception {
        List<RecordedEvent> events = new java.util.ArrayList<>();
        dev.baton.engine.jsonl.JsonlBatches.readStanding(log, events::add);
        return events;
    }

    private Path imported(SourceReader reader, Path export, ImportMapping mapping) throws Exception {
        Path log = dir.resolve("original.jsonl");
        LogImport.run(reader, export, mapping, null, log, false, Progress.NONE);
        return log;
    }

    private void assertRoundTrip(Path log, LogExport.Format format) throws Exception {
        Path exported = dir.resolve("exported." + format.id());
        LogExport.Result written = LogExport.run(log, format, exported, false, null);
        Path back = dir.resolve("back-" + format.id() + ".jsonl");
        SourceReader reader = SourceKinds.reader(format.id(), ImportMapping.NONE).orElseThrow();
        LogImport.run(reader, exported, ImportMapping.NONE, null, back, false, Progress.NONE);

        List<RecordedEvent> original = standing(log);
        Map<String, Kept> before = original.stream().map(Kept::of).collect(Collectors.toMap(Kept::id, Function.identity()));
        Map<String, Kept> after = standing(back).stream().map(Kept::of)
                .collect(Collectors.toMap(Kept::id, Function.identity()));
        assertThat(written.events()).isEqualTo(original.size());
        assertThat(after).isEqualTo(before);

        // The round trip is idempotent too: the same export again adds nothing.
        ImportReport again = LogImport.run(reader, exported, ImportMapping.NONE, null, back, false, Progress.NONE);
        assertThat(again.eventsWritten()).isZero();
        assertThat(again.duplicates()).isEqualTo(original.size());
    }

    @ParameterizedTest
    @EnumSource(LogExport.Format.class)
    void jiraFixtureMappedOntoTheModel(LogExport.Format format) throws Exception {
        assertRoundTrip(imported(new JiraJsonReader(), Samples.fixture("jira-cloud-search-jql.json"),
                Samples.mapping("mapping-content.yaml")), format);
    }

    @ParameterizedTest
    @EnumSource(LogExport.Format.class)
    void trelloFixture(LogExport.Format format) throws Exception {
        assertRoundTrip(imported(new TrelloJsonReader(), Samples.fixture("trello-board-moves.json"), ImportMapping.NONE),
                format);
    }

    @ParameterizedTest
    @EnumSource(LogExport.Format.class)
    void realJiraCloudSearch(LogExport.Format format) throws Exception {
        assertRoundTrip(imported(new JiraJsonReader(),
                Samples.toolExport("jira-cloud-search-with-changelog_actionableagile.json"), ImportMapping.NONE), format);
    }

    @Test
    void stagesOnlyKeepsTheActivitiesOfTheFlow() throws Exception {
        Path log = imported(new JiraJsonReader(), Samples.fixture("jira-cloud-search-jql.json"), ImportMapping.NONE);
        Path xes = dir.resolve("flow.xes");
        LogExport.Result result = LogExport.run(log, LogExport.Format.XES, xes, true, null);
        assertThat(result.events()).isEqualTo(2 + 5);
        String text = Files.readString(xes);
        assertThat(text).contains("<string key=\"concept:name\" value=\"In Review\"/>")
                .doesNotContain("value=\"OwnerAssigned\"");
    }

    @Test
    void ocelHasWorkItemsPeopleAndFunctionsAsObjects() throws Exception {
        Path log = imported(new JiraJsonReader(), Samples.fixture("jira-cloud-search-jql.json"),
                Samples.mapping("mapping-content.yaml"));
        Path ocel = dir.resolve("log.jsonocel");
        LogExport.run(log, LogExport.Format.OCEL, ocel, false, person -> person.equals("sam") ? "content" : null);
        String text = Files.readString(ocel);
        assertThat(text).contains("{\"id\":\"MKT-1\",\"type\":\"work item\"", "{\"id\":\"sam\",\"type\":\"person\"",
                "{\"objectId\":\"content\",\"qualifier\":\"works in\"}", "{\"id\":\"content\",\"type\":\"function\"",
                "{\"objectId\":\"sam\",\"qualifier\":\"owner\"}");
    }
}
