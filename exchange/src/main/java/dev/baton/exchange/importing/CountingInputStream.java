package dev.baton.exchange.importing;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports the bytes read so far to a {@link Progress} (imports and exports), at most every 256 kB, so progress costs nothing measurable. */
public final class CountingInputStream extends FilterInputStream {

    private static final long STEP = 256 * 1024;
    private final Progress progress;
    private final long total;
    private long count;
    private long reported;

    /** @param total bytes in all, or -1 when unknown */
    public CountingInputStream(InputStream in, long total, Progress progress) {
        super(in);
        this.total = total;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        count += n;
        if (count - reported >= STEP) {
            reported = count;
            // Short of the end until finish(): a reader may still put what it read in order, and a
            // bar at 100% would be taken down while the work goes on.
            progress.advanced(total > 0 ? Math.min(count, total - 1) : count, total);
        }
    }

    /** Reports the end: the whole file read. */
    public void finish() {
        progress.advanced(total >= 0 ? total : count, total);
    }
}
