package dev.baton.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.CommandResult.Rejected;
import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.item.WorkItemCommand.Comment;
import dev.baton.engine.item.WorkItemId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EngineConcurrencyTest {

    final Northwind n = new Northwind();

    @Test
    void commandsOnOneItemFromManyThreadsAreAllRecordedInOrder() throws Exception {
        WorkItemId id = n.campaign(Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Long>> rejected = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            rejected.add(pool.submit(() -> {
                start.await();
                long refused = 0;
                for (int i = 0; i < 50; i++) {
                    CommandResult r = n.engine.handle(id, null, "t" + thread + "-" + i, new Actor("jon.ito"),
                            new Comment("note " + thread + "/" + i));
                    refused += r.rejected() ? 1 : 0;
                }
                return refused;
            }));
        }
        start.countDown();
        for (Future<Long> f : rejected) {
            assertThat(f.get(60, TimeUnit.SECONDS)).isZero();
        }
        pool.shutdown();
        assertThat(n.engine.history(id)).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 201).boxed().toList());
        assertThat(n.state(id).comments()).isEqualTo(200);
        assertThat(n.state(id).version()).isEqualTo(201);
    }

    @Test
    void anEngineWhoseStoreMovedOnRereadsTheItem() {
        WorkItemId id = n.campaign(Map.of());
        // A second engine on the same store stands for a second server process.
        Engine other = new Engine(n.engine.store(), n.versions, n.clock);
        assertThat(other.handle(id, null, "o1", new Actor("jon.ito"), new Comment("from the other process"))
                .rejected()).isFalse();

        // Without an expected version the first engine decides again on the reread item...
        CommandResult r = n.engine.handle(id, null, "m1", new Actor("nora.haddad"), new Comment("mine"));
        assertThat(r.version()).isEqualTo(3);
        assertThat(n.state(id).comments()).isEqualTo(2);
        // ...with one it answers that the item moved on.
        other.handle(id, null, "o2", new Actor("jon.ito"), new Comment("again"));
        Rejected stale = (Rejected) n.engine.handle(id, 3L, "m2", new Actor("nora.haddad"), new Comment("late"));
        assertThat(stale.rejection().code()).isEqualTo(Code.STALE_VERSION);
        assertThat(stale.version()).isEqualTo(4);
    }
    @Test
    void aCommandNamingAVersionThisProcessHasNotSeenYetRereadsTheItemInsteadOfAnsweringStale() {
        WorkItemId id = n.campaign(Map.of());
        Engine other = new Engine(n.engine.store(), n.versions, n.clock);
        other.handle(id, null, "o1", new Actor("jon.ito"), new Comment("seen by the client on the other server"));

        // The client saw version 2 on the other server; this engine still holds version 1.
        CommandResult r = n.engine.handle(id, 2L, "m1", new Actor("nora.haddad"), new Comment("after it"));
        assertThat(r.rejected()).isFalse();
        assertThat(r.version()).isEqualTo(3);
    }

    @Test
    void anEngineCatchesUpWithTheItemsRequestsAndModelVersionsAnotherProcessRecorded() {
        dev.baton.engine.version.ModelVersionStore models = dev.baton.engine.version.ModelVersionStore.inMemory();
        dev.baton.engine.version.ModelVersions mine = new dev.baton.engine.version.ModelVersions(models, n.clock);
        dev.baton.engine.version.ModelVersions theirs = new dev.baton.engine.version.ModelVersions(models, n.clock);
        dev.baton.engine.event.InMemoryEventStore store = new dev.baton.engine.event.InMemoryEventStore();
        Engine engine = new Engine(store, mine, n.clock);
        Engine other = new Engine(store, theirs, n.clock);
        assertThat(theirs.upload("b2b-saas.yaml", Examples.text("b2b-saas.yaml"), "dev.patel").accepted()).isTrue();
        assertThat(mine.current()).isEmpty();

        WorkItemId id = new WorkItemId("made-elsewhere");
        assertThat(other.create(id, "c1", new Actor("nora.haddad"), new dev.baton.engine.item.WorkItemCommand.CreateItem(
                "campaign", "Made on the other server", Northwind.campaignBrief(), null, null)).rejected()).isFalse();
        other.handle(id, null, "c2", new Actor("jon.ito"), new Comment("and moved on there"));
        assertThat(engine.items(dev.baton.engine.item.ItemFilter.ALL)).isEmpty();

        engine.catchUp();
        assertThat(mine.current()).map(v -> v.number()).contains(1);
        assertThat(engine.items(dev.baton.engine.item.ItemFilter.ALL)).containsExactlyElementsOf(
                other.items(dev.baton.engine.item.ItemFilter.ALL));
        assertThat(engine.openByOwner()).isEqualTo(other.openByOwner());

        // Its own commands and a second catch-up do not fold an event twice.
        engine.handle(id, null, "m1", new Actor("nora.haddad"), new Comment("mine"));
        engine.catchUp();
        engine.catchUp();
        other.catchUp();
        assertThat(engine.item(id).orElseThrow().version()).isEqualTo(3);
        assertThat(engine.item(id).orElseThrow().comments()).isEqualTo(2);
        assertThat(other.item(id)).isEqualTo(engine.item(id));
    }
}
