package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.CommandResult.Rejected;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.InMemoryEventStore;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.item.ItemFilter;
import dev.baton.engine.item.WorkItemCommand;
import dev.baton.engine.item.WorkItemEvent.ItemCreated;
import dev.baton.engine.item.WorkItemEvent.StageEntered;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.version.ModelVersions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Imported history (events of model version 0, docs/event-log.md) shares the log with the work
 * the engine runs, but the engine never folds it into items: it has no model version to decide
 * commands against. Whether the engine starts after the import or before it, the stream is no item.
 */
class ImportedHistoryTest {

    private final TestClock clock = new TestClock();
    private final ModelVersions versions = Examples.versions("b2b-saas.yaml", clock);
    private final InMemoryEventStore store = new InMemoryEventStore();

    private void importMkt1() {
        store.append("MKT-1", 0, null, List.of(
                new PendingEvent(clock.instant(), "maya.chen", "campaign", 0,
                        new ItemCreated("Q3 launch webinar", "brief", Map.of(), null, null)),
                new PendingEvent(clock.instant(), "maya.chen", "campaign", 0, new StageEntered("brief", "build", false))));
    }

    @Test
    void anImportedStreamIsNoWorkItemOfTheEngine() {
        importMkt1();
        Engine engine = new Engine(store, versions, clock);
        assertNoItem(engine);
    }

    @Test
    void historyImportedWhileTheEngineRunsIsNoWorkItemEither() {
        Engine engine = new Engine(store, versions, clock);
        importMkt1();
        assertNoItem(engine);
        assertThat(engine.history(new WorkItemId("MKT-1"))).hasSize(2);
    }

    private void assertNoItem(Engine engine) {
        assertThat(engine.item(new WorkItemId("MKT-1"))).isEmpty();
        assertThat(engine.items(ItemFilter.ALL)).isEmpty();
        CommandResult comment = engine.handle(new WorkItemId("MKT-1"), null, null, new Actor("maya.chen"),
                new WorkItemCommand.Comment("hello"));
        assertThat(comment).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.rejection().code()).isEqualTo(Code.NOT_FOUND));
        assertThat(store.read("MKT-1")).hasSize(2);
    }
}
