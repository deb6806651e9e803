package dev.baton.exchange.streaming;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.LongFunction;

/**
 * An export made up on the fly, element by element, as it is read: it is never held whole, so a
 * reader that gets through it without holding it whole shows that it streams. Counts the bytes
 * it gave.
 */
final class GeneratedInput extends InputStream {

    private final String head;
    private final long count;
    private final LongFunction<String> element;
    private final String separator;
    private final String tail;
    private long next = -1;
    private byte[] chunk = new byte[0];
    private int pos;
    private boolean done;
    private long bytes;

    /** {@code head}, then elements 0 … count-1 separated by {@code separator}, then {@code tail}. */
    GeneratedInput(String head, long count, LongFunction<String> element, String separator, String tail) {
        this.head = head;
        this.count = count;
        this.element = element;
        this.separator = separator;
        this.tail = tail;
    }

    long bytes() {
        return bytes;
    }

    private boolean fill() {
        while (pos >= chunk.length) {
            if (done) {
                return false;
            }
            String text;
            if (next < 0) {
                text = head;
            } else if (next < count) {
                text = (next > 0 ? separator : "") + element.apply(next);
            } else {
                text = tail;
                done = true;
            }
            next++;
            chunk = text.getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        return true;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        bytes++;
        return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        bytes += n;
        return n;
    }
}
