package dev.baton.exchange.github;

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

class GitHubEventsReaderTest {

    @Test
    void statusLabelsAreStagesAndTheTimelineIsReplayedInOrder() {
        var mapping = MappingReader.read("""
                status-labels: ["status: "]
                stages: { "status: drafting": build, "status: review": review }
                urgent: { labels: [urgent] }
                """).mapping();
        Imported imported = Samples.read(new GitHubEventsReader(), Samples.fixture("github-issue-timeline.json"), mapping, null);

        List<RecordedEvent> events = imported.of("acme/marketing#42");
        assertThat(events).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Landing page for the spring webinar", null, Map.of(), null, null),
                new StageEntered(null, "build", false),
                new OwnerAssigned("sam", null),
                new StageEntered("build", "review", false),
                new CommentAdded("Hero copy is too long."),
                new FieldsUpdated(Map.of("labels", List.of("urgent"))),
                new MarkedUrgent("label urgent"),
                new FieldsUpdated(Map.of("title", "Landing page for the spring webinar")),
                new ItemCompleted("review"));
        assertThat(events).extracting(RecordedEvent::actor)
                .containsExactly("maya", "maya", "maya", "sam", "maya", "maya", "maya", "sam", "maya");
        assertThat(events.get(1).eventId()).isEqualTo("github:acme/marketing#42:7001");
        assertThat(imported.report().notes()).extracting(n -> n.message())
                .containsExactly("GitHub events of type subscribed are not imported");
    }

    @Test
    void repositoryIssueEventsNameTheirIssue() {
        byte[] bytes = """
                [{"id": 1, "event": "closed", "actor": {"login": "sam"}, "created_at": "2026-03-02T10:00:00Z",
                  "issue": {"number": 7, "title": "Blog post", "created_at": "2026-03-01T10:00:00Z", "user": {"login": "maya"},
                            "repository_url": "https://api.github.com/repos/acme/site", "labels": []}},
                 {"id": 2, "event": "reopened", "actor": {"login": "maya"}, "created_at": "2026-03-03T10:00:00Z",
                  "issue": {"number": 7, "title": "Blog post", "created_at": "2026-03-01T10:00:00Z", "user": {"login": "maya"},
                            "repository_url": "https://api.github.com/repos/acme/site", "labels": []}}]
                """.getBytes(StandardCharsets.UTF_8);
        List<RecordedEvent> events = new java.util.ArrayList<>();
        var importer = new dev.baton.exchange.importing.Importer(dev.baton.exchange.mapping.ImportMapping.NONE, null, events::add);
        new GitHubEventsReader().read(new ByteArrayInputStream(bytes), importer.sink());

        assertThat(events).extracting(RecordedEvent::stream).containsOnly("acme/site#7");
        assertThat(events).extracting(RecordedEvent::type).containsExactly("ItemCreated", "ItemCompleted", "ItemReopened");
    }

    @Test
    void anEventWithoutItsIssueIsNotGitHubEvents() {
        byte[] bytes = "[{\"id\": 1, \"event\": \"closed\"}]".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new GitHubEventsReader().read(new ByteArrayInputStream(bytes), c -> { }))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("expected GitHub issue events").hasMessageContaining("[event, id]");
    }
}
