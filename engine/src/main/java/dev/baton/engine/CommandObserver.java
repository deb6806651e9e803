package dev.baton.engine;

/**
 * Hears every command the engine decided, with its result and how long deciding and recording
 * took: the server counts them for its metrics (recorded, rejected by code, latency). Called on
 * the command's thread after the result is known; it must be quick and must not throw.
 */
@FunctionalInterface
public interface CommandObserver {

    /** Nobody listens. */
    CommandObserver NONE = (command, result, nanos) -> { };

    /**
     * @param command the command's name, as its record is named ({@code CreateItem}, {@code Advance}, {@code SubmitRequest})
     * @param result  what became of it
     * @param nanos   the time from the call to the result
     */
    void observed(String command, CommandResult result, long nanos);
}
