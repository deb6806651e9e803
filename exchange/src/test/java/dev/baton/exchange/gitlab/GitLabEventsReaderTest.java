package dev.baton.exchange.gitlab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.ItemReopened;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.exchange.Samples;
import dev.baton.exchange.Samples.Imported;
import dev.baton.exchange.source.SourceFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GitLabEventsReaderTest {

    @Test
    void realLabelEventsGiveLabelSetsPerResource() {
        Imported imported = Samples.read(new GitLabEventsReader(),
                Samples.toolExport("gitlab-resource-label-events_gitlab4j.json"));

        assertThat(imported.countsByType()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ItemCreated", 3L, "FieldsUpdated", 6L));
        assertThat(imported.events()).extracting(RecordedEvent::stream).containsOnly("issue-253", "epic-33", "merge-request-28");
        assertThat(imported.of("issue-253")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated(null, null, Map.of(), null, null),
                new FieldsUpdated(Map.of("labels", List.of("a1"))),
                new FieldsUpdated(Map.of("labels", List.of("a1"))));
        assertThat(imported.report().notes()).singleElement().extracting(n -> n.count()).isEqualTo(3L);
    }

    @Test
    void scopedWorkflowLabelsAreStagesAndStateEventsCloseAndReopen() {
        Imported imported = Samples.read(new GitLabEventsReader(), Samples.fixture("gitlab-workflow-events.json"),
                Samples.mapping("mapping-content.yaml"), null);

        assertThat(imported.of("issue-41")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated(null, null, Map.of(), null, null),
                new StageEntered(null, "build", false),
                new StageEntered("build", "review", false),
                new FieldsUpdated(Map.of("labels", List.of("priority::urgent"))),
                new MarkedUrgent("label priority::urgent"),
                new ItemCompleted("review"),
                new ItemReopened("review", null));
        assertThat(imported.report().skipped()).containsEntry(
                "status label removed (the next status label sets the stage)", 1L);
    }

    @Test
    void anObjectIsNotAnEventList() {
        byte[] bytes = "{\"issues\": []}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new GitLabEventsReader().read(new ByteArrayInputStream(bytes), c -> { }))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("expected GitLab resource events");
    }
}
