package dev.baton.exchange.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.FieldsUpdated;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.exchange.Samples;
import dev.baton.exchange.importing.Importer;
import dev.baton.exchange.mapping.ImportMapping;
import dev.baton.exchange.mapping.MappingReader;
import dev.baton.exchange.source.SourceFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvEventReaderTest {

    static final String TABLE = """
            Case ID,Step,When,Who,Channel
            C2,Brief,2026-03-02T10:00:00Z,sam,email
            C1,Brief,2026-03-01T09:00:00Z,maya,web
            C1,Draft,2026-03-01T15:00:00Z,sam,web
            C2,Draft,2026-03-03 11:00,sam,social
            C1,Review,2026-03-02T09:00:00Z,maya,web
            C1,Draft,2026-03-02T12:00:00Z,sam,email
            """;

    private List<RecordedEvent> read(String table, ImportMapping mapping) {
        List<RecordedEvent> events = new ArrayList<>();
        Importer importer = new Importer(mapping, null, events::add);
        new CsvEventReader(mapping.columns()).read(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)),
                importer.sink());
        return events;
    }

    @Test
    void columnsChosenInTheMappingAndCasesReplayedInTimeOrder() {
        ImportMapping mapping = MappingReader.read("""
                columns: { item: Case ID, activity: Step, time: When, actor: Who, attributes: [Channel] }
                stages: { Brief: brief, Draft: build, Review: review }
                """).mapping();

        List<RecordedEvent> events = read(TABLE, mapping);

        assertThat(events.stream().filter(e -> e.stream().equals("C1"))).extracting(RecordedEvent::event).containsExactly(
                new ItemCreated(null, "brief", Map.of(), null, null),
                new FieldsUpdated(Map.of("Channel", "web")),
                new StageEntered("brief", "build", false),
                new StageEntered("build", "review", false),
                new StageEntered("review", "build", true),
                new FieldsUpdated(Map.of("Channel", "email")));
        assertThat(events.stream().filter(e -> e.stream().equals("C2"))).extracting(RecordedEvent::type)
                .containsExactly("ItemCreated", "FieldsUpdated", "StageEntered", "FieldsUpdated");
        assertThat(events.get(0).eventId()).isEqualTo("csv:C2:2026-03-02T10:00:00Z:Brief");
    }

    @Test
    void aBadTimestampNamesItsLineAndColumn() {
        ImportMapping mapping = MappingReader.read("columns: { item: Case ID, activity: Step, time: When }").mapping();
        assertThatThrownBy(() -> read(TABLE.replace("2026-03-03 11:00", "yesterday"), mapping))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("column When: expected a timestamp")
                .satisfies(e -> assertThat(((SourceFormatException) e).where()).isEqualTo("line 5"));
    }

    @Test
    void withoutColumnsTheUsualNamesAreNeeded() {
        assertThatThrownBy(() -> read(TABLE, ImportMapping.NONE))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageContaining("expected a CSV event table")
                .hasMessageContaining("[Case ID, Step, When, Who, Channel]");
    }
}
