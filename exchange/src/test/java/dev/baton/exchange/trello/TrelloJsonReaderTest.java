package dev.baton.exchange.trello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.CommentAdded;
import dev.baton.engine.item.WorkItemEvent.ItemCompleted;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.MarkedUrgent;
import dev.baton.engine.item.WorkItemEvent.OwnerAssigned;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.exchange.Samples;
import dev.baton.exchange.Samples.Imported;
import dev.baton.exchange.source.SourceFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrelloJsonReaderTest {

    @Test
    void realBoardExportGivesCreationAndMemberChanges() {
        Imported imported = Samples.read(new TrelloJsonReader(),
                Samples.toolExport("trello-board-export_nextcloud-deck.json"));

        assertThat(imported.events()).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Name Card 7", "TODO", Map.of(), null, null),
                new OwnerAssigned("John Doe", null),
                new OwnerAssigned(null, "John Doe"));
        assertThat(imported.events()).allMatch(e -> e.actor().equals("John Doe") && e.stream().equals("hashcard7"));
        assertThat(imported.report().notes()).extracting(n -> n.message())
                .containsExactly("2 actions are about the board or its lists, not a card (not imported)");
    }

    @Test
    void listMovesBecomeStageMovesOldestFirst() {
        Imported imported = Samples.read(new TrelloJsonReader(), Samples.fixture("trello-board-moves.json"),
                Samples.mapping("mapping-content.yaml"), null);

        assertThat(imported.of("6400000a0000000000000c01")).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Pricing page copy", "brief", Map.of(), null, null),
                new StageEntered("brief", "build", false),
                new OwnerAssigned("sam", null),
                new FieldsUpdated(Map.of("labels", List.of("urgent"))),
                new MarkedUrgent("label urgent"),
                new StageEntered("build", "review", false),
                new CommentAdded("Please tighten the second paragraph."),
                new StageEntered("review", "live", false),
                new ItemCompleted("live"));
        // No createCard action for the second card: it is created at the time in its id, in its first list.
        List<RecordedEvent> second = imported.of("6400000b0000000000000c02");
        assertThat(second).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated("Case study: Acme", "brief", Map.of(), null, null),
                new StageEntered("brief", "build", false));
        assertThat(second.get(0).at()).isEqualTo(Instant.ofEpochSecond(0x6400000bL));
        assertThat(second.get(1).actor()).isEqualTo("sam");
    }

    @Test
    void aJiraExportIsNotATrelloBoard() {
        byte[] bytes = "{\"issues\": []}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new TrelloJsonReader().read(new ByteArrayInputStream(bytes), c -> { }))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("expected a Trello board export")
                .hasMessageContaining("[issues]");
    }
}
