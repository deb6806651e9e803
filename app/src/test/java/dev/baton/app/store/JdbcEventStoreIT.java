package dev.baton.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.EventStoreContract;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.item.WorkItemEvent;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The PostgreSQL event store passes the engine's contract, on a real server the test starts itself. */
class JdbcEventStoreIT extends EventStoreContract {

    DataSource dataSource;

    @Override
    protected EventStore newStore() {
        dataSource = TestDatabase.dataSource(TestDatabase.freshUrl());
        return new JdbcEventStore(dataSource, List.of());
    }

    @Test
    void aProjectionThatFailsLeavesNoEventBehind() {
        Projection broken = (event, changes) -> changes.add("insert into no_such_table values (1)");
        JdbcEventStore failing = new JdbcEventStore(dataSource, List.of(broken));
        PendingEvent comment = new PendingEvent(Instant.parse("2026-03-02T09:15:00Z"), "maya.chen", "campaign", 1,
                new WorkItemEvent.CommentAdded("lost"));

        assertThatThrownBy(() -> failing.append("item-1", 0, "c1", List.of(comment)));

        assertThat(store.read("item-1")).isEmpty();
        assertThat(store.byCommandId("c1")).isEmpty();
        assertThat(store.append("item-1", 0, "c1", List.of(comment))).hasSize(1);
    }

    @Test
    void aProjectionThatFailsOnTheSecondEventUndoesTheFirst() {
        Projection brokenOnBlock = (event, changes) -> {
            if (event.event() instanceof WorkItemEvent.ItemBlocked) {
                changes.add("insert into no_such_table values (1)");
            }
        };
        JdbcEventStore failing = new JdbcEventStore(dataSource, List.of(brokenOnBlock));
        Instant at = Instant.parse("2026-03-02T09:15:00Z");
        List<PendingEvent> two = List.of(
                new PendingEvent(at, "maya.chen", "campaign", 1, new WorkItemEvent.CommentAdded("first")),
                new PendingEvent(at, "maya.chen", "campaign", 1, new WorkItemEvent.ItemBlocked("legal")));

        assertThatThrownBy(() -> failing.append("item-1", 0, "c1", two));

        assertThat(store.read("item-1")).isEmpty();
        assertThat(store.byCommandId("c1")).isEmpty();
        assertThat(failing.append("item-1", 0, "c2", two.subList(0, 1))).hasSize(1);
    }

    @Test
    void aStaleSingleEventLeavesTheProjectionsUntouched() {
        List<String> seen = new java.util.ArrayList<>();
        Projection counting = (event, changes) -> changes.add("insert into commands (command_id, stream) values (?, ?)",
                "projected-" + event.version() + "-" + seen.size(), event.stream());
        JdbcEventStore store = new JdbcEventStore(dataSource, List.of(counting));
        PendingEvent comment = new PendingEvent(Instant.parse("2026-03-02T09:15:00Z"), "maya.chen", "campaign", 1,
                new WorkItemEvent.CommentAdded("a"));
        store.append("item-1", 0, "c1", List.of(comment));
        seen.add("one");

        assertThatThrownBy(() -> store.append("item-1", 0, "c2", List.of(comment)))
                .isInstanceOf(dev.baton.engine.event.ConcurrencyConflict.class);

        Long projected = new org.springframework.jdbc.core.JdbcTemplate(dataSource)
                .queryForObject("select count(*) from commands where command_id like 'projected-%'", Long.class);
        assertThat(projected).isEqualTo(1);
        assertThat(store.byCommandId("c2")).isEmpty();
    }

    @Test
    void aConflictOnTheSecondStreamUndoesTheFirstStreamsProjections() {
        Projection counting = (event, changes) -> changes.add("insert into commands (command_id, stream) values (?, ?)",
                "projected-" + event.stream() + "-" + event.version(), event.stream());
        JdbcEventStore projected = new JdbcEventStore(dataSource, List.of(counting));
        Instant at = Instant.parse("2026-03-02T09:15:00Z");
        PendingEvent comment = new PendingEvent(at, "maya.chen", "campaign", 1, new WorkItemEvent.CommentAdded("a"));
        projected.append("item-2", 0, "c0", List.of(comment));
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        String count = "select count(*) from commands where command_id like 'projected-%'";

        assertThatThrownBy(() -> projected.appendAll(List.of(
                new dev.baton.engine.event.StreamAppend("item-1", 0, "c1", List.of(comment, comment)),
                new dev.baton.engine.event.StreamAppend("item-2", 0, "c2", List.of(comment)))))
                .isInstanceOf(dev.baton.engine.event.ConcurrencyConflict.class);

        assertThat(jdbc.queryForObject(count, Long.class)).isEqualTo(1);
        assertThat(store.read("item-1")).isEmpty();
        assertThat(store.byCommandId("c1")).isEmpty();
    }

    @Test
    void newStreamsLoadInBulkWithTheirProjectionsAndAllOrNothing() {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        ItemProjection items = new ItemProjection(new dev.baton.engine.version.ModelVersions(
                new JdbcModelVersionStore(jdbc), java.time.Clock.systemUTC()));
        JdbcEventStore bulk = new JdbcEventStore(dataSource, List.of(items));
        Instant at = Instant.parse("2026-03-02T09:15:00Z");
        java.util.function.Function<WorkItemEvent, PendingEvent> pending =
                e -> new PendingEvent(at, "maya.chen", "campaign", 1, e);
        java.util.Map<String, List<PendingEvent>> streams = new java.util.LinkedHashMap<>();
        streams.put("item-a", List.of(
                pending.apply(new WorkItemEvent.ItemCreated("A", "brief", java.util.Map.of("budget", 1.5E7), null, null)),
                pending.apply(new WorkItemEvent.OwnerAssigned("nora.haddad", null)),
                pending.apply(new WorkItemEvent.ItemBlocked("Waiting for legal"))));
        streams.put("item-b", List.of(
                pending.apply(new WorkItemEvent.ItemCreated("B", "brief", java.util.Map.of(), null, null))));

        bulk.appendNewStreams(streams);

        assertThat(store.read("item-a")).extracting(e -> e.version()).containsExactly(1L, 2L, 3L);
        assertThat(store.read("item-b")).hasSize(1);
        assertThat(store.readAll(0, 100)).hasSize(4).extracting(e -> e.position()).isSorted().doesNotHaveDuplicates();
        assertThat(jdbc.queryForMap("select owner, blocked, version, (fields->>'budget') as budget from items "
                + "where id = 'item-a'")).containsEntry("owner", "nora.haddad").containsEntry("blocked", true)
                .containsEntry("version", 3L).containsEntry("budget", "15000000.0");
        assertThat(jdbc.queryForObject("select version from items where id = 'item-b'", Long.class)).isEqualTo(1L);

        java.util.Map<String, List<PendingEvent>> again = new java.util.LinkedHashMap<>();
        again.put("item-c", streams.get("item-b"));
        again.put("item-a", streams.get("item-b"));
        assertThatThrownBy(() -> bulk.appendNewStreams(again))
                .isInstanceOf(dev.baton.engine.event.ConcurrencyConflict.class);
        assertThat(store.read("item-c")).isEmpty();
        assertThat(store.readAll(0, 100)).hasSize(4);
    }
}
