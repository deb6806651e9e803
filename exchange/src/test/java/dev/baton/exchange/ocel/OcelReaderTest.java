package dev.baton.exchange.ocel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.exchange.Samples;
import dev.baton.exchange.Samples.Imported;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OcelReaderTest {

    @Test
    void flattensOntoTheObjectTypeWithMostEvents() {
        Imported imported = Samples.read(new OcelReader(null), Samples.eventLog("ocel20_example.jsonocel"));

        // Invoices take part in 9 of the 13 events: three invoices, each inserted, blocked or paid.
        assertThat(imported.report().items()).isEqualTo(3);
        assertThat(imported.countsByType()).containsExactlyInAnyOrderEntriesOf(Map.of("ItemCreated", 3L, "StageEntered", 6L));
        assertThat(imported.events()).allMatch(e -> "Invoice".equals(e.workType()));
    }

    @Test
    void aNamedObjectTypeIsTheCase() {
        Imported imported = Samples.read(new OcelReader("Purchase Order"), Samples.eventLog("ocel20_example.jsonocel"));

        assertThat(imported.report().items()).isEqualTo(2);
        RecordedEvent first = imported.events().get(0);
        assertThat(first.event()).isInstanceOf(ItemCreated.class);
        assertThat(imported.events()).extracting(RecordedEvent::event).filteredOn(e -> e instanceof StageEntered)
                .isNotEmpty();
    }
}
