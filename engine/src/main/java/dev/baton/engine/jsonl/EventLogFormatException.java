package dev.baton.engine.jsonl;

/** A line of a JSONL event log that is not an event as docs/event-log.md describes it. */
public final class EventLogFormatException extends RuntimeException {

    private final long line;

    public EventLogFormatException(long line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** The 1-based line number in the file, or 0 when the text did not come from a file. */
    public long line() {
        return line;
    }
}
