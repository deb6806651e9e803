package dev.baton.engine;

import dev.baton.engine.Rejection.Code;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.event.RecordedEvent;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The current state of every stream of one kind (work items or intake requests), kept in memory
 * and moved on with each event the engine records. A stream's state is its events folded: the
 * first starts it, each further one moves it on.
 */
final class Streams<S> {

    private final EventStore store;
    private final Function<RecordedEvent, S> start;
    private final BiFunction<S, RecordedEvent, S> next;
    private final ToLongFunction<S> version;
    private final BiConsumer<S, S> moved;
    private final Map<String, S> states = new ConcurrentHashMap<>();

    Streams(EventStore store, Function<RecordedEvent, S> start, BiFunction<S, RecordedEvent, S> next,
            ToLongFunction<S> version) {
        this(store, start, next, version, (before, after) -> { });
    }

    /**
     * @param moved told of every state change (before: null for a new stream), in order per
     *              stream: keeps indexes over the states, such as the engine's {@link ItemIndex}
     */
    Streams(EventStore store, Function<RecordedEvent, S> start, BiFunction<S, RecordedEvent, S> next,
            ToLongFunction<S> version, BiConsumer<S, S> moved) {
        this.store = store;
        this.start = start;
        this.next = next;
        this.version = version;
        this.moved = moved;
    }

    /** Sets a stream's state; the map entry stays locked while the indexes are told, so they see its moves in order. */
    private void put(String stream, S state) {
        states.compute(stream, (k, before) -> {
            moved.accept(before, state);
            return state;
        });
    }

    /** The stream's state, read from the store when not known yet; null when there is no such stream. */
    S get(String stream) {
        S state = states.get(stream);
        return state != null ? state : reload(stream);
    }

    /** The stream's state as the store has it now. */
    S reload(String stream) {
        S state = null;
        for (RecordedEvent e : store.read(stream)) {
            state = state == null ? begin(e) : next.apply(state, e);
        }
        if (state != null) {
            put(stream, state);
        }
        return state;
    }

    /**
     * The state a stream's first event starts, or null. Imported history (model version 0: not tied
     * to a stored model, docs/event-log.md) is never a stream the engine runs: it has no model
     * version to decide commands against, and analysis reads it from the log as it is.
     */
    private S begin(RecordedEvent e) {
        return e.modelVersion() == IMPORTED ? null : start.apply(e);
    }

    /** The model version of imported events. */
    static final int IMPORTED = 0;

    Collection<S> all() {
        return states.values();
    }

    /**
     * Moves a stream on by an event read while catching up with the store. Reading the log again
     * is harmless: an event the state already has (this process recorded it, or reread the stream
     * after a conflict) is skipped. An event that does not follow the state (a stream this process
     * never saw from its start) rereads the stream. Imported history is skipped as {@link #begin} does.
     */
    void caughtUp(RecordedEvent e) {
        S state = states.get(e.stream());
        if (state == null && e.modelVersion() == IMPORTED) {
            return;
        }
        long known = state == null ? 0 : version.applyAsLong(state);
        if (e.version() <= known) {
            return;
        }
        if (e.version() != known + 1) {
            reload(e.stream());
            return;
        }
        S moved = state == null ? begin(e) : next.apply(state, e);
        if (moved != null) {
            put(e.stream(), moved);
        }
    }

    /**
     * The result of an append: the events folded into the stream's state. When the store answered
     * with an earlier command's events (the command id was a retry), they are replayed; when those
     * belong to another stream than {@code expectedStream} (null: any), the id was reused.
     */
    CommandResult recorded(String expectedStream, List<RecordedEvent> recorded) {
        String stream = recorded.get(0).stream();
        if (expectedStream != null && !expectedStream.equals(stream)) {
            return reused(recorded, store.version(expectedStream));
        }
        S before = states.get(stream);
        long first = recorded.get(0).version();
        boolean fresh = before == null && first == 1;
        if (fresh || before != null && version.applyAsLong(before) == first - 1) {
            S state = before;
            for (RecordedEvent e : recorded) {
                state = state == null ? start.apply(e) : next.apply(state, e);
            }
            put(stream, state);
            return new CommandResult.Recorded(stream, version.applyAsLong(state), recorded, false);
        }
        reload(stream);
        return replayed(recorded);
    }

    /**
     * A rejection, unless the command id was seen before: then the command is a retry and its
     * first attempt's events answer it (the retry may be refused now only because it succeeded).
     */
    CommandResult rejectedUnlessRetried(String commandId, String stream, Rejection rejection, long currentVersion) {
        if (commandId != null) {
            List<RecordedEvent> earlier = store.byCommandId(commandId).orElse(List.of());
            if (!earlier.isEmpty()) {
                return stream == null || stream.equals(earlier.get(0).stream()) ? replayed(earlier)
                        : reused(earlier, currentVersion);
            }
        }
        return new CommandResult.Rejected(rejection, currentVersion);
    }

    private static CommandResult replayed(List<RecordedEvent> e) {
        return new CommandResult.Recorded(e.get(0).stream(), e.get(e.size() - 1).version(), e, true);
    }

    private static CommandResult reused(List<RecordedEvent> earlier, long currentVersion) {
        return new CommandResult.Rejected(new Rejection(Code.INVALID_INPUT, "The command id '"
                + earlier.get(0).commandId() + "' was already used for " + earlier.get(0).stream()
                + "; use a new id for a new command"), currentVersion);
    }
}
