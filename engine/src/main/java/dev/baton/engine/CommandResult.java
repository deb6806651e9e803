package dev.baton.engine;

import dev.baton.engine.event.RecordedEvent;
import java.util.List;

/** What became of a command: the events it recorded, or why it recorded nothing. */
public sealed interface CommandResult {

    /** The stream's version after the command (for a rejection: the version it was rejected at). */
    long version();

    /**
     * Recorded: the events, in order.
     *
     * @param stream   the item or request the events belong to (the new id after a create)
     * @param replayed true when the command id had been seen before and these are the events the
     *                 first attempt recorded: a retry records nothing twice
     */
    record Recorded(String stream, long version, List<RecordedEvent> events, boolean replayed)
            implements CommandResult {
    }

    /** Rejected: nothing recorded; {@code version} is the stream's current version (0: no such stream). */
    record Rejected(Rejection rejection, long version) implements CommandResult {
    }

    default boolean rejected() {
        return this instanceof Rejected;
    }
}
