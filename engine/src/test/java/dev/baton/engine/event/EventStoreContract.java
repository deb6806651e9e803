package dev.baton.engine.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.engine.intake.IntakeEvent;
import dev.baton.engine.item.WorkItemEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStore} promises, as tests. A store passes by extending this class and
 * returning a fresh, empty store from {@link #newStore()} (the JDBC store in app does so against a
 * real PostgreSQL). Times are kept to the millisecond, the precision the engine records.
 */
public abstract class EventStoreContract {

    /** A new, empty store. */
    protected abstract EventStore newStore();

    protected EventStore store;

    private static final Instant T0 = Instant.parse("2026-03-02T09:15:00.123Z");

    @BeforeEach
    void freshStore() {
        store = newStore();
    }

    protected static PendingEvent pending(int minute, WorkItemEvent event) {
        return new PendingEvent(T0.plusSeconds(60L * minute), "maya.chen", "campaign", 1, event);
    }

    private static PendingEvent comment(String text) {
        return pending(0, new WorkItemEvent.CommentAdded(text));
    }

    @Test
    void anEmptyStoreHasNoEventsAndNoStreams() {
        assertThat(store.read("item-1")).isEmpty();
        assertThat(store.version("item-1")).isZero();
        assertThat(store.readAll(0, 100)).isEmpty();
        assertThat(store.byCommandId("c1")).isEmpty();
    }

    @Test
    void appendingNumbersEventsWithinTheStreamAndAcrossTheLog() {
        List<RecordedEvent> first = store.append("item-1", 0, "c1", List.of(comment("a"), comment("b")));
        List<RecordedEvent> second = store.append("item-2", 0, "c2", List.of(comment("c")));
        List<RecordedEvent> third = store.append("item-1", 2, "c3", List.of(comment("d")));

        assertThat(first).extracting(RecordedEvent::version).containsExactly(1L, 2L);
        assertThat(third).extracting(RecordedEvent::version).containsExactly(3L);
        assertThat(second).extracting(RecordedEvent::version).containsExactly(1L);
        List<Long> positions = new ArrayList<>();
        first.forEach(e -> positions.add(e.position()));
        second.forEach(e -> positions.add(e.position()));
        third.forEach(e -> positions.add(e.position()));
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(positions.get(0)).isPositive();
        assertThat(store.version("item-1")).isEqualTo(3);
        assertThat(store.version("item-2")).isEqualTo(1);
    }

    @Test
    void aStreamReadsBackInVersionOrderWithItsEnvelope() {
        store.append("item-1", 0, "c1", List.of(comment("a"), comment("b")));
        store.append("item-1", 2, "c2", List.of(comment("c")));

        List<RecordedEvent> events = store.read("item-1");

        assertThat(events).extracting(RecordedEvent::version).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(e -> ((WorkItemEvent.CommentAdded) e.event()).text())
                .containsExactly("a", "b", "c");
        RecordedEvent first = events.get(0);
        assertThat(first.stream()).isEqualTo("item-1");
        assertThat(first.at()).isEqualTo(T0);
        assertThat(first.actor()).isEqualTo("maya.chen");
        assertThat(first.workType()).isEqualTo("campaign");
        assertThat(first.modelVersion()).isEqualTo(1);
        assertThat(first.commandId()).isEqualTo("c1");
        assertThat(first.type()).isEqualTo("CommentAdded");
        assertThat(events.get(2).commandId()).isEqualTo("c2");
    }

    @Test
    void everyEventTypeSurvivesTheRoundTripIncludingNullsMapsAndLists() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("campaign-name", "Spring launch");
        fields.put("budget", 12500.5);
        fields.put("channel-mix", List.of("email", "paid-social"));
        Map<String, Object> cleared = new HashMap<>();
        cleared.put("landing-page", null);
        cleared.put("budget", 3.0);
        List<WorkItemEvent> items = List.of(
                new WorkItemEvent.ItemCreated("Spring launch", "brief", fields, null, "request-7"),
                new WorkItemEvent.ItemCreated("Child", "brief", Map.of(), "item-0", null),
                new WorkItemEvent.FieldsUpdated(cleared),
                new WorkItemEvent.OwnerAssigned("nora.haddad", null),
                new WorkItemEvent.StageEntered("brief", "brief-review", false),
                new WorkItemEvent.ApprovalRequested("brief-review", List.of("nora.haddad", "maya.chen")),
                new WorkItemEvent.ApprovalGranted("brief-review", "maya.chen", null),
                new WorkItemEvent.ApprovalDenied("brief-review", "pmm", "Segment is too broad"),
                new WorkItemEvent.HandoffSent("demand-gen", "ops", "live", "results",
                        Map.of("utm-plan", "https://example.com/utm", "budget", 3.0)),
                new WorkItemEvent.HandoffAccepted("live", "results"),
                new WorkItemEvent.HandoffRejected("live", "results", "No UTM plan"),
                new WorkItemEvent.ItemBlocked("Waiting for legal"),
                new WorkItemEvent.ItemUnblocked(null),
                new WorkItemEvent.CommentAdded("Looks good – ünïcödé \"quoted\"\nsecond line"),
                new WorkItemEvent.MarkedUrgent("CEO asked"),
                new WorkItemEvent.PriorityInputsSet(Map.of("reach", 4000.0, "impact", 2.0)),
                new WorkItemEvent.ItemCompleted("results"),
                new WorkItemEvent.ItemReopened("brief", "Numbers were wrong"));
        List<PendingEvent> pending = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            pending.add(pending(i, items.get(i)));
        }
        store.append("item-1", 0, "c1", pending);
        List<IntakeEvent> intake = List.of(
                new IntakeEvent.RequestSubmitted("campaign-request", "Webinar series",
                        Map.of("reach", 1200.0, "segment", "Mid-market")),
                new IntakeEvent.RequestDeferred("2026-04-01", "After the launch"),
                new IntakeEvent.RequestDeferred(null, "Later"),
                new IntakeEvent.RequestDeclined("Out of scope"),
                new IntakeEvent.RequestAccepted("item-1", null));
        List<PendingEvent> requests = new ArrayList<>();
        for (IntakeEvent e : intake) {
            requests.add(new PendingEvent(T0, "alex.morgan", "campaign", 2, e));
        }
        store.append("request-1", 0, "c2", requests);

        assertThat(store.read("item-1")).extracting(RecordedEvent::event).containsExactlyElementsOf(items);
        assertThat(store.read("item-1")).extracting(RecordedEvent::at)
                .containsExactlyElementsOf(pending.stream().map(PendingEvent::at).toList());
        assertThat(store.read("request-1")).extracting(RecordedEvent::event).containsExactlyElementsOf(intake);
        assertThat(store.read("request-1").get(0).modelVersion()).isEqualTo(2);
    }

    @Test
    void numbersReadBackAsTheTypesTheyWereRecordedWith() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("budget", 1.2E7);
        fields.put("reach", 1000.0);
        fields.put("conversion", 1.0E-7);
        fields.put("huge", 3.5E300);
        fields.put("seats", 12);
        fields.put("impressions", 5_000_000_000L);
        fields.put("negative", -2.5E9);
        WorkItemEvent created = new WorkItemEvent.ItemCreated("Budget", "brief", fields, null, null);
        WorkItemEvent updated = new WorkItemEvent.FieldsUpdated(Map.of("budget", 2.0E7));

        store.append("item-1", 0, "c1", List.of(pending(0, created), pending(1, updated)));

        List<RecordedEvent> events = store.read("item-1");
        Map<String, Object> read = ((WorkItemEvent.ItemCreated) events.get(0).event()).fields();
        assertThat(read).isEqualTo(fields);
        assertThat(read.get("budget")).isInstanceOf(Double.class);
        assertThat(read.get("seats")).isInstanceOf(Integer.class);
        assertThat(read.get("impressions")).isInstanceOf(Long.class);
        assertThat(((WorkItemEvent.FieldsUpdated) events.get(1).event()).changes().get("budget")).isEqualTo(2.0E7);
    }

    @Test
    void aStaleExpectedVersionIsAConflictAndRecordsNothing() {
        store.append("item-1", 0, "c1", List.of(comment("a"), comment("b")));

        assertThatThrownBy(() -> store.append("item-1", 1, "c2", List.of(comment("late"))))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, c -> {
                    assertThat(c.stream()).isEqualTo("item-1");
                    assertThat(c.expectedVersion()).isEqualTo(1);
                    assertThat(c.currentVersion()).isEqualTo(2);
                });
        assertThatThrownBy(() -> store.append("item-2", 3, "c3", List.of(comment("never"))))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, c -> assertThat(c.currentVersion()).isZero());
        assertThat(store.read("item-1")).hasSize(2);
        assertThat(store.version("item-2")).isZero();
        assertThat(store.byCommandId("c2")).isEmpty();
        assertThat(store.readAll(0, 100)).hasSize(2);
    }

    @Test
    void aRetriedCommandIdRecordsNothingTwiceAndReturnsTheFirstEvents() {
        List<RecordedEvent> first = store.append("item-1", 0, "c1", List.of(comment("a"), comment("b")));

        // The retry is based on the old version; it must not conflict nor append.
        List<RecordedEvent> retry = store.append("item-1", 0, "c1", List.of(comment("a"), comment("b")));

        assertThat(retry).isEqualTo(first);
        assertThat(store.read("item-1")).hasSize(2);
        assertThat(store.byCommandId("c1")).contains(first);
        assertThat(store.readAll(0, 100)).hasSize(2);
    }

    @Test
    void eventsWithoutACommandIdAreNotDeduplicated() {
        store.append("item-1", 0, null, List.of(comment("a")));
        store.append("item-1", 1, null, List.of(comment("a")));

        assertThat(store.read("item-1")).hasSize(2).allSatisfy(e -> assertThat(e.commandId()).isNull());
    }

    @Test
    void theFeedPagesByPosition() {
        for (int i = 0; i < 7; i++) {
            store.append("item-" + (i % 3), store.version("item-" + (i % 3)), "c" + i, List.of(comment("e" + i)));
        }
        List<RecordedEvent> all = store.readAll(0, 100);
        assertThat(all).hasSize(7).extracting(RecordedEvent::position).isSorted();
        assertThat(all).extracting(e -> ((WorkItemEvent.CommentAdded) e.event()).text())
                .containsExactly("e0", "e1", "e2", "e3", "e4", "e5", "e6");

        List<RecordedEvent> page1 = store.readAll(0, 3);
        List<RecordedEvent> page2 = store.readAll(page1.get(2).position(), 3);
        List<RecordedEvent> page3 = store.readAll(page2.get(2).position(), 3);
        assertThat(page1).hasSize(3);
        assertThat(page2).hasSize(3);
        assertThat(page3).hasSize(1);
        List<RecordedEvent> joined = new ArrayList<>(page1);
        joined.addAll(page2);
        joined.addAll(page3);
        assertThat(joined).isEqualTo(all);
        assertThat(store.readAll(all.get(6).position(), 3)).isEmpty();
        assertThat(store.readAll(0, 0)).isEmpty();
    }

    @Test
    void concurrentWritersOnOneStreamNeverLoseOrDoubleAnEvent() throws Exception {
        int writers = 4;
        int perWriter = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger conflicts = new AtomicInteger();
        List<Future<Integer>> done = new ArrayList<>();
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            int writer = w;
            done.add(pool.submit(() -> {
                start.await();
                int appended = 0;
                while (appended < perWriter) {
                    String text = writer + ":" + appended;
                    try {
                        store.append("item-1", store.version("item-1"), "w" + text, List.of(comment(text)));
                        written.add(text);
                        appended++;
                    } catch (ConcurrencyConflict e) {
                        conflicts.incrementAndGet();
                    }
                }
                return appended;
            }));
        }
        start.countDown();
        for (Future<Integer> f : done) {
            assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(perWriter);
        }
        pool.shutdown();

        List<RecordedEvent> events = store.read("item-1");
        assertThat(events).hasSize(writers * perWriter);
        assertThat(events).extracting(RecordedEvent::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, writers * perWriter).boxed()
                        .toList());
        assertThat(events).extracting(e -> ((WorkItemEvent.CommentAdded) e.event()).text())
                .containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void appendingNothingRecordsNothing() {
        assertThat(store.append("item-1", 0, "c1", List.of())).isEmpty();
        assertThat(store.version("item-1")).isZero();
        assertThat(store.readAll(0, 10)).isEmpty();
    }

    private static PendingEvent accepted(String item) {
        return new PendingEvent(T0, "sam.rivera", "campaign", 1, new IntakeEvent.RequestAccepted(item, null));
    }

    private static PendingEvent submitted() {
        return new PendingEvent(T0, "alex.morgan", "campaign", 1,
                new IntakeEvent.RequestSubmitted("campaign-request", "Webinar", Map.of()));
    }

    @Test
    void anAppendToSeveralStreamsRecordsEveryPartWithItsOwnVersions() {
        store.append("request-1", 0, "submit", List.of(submitted()));

        List<List<RecordedEvent>> recorded = store.appendAll(List.of(
                new StreamAppend("item-1", 0, "accept:item", List.of(comment("a"), comment("b"))),
                new StreamAppend("request-1", 1, "accept", List.of(accepted("item-1")))));

        assertThat(recorded).hasSize(2);
        assertThat(recorded.get(0)).extracting(RecordedEvent::version).containsExactly(1L, 2L);
        assertThat(recorded.get(0)).allSatisfy(e -> assertThat(e.commandId()).isEqualTo("accept:item"));
        assertThat(recorded.get(1)).extracting(RecordedEvent::version).containsExactly(2L);
        assertThat(store.read("item-1")).isEqualTo(recorded.get(0));
        assertThat(store.read("request-1").get(1)).isEqualTo(recorded.get(1).get(0));
        assertThat(store.byCommandId("accept")).contains(recorded.get(1));
        assertThat(store.readAll(0, 100)).hasSize(4).extracting(RecordedEvent::position).isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void aConflictOnTheSecondStreamLeavesTheFirstUnchanged() {
        store.append("request-1", 0, "submit", List.of(submitted()));
        List<RecordedEvent> before = store.readAll(0, 100);

        // The request moved on (version 1, not 0): the item must not be created either.
        assertThatThrownBy(() -> store.appendAll(List.of(
                new StreamAppend("item-1", 0, "accept:item", List.of(comment("a"))),
                new StreamAppend("request-1", 0, "accept", List.of(accepted("item-1"))))))
                .isInstanceOfSatisfying(ConcurrencyConflict.class, c -> {
                    assertThat(c.stream()).isEqualTo("request-1");
                    assertThat(c.expectedVersion()).isZero();
                    assertThat(c.currentVersion()).isEqualTo(1);
                });

        assertThat(store.read("item-1")).isEmpty();
        assertThat(store.version("item-1")).isZero();
        assertThat(store.byCommandId("accept:item")).isEmpty();
        assertThat(store.byCommandId("accept")).isEmpty();
        assertThat(store.readAll(0, 100)).isEqualTo(before);
        // Nothing was claimed: the same parts on the right version go through.
        assertThat(store.appendAll(List.of(
                new StreamAppend("item-1", 0, "accept:item", List.of(comment("a"))),
                new StreamAppend("request-1", 1, "accept", List.of(accepted("item-1"))))))
                .extracting(List::size).containsExactly(1, 1);
    }

    @Test
    void aRetriedAppendToSeveralStreamsRecordsNothingTwice() {
        store.append("request-1", 0, "submit", List.of(submitted()));
        List<List<RecordedEvent>> first = store.appendAll(List.of(
                new StreamAppend("item-1", 0, "accept:item", List.of(comment("a"))),
                new StreamAppend("request-1", 1, "accept", List.of(accepted("item-1")))));

        // A retry decided on the old versions (and a freshly generated item id) answers with the first events.
        List<List<RecordedEvent>> retry = store.appendAll(List.of(
                new StreamAppend("item-2", 0, "accept:item", List.of(comment("a"))),
                new StreamAppend("request-1", 1, "accept", List.of(accepted("item-2")))));

        assertThat(retry).isEqualTo(first);
        assertThat(store.version("item-2")).isZero();
        assertThat(store.readAll(0, 100)).hasSize(3);
    }

    @Test
    void aPartRecordedEarlierIsAnsweredWhileTheOthersAppend() {
        store.append("request-1", 0, "submit", List.of(submitted()));
        List<RecordedEvent> item = store.append("item-1", 0, "accept:item", List.of(comment("a")));

        List<List<RecordedEvent>> recorded = store.appendAll(List.of(
                new StreamAppend("item-2", 0, "accept:item", List.of(comment("a"))),
                new StreamAppend("request-1", 1, "accept", List.of(accepted("item-1")))));

        assertThat(recorded.get(0)).isEqualTo(item);
        assertThat(recorded.get(1)).extracting(RecordedEvent::version).containsExactly(2L);
        assertThat(store.version("item-2")).isZero();
        assertThat(store.readAll(0, 100)).hasSize(3);
    }

    @Test
    void oneStreamTwiceInOneAppendIsRefusedAndRecordsNothing() {
        assertThatThrownBy(() -> store.appendAll(List.of(
                new StreamAppend("item-1", 0, "c1", List.of(comment("a"))),
                new StreamAppend("item-1", 1, "c2", List.of(comment("b"))))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.readAll(0, 10)).isEmpty();
    }
}
