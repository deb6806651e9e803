package dev.baton.scale.log;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** Lines as one UTF-8 text, each ended by a line break, encoded one line at a time as the reader asks. */
public final class LinesInputStream extends InputStream {

    private final Iterator<byte[]> lines;
    private byte[] current = new byte[0];
    private int at;
    private boolean ended = true;

    LinesInputStream(Iterator<String> lines) {
        this(new Iterator<byte[]>() {
            @Override
            public boolean hasNext() {
                return lines.hasNext();
            }

            @Override
            public byte[] next() {
                return lines.next().getBytes(StandardCharsets.UTF_8);
            }
        }, true);
    }

    /** Lines of text, each followed by a line break as it is read. */
    public static LinesInputStream of(Iterator<String> lines) {
        return new LinesInputStream(lines);
    }

    /** Lines already in UTF-8, not copied: each is followed by its line break as it is read. */
    static LinesInputStream ofBytes(Iterator<byte[]> lines) {
        return new LinesInputStream(lines, true);
    }

    private LinesInputStream(Iterator<byte[]> lines, boolean bytes) { // the flag only tells the constructors apart
        this.lines = lines;
    }

    /** True when a byte is to be read: the current line's, or the line break that ends it (at == length). */
    private boolean fill() {
        while (ended) {
            if (!lines.hasNext()) {
                return false;
            }
            current = lines.next();
            at = 0;
            ended = false;
        }
        return true;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        if (at == current.length) {
            ended = true;
            return '\n';
        }
        return current[at++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        if (at == current.length) {
            b[off] = '\n';
            ended = true;
            return 1;
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current, at, b, off, n);
        at += n;
        if (n < len && at == current.length) {
            b[off + n] = '\n';
            ended = true;
            n++;
        }
        return n;
    }
}
