package dev.baton.exchange.importing;

/** Told how far a long import has read; the CLI draws a bar from it on a terminal. */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total) -> { };

    /** @param total bytes in all, or -1 when unknown */
    void advanced(long bytesDone, long total);
}
