package dev.baton.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.ConcurrencyConflict;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcEventStoreSmokeIT {

    final JdbcEventStore store = new JdbcEventStore(TestDatabase.dataSource(TestDatabase.freshUrl()), List.of());
    final Instant at = Instant.parse("2026-03-02T09:15:00.123456789Z");

    PendingEvent event(Object payload) {
        return new PendingEvent(at, "maya.chen", "campaign", 1, (dev.baton.engine.event.BatonEvent) payload);
    }

    @Test
    void appendsReadsAndRefusesStaleVersionsAndRetries() {
        List<RecordedEvent> first = store.append("item-1", 0, "cmd-1",
                List.of(event(new ItemCreated("Spring launch", "brief", Map.of("budget", 1200.0), null, null))));
        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.at()).isEqualTo(Instant.parse("2026-03-02T09:15:00.123456Z"));
        });
        assertThat(store.read("item-1")).isEqualTo(first);
        assertThat(store.append("item-1", 0, "cmd-1", List.of(event(new StageEntered("a", "b", false))))).isEqualTo(first);
        assertThatThrownBy(() -> store.append("item-1", 0, "cmd-2", List.of(event(new StageEntered("brief", "build", false)))))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, c -> assertThat(c.currentVersion()).isEqualTo(1));
        store.append("item-1", 1, "cmd-3", List.of(event(new StageEntered("brief", "build", false))));
        assertThat(store.version("item-1")).isEqualTo(2);
        assertThat(store.readAll(0, 10)).extracting(RecordedEvent::type).containsExactly("ItemCreated", "StageEntered");
        assertThat(store.byCommandId("cmd-2")).isEmpty();
    }
}
