package dev.baton.engine.io;

/**
 * A gzip stream that expands beyond {@link Gzip.Limits}: the message says how far it expanded,
 * from how many compressed bytes, and how to raise the limit. Nothing read from it may be kept.
 */
public final class ExpansionRefusedException extends InputRefusedException {

    private final long expanded;
    private final long compressed;

    public ExpansionRefusedException(String message, long expanded, long compressed) {
        super(message);
        this.expanded = expanded;
        this.compressed = compressed;
    }

    /** Decompressed bytes read when refused. */
    public long expanded() {
        return expanded;
    }

    /** Compressed bytes read when refused. */
    public long compressed() {
        return compressed;
    }
}
