package dev.baton.engine;

import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.PendingEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.event.StreamAppend;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Appends decided events to the store with the envelope the log needs. */
final class Recorder {

    private final EventStore store;
    private final Clock clock;

    Recorder(EventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Now, to the millisecond: what every store keeps, so a reread event equals the one recorded. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Appends; the store answers a retried command id with the first attempt's events. Throws
     * {@link dev.baton.engine.event.ConcurrencyConflict} when the stream moved on.
     */
    List<RecordedEvent> append(String stream, long expectedVersion, String commandId, Actor actor, String workType,
                               int modelVersion, List<? extends BatonEvent> events) {
        return store.append(stream, expectedVersion, commandId, pending(now(), actor, workType, modelVersion, events));
    }

    /** Appends to several streams, all or nothing ({@link EventStore#appendAll}). */
    List<List<RecordedEvent>> appendAll(List<StreamAppend> parts) {
        return store.appendAll(parts);
    }

    /** The events with their envelope, all at one time. */
    static List<PendingEvent> pending(Instant at, Actor actor, String workType, int modelVersion,
                                      List<? extends BatonEvent> events) {
        List<PendingEvent> pending = new ArrayList<>(events.size());
        for (BatonEvent e : events) {
            pending.add(new PendingEvent(at, actor.personId(), workType, modelVersion, e));
        }
        return pending;
    }

    static Rejection stale(String what, long expected, long current) {
        return new Rejection(Code.STALE_VERSION, "Someone changed this " + what + " while you were looking at it"
                + " (it is at version " + current + ", you saw version " + expected + "); reload it and try again");
    }
}
