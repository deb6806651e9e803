package dev.baton.engine.event;

/** Thrown when a stream has moved on since the command read it: retry on the current version. */
public final class ConcurrencyConflict extends RuntimeException {

    private final String stream;
    private final long expectedVersion;
    private final long currentVersion;

    public ConcurrencyConflict(String stream, long expectedVersion, long currentVersion) {
        super("stream " + stream + " is at version " + currentVersion + ", not " + expectedVersion);
        this.stream = stream;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public String stream() {
        return stream;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
