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
        Projection broken = (jdbc, event) -> jdbc.update("insert into no_such_table values (1)");
        JdbcEventStore failing = new JdbcEventStore(dataSource, List.of(broken));
        PendingEvent comment = new PendingEvent(Instant.parse("2026-03-02T09:15:00Z"), "maya.chen", "campaign", 1,
                new WorkItemEvent.CommentAdded("lost"));

        assertThatThrownBy(() -> failing.append("item-1", 0, "c1", List.of(comment)));

        assertThat(store.read("item-1")).isEmpty();
        assertThat(store.byCommandId("c1")).isEmpty();
        assertThat(store.append("item-1", 0, "c1", List.of(comment))).hasSize(1);
    }
}
