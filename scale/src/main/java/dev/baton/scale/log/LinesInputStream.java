package dev.baton.scale.log;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/** Lines as one UTF-8 text, each ended by a line break, encoded one line at a time as the reader asks. */
final class LinesInputStream extends InputStream {

    private final Iterator<String> lines;
    private byte[] current = new byte[0];
    private int at;

    LinesInputStream(Iterator<String> lines) {
        this.lines = lines;
    }

    private boolean fill() {
        while (at == current.length) {
            if (!lines.hasNext()) {
                return false;
            }
            current = (lines.next() + "\n").getBytes(StandardCharsets.UTF_8);
            at = 0;
        }
        return true;
    }

    @Override
    public int read() {
        return fill() ? current[at++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current, at, b, off, n);
        at += n;
        return n;
    }
}
