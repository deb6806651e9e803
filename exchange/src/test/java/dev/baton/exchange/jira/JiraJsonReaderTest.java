package dev.baton.exchange.jira;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.exchange.Samples;
import dev.baton.exchange.Samples.Imported;
import dev.baton.exchange.source.SourceFormatException;
import dev.baton.exchange.source.SourceSink;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JiraJsonReaderTest {

    @Test
    void realCloudSearchGivesEveryStatusTransitionAsAStageMove() {
        Imported imported = Samples.read(new JiraJsonReader(),
                Samples.toolExport("jira-cloud-search-with-changelog_actionableagile.json"));

        assertThat(imported.countsByType()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ItemCreated", 25L, "StageEntered", 64L, "ItemCompleted", 17L, "FieldsUpdated", 25L));
        assertThat(imported.report().items()).isEqualTo(25);
        // UT-26: Backlog → Dev Active → Dev Done → Test (its current status).
        List<String> path = imported.of("UT-26").stream()
                .map(e -> e.event() instanceof ItemCreated c ? c.stage()
                        : e.event() instanceof StageEntered s ? s.to() : null)
                .filter(java.util.Objects::nonNull).toList();
        assertThat(path).first().isEqualTo("Backlog");
        assertThat(path).last().isEqualTo("Test");
        assertThat(imported.of("UT-26")).allMatch(e -> e.actor().equals("Daniel Vacanti [Administrator]"));
        assertThat(imported.events()).allMatch(e -> e.eventId().startsWith("jira:"));
    }

    @Test
    void realServerIssueGivesAssigneeAndCustomFieldChanges() {
        Imported imported = Samples.read(new JiraJsonReader(), Samples.toolExport("jira-issue-with-changelog_jrjc.json"));

        assertThat(imported.countsByType()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ItemCreated", 1L, "OwnerAssigned", 2L, "FieldsUpdated", 11L));
        ItemCreated created = (ItemCreated) imported.events().get(0).event();
        assertThat(created.title()).isEqualTo("Simple history test");
        assertThat(created.stage()).isEqualTo("Open");
        assertThat(imported.events()).extracting(RecordedEvent::event).contains(
                new OwnerAssigned("User Two", "User One"),
                new FieldsUpdated(Map.of("Radio Field", "Two")),
                new FieldsUpdated(Map.of("Text Field", "Modified text field value")));
        // The fourth history repeats the assignee change without an author: no second owner change.
        assertThat(imported.report().skipped()).containsEntry("assignee set to the current owner", 1L);
    }

    @Test
    void cloudFixtureMappedOntoTheModel() {
        Imported imported = Samples.read(new JiraJsonReader(), Samples.fixture("jira-cloud-search-jql.json"),
                Samples.mapping("mapping-content.yaml"), null);

        List<RecordedEvent> mkt1 = imported.of("MKT-1");
        assertThat(mkt1).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Q3 launch webinar", "brief", Map.of("labels", List.of("launch")), null, null),
                new OwnerAssigned("maya", null),
                new FieldsUpdated(Map.of("priority", "Medium")),
                new StageEntered("brief", "build", false),
                new OwnerAssigned("sam", "maya"),
                new StageEntered("build", "review", false),
                new FieldsUpdated(Map.of("launch-date", "20/Mar/26")),
                new StageEntered("review", "build", true),
                new FieldsUpdated(Map.of("priority", "High")),
                new MarkedUrgent("priority High"),
                new FieldsUpdated(Map.of("labels", List.of("launch", "webinar"))),
                new StageEntered("build", "review", true),
                new StageEntered("review", "live", false),
                new dev.baton.engine.item.WorkItemEvent.ItemCompleted("live"));
        assertThat(mkt1).allMatch(e -> "campaign".equals(e.workType()));
        assertThat(mkt1.get(0).actor()).isEqualTo("maya");
        assertThat(mkt1.get(0).at()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(mkt1.get(3).eventId()).isEqualTo("jira:10001:changelog:20001:0");
        assertThat(imported.of("MKT-2")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Battlecard refresh", "brief", Map.of(), null, null),
                new FieldsUpdated(Map.of("priority", "Medium")));
        assertThat(imported.of("MKT-2")).allMatch(e -> "content-piece".equals(e.workType()));
        assertThat(imported.report().unmapped()).isEmpty();
    }

    @Test
    void unmappedStatusesAndPeopleAreCountedAndKept() {
        var mapping = dev.baton.exchange.mapping.MappingReader.read("""
                stages:
                  To Do: brief
                people:
                  Maya Patel: maya
                """).mapping();
        Imported imported = Samples.read(new JiraJsonReader(), Samples.fixture("jira-cloud-search-jql.json"), mapping, null);

        assertThat(imported.report().unmapped().get("stages"))
                .containsEntry("In Progress", 2L).containsEntry("In Review", 2L).containsEntry("Done", 1L);
        assertThat(imported.report().unmapped().get("people")).containsEntry("Sam Lee", 6L);
        assertThat(imported.of("MKT-1")).extracting(RecordedEvent::event).contains(new StageEntered("brief", "In Progress", false));
    }

    @Test
    void aTruncatedFileSaysWhereItBroke() {
        byte[] bytes = "{\"issues\": [{\"id\": \"1\", \"key\": \"A-1\", \"fields\": {\"created\": \"2026-01-01T00:00:00Z\"".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new JiraJsonReader().read(new ByteArrayInputStream(bytes), c -> { }))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("truncated")
                .satisfies(e -> assertThat(((SourceFormatException) e).where()).startsWith("line 1, column"));
    }

    @Test
    void aTrelloBoardIsNotAJiraExport() {
        byte[] bytes = "{\"id\": \"b\", \"name\": \"Board\", \"actions\": [], \"cards\": []}".getBytes(StandardCharsets.UTF_8);
        SourceSink ignore = c -> { };
        assertThatThrownBy(() -> new JiraJsonReader().read(new ByteArrayInputStream(bytes), ignore))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("expected Jira search results with expand=changelog")
                .hasMessageContaining("[actions, cards, id, name]");
    }

    @Test
    void estimatesTimeSpentAndStoryPointsAreRecordedOnTheCreatedEventAsJiraGivesThem() {
        Imported imported = Samples.read(new JiraJsonReader(), Samples.fixture("jira-estimates.json"));
        ItemCreated campaign = (ItemCreated) imported.of("MKT-1").get(0).event();
        // 144000 s = 40 h estimated, 172800 s = 48 h spent; the points unconverted.
        assertThat(campaign.fields()).containsEntry("original-estimate-hours", 40.0).containsEntry("time-spent-hours", 48.0)
                .containsEntry("story-points", 8.0).containsEntry("labels", List.of("q2"));
        ItemCreated blog = (ItemCreated) imported.of("MKT-2").get(0).event();
        assertThat(blog.fields()).isEmpty();
        // A site whose story points live in another field names it.
        ItemCreated named = (ItemCreated) Samples.read(new JiraJsonReader("customfield_10002"),
                Samples.fixture("jira-estimates.json")).of("MKT-2").get(0).event();
        assertThat(named.fields()).containsExactlyEntriesOf(Map.of("story-points", 3.0));
    }

    @Test
    void theSharedJiraExportsRecordNoEstimatesBecauseTheyHoldNone() {
        Imported imported = Samples.read(new JiraJsonReader(),
                Samples.toolExport("jira-cloud-search-with-changelog_actionableagile.json"));
        assertThat(imported.events()).extracting(RecordedEvent::event).filteredOn(ItemCreated.class::isInstance)
                .allSatisfy(e -> assertThat(((ItemCreated) e).fields()).doesNotContainKeys("original-estimate-hours",
                        "time-spent-hours", "story-points"));
    }
}
