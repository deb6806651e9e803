package dev.baton.exchange.asana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.exchange.Samples;
import dev.baton.exchange.Samples.Imported;
import dev.baton.exchange.mapping.MappingReader;
import dev.baton.exchange.source.SourceFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AsanaJsonReaderTest {

    @Test
    void sectionMovesAreStagesAndStoriesBecomeEvents() {
        var mapping = MappingReader.read("""
                stages: { To do: brief, Doing: build, Review: review, Done: live }
                people: { Maya Patel: maya, Sam Lee: sam }
                work-types: { by-type: { default_task: content-piece, milestone: launch } }
                fields: { map: { Channel: channel } }
                urgent: { labels: [urgent] }
                """).mapping();
        Imported imported = Samples.read(new AsanaJsonReader(), Samples.fixture("asana-tasks-with-stories.json"), mapping, null);

        List<RecordedEvent> task = imported.of("1204000000000001");
        assertThat(task).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Launch email sequence", "brief", Map.of(), null, null),
                new OwnerAssigned("sam", null),
                new StageEntered("brief", "build", false),
                new CommentAdded("Draft is in the doc, please review."),
                new StageEntered("build", "review", false),
                new FieldsUpdated(Map.of("channel", "Email")),
                new FieldsUpdated(Map.of("labels", List.of("urgent"))),
                new MarkedUrgent("label urgent"),
                new StageEntered("review", "live", false),
                new ItemCompleted("live"));
        assertThat(task).allMatch(e -> "content-piece".equals(e.workType()));
        assertThat(imported.of("1204000000000002")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Launch day", "brief", Map.of(), null, null));
        assertThat(imported.of("1204000000000002").get(0).workType()).isEqualTo("launch");
        // added_to_project is not an event of the item's flow: noted, not dropped silently.
        assertThat(imported.report().notes()).extracting(n -> n.message())
                .containsExactly("Asana stories of type added_to_project are not imported");
        assertThat(imported.report().unmapped()).isEmpty();
    }

    @Test
    void aTaskWithoutCreationTimeIsNamed() {
        byte[] bytes = "{\"data\": [{\"gid\": \"1\", \"name\": \"x\"}]}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new AsanaJsonReader().read(new ByteArrayInputStream(bytes), c -> { }))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("expected a task with \"gid\" and \"created_at\", found the keys [gid, name]");
    }
}
