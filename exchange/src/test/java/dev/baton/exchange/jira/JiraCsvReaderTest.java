package dev.baton.exchange.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.exchange.Samples;
import dev.baton.exchange.Samples.Imported;
import dev.baton.exchange.source.SourceFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JiraCsvReaderTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void eachIssueAsItIsNow() {
        Imported imported = Samples.read(new JiraCsvReader(), Samples.fixture("jira-navigator-export.csv"));

        List<RecordedEvent> mkt1 = imported.of("MKT-1");
        assertThat(mkt1).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Q3 launch webinar", null, Map.of("labels", List.of("launch", "webinar")), null, null),
                new OwnerAssigned("Sam Lee", null),
                new FieldsUpdated(Map.of("priority", "High")),
                new StageEntered(null, "Done", false),
                new ItemCompleted("Done"));
        assertThat(mkt1.get(0).at()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(mkt1.get(3).at()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(mkt1.get(0).eventId()).isEqualTo("jira:10001:created");
        assertThat(imported.of("MKT-2")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Battlecard refresh, EMEA", "To Do", Map.of(), null, null),
                new FieldsUpdated(Map.of("priority", "Medium")));
        assertThat(imported.report().notes()).hasSize(1);
    }

    @Test
    void aJsonFileIsNotAJiraCsvExport() {
        byte[] bytes = "{\"issues\": []}\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new JiraCsvReader().read(new ByteArrayInputStream(bytes), c -> { }))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("expected a Jira CSV export with the columns Issue key");
    }

    @Test
    void aDateInAnUnknownFormNamesItsLine() {
        String csv = "Issue key,Issue id,Summary,Status,Created\nMKT-9,10009,x,To Do,next tuesday\n";
        assertThatThrownBy(() -> new JiraCsvReader().read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> { }))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("column Created: expected a date")
                .satisfies(e -> assertThat(((SourceFormatException) e).where()).isEqualTo("line 2"));
    }

    @Test
    void aDoneCategoryStatusWithoutResolutionCompletes() throws Exception {
        Imported imported = csv("""
                Issue key,Issue id,Summary,Status,Created,Resolved,Status Category,Status Category Changed
                MKT-5,10005,Shipped post,Shipped,01/Mar/26 8:00 AM,,Done,04/Mar/26 9:00 AM
                """);

        assertThat(imported.of("MKT-5")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Shipped post", null, Map.of(), null, null),
                new StageEntered(null, "Shipped", false),
                new ItemCompleted("Shipped"));
        assertThat(imported.of("MKT-5").get(2).at()).isEqualTo(Instant.parse("2026-03-04T09:00:00Z"));
    }

    @Test
    void aResolutionOlderThanTheCurrentStatusCompletesInItWhenItWasEntered() throws Exception {
        // Resolved on the 3rd while in a status the snapshot does not hold; Done since the 4th.
        Imported imported = csv("""
                Issue key,Issue id,Summary,Status,Created,Resolved,Status Category Changed
                MKT-6,10006,Late move,Done,01/Mar/26 8:00 AM,03/Mar/26 9:00 AM,04/Mar/26 9:00 AM
                """);

        List<RecordedEvent> events = imported.of("MKT-6");
        assertThat(events).extracting(RecordedEvent::event).endsWith(
                new StageEntered(null, "Done", false),
                new ItemCompleted("Done"));
        assertThat(events.get(2).at()).isEqualTo(events.get(1).at()).isEqualTo(Instant.parse("2026-03-04T09:00:00Z"));
        assertThat(imported.report().notes()).extracting(n -> n.code()).contains("jira-csv-resolved-before-status");
    }

    @Test
    void aResolvedIssueWithoutStatusCategoryChangedEntersItsStatusWhenResolved() throws Exception {
        Imported imported = csv("""
                Issue key,Issue id,Summary,Status,Created,Resolved
                MKT-7,10007,Old export,Done,01/Mar/26 8:00 AM,05/Mar/26 10:00 AM
                """);

        List<RecordedEvent> events = imported.of("MKT-7");
        assertThat(events).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Old export", null, Map.of(), null, null),
                new StageEntered(null, "Done", false),
                new ItemCompleted("Done"));
        assertThat(events.get(2).at()).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
    }

    private Imported csv(String text) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("export.csv");
        java.nio.file.Files.writeString(file, text);
        return Samples.read(new JiraCsvReader(), file);
    }
}
