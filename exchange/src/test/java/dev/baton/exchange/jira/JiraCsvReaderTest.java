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

class JiraCsvReaderTest {

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
}
