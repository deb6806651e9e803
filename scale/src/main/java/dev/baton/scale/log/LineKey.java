package dev.baton.scale.log;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import java.nio.charset.StandardCharsets;

/**
 * The stream and position of one JSONL line, which is all the shuffle needs: found by a scan of the
 * envelope's bytes (Baton writes {@code position} and {@code stream} before {@code data}), and by
 * decoding the line when the scan is not sure. A line that cannot be decoded gets the stream
 * {@link #UNREADABLE}, whose reading then reports the problem as the single-machine reader does.
 */
record LineKey(String stream, long position) {

    static final String UNREADABLE = "\u0000unreadable";

    private static final ThreadLocal<EventCodec> CODEC = ThreadLocal.withInitial(EventCodec::new);
    private static final byte[] DATA = ascii("\"data\"");
    private static final byte[] STREAM = ascii("\"stream\":\"");
    private static final byte[] POSITION = ascii("\"position\":");

    static LineKey of(String line) {
        return of(line.getBytes(StandardCharsets.UTF_8));
    }

    /** The key of a line given as its UTF-8 bytes (a Java string is made of the stream only). */
    static LineKey of(byte[] line) {
        int data = indexOf(line, DATA, 0);
        int end = data < 0 ? line.length : data;
        int streamKey = indexOf(line, STREAM, 0, end);
        int positionKey = indexOf(line, POSITION, 0, end);
        if (streamKey > 0 && positionKey > 0) {
            String stream = string(line, streamKey + STREAM.length);
            long position = number(line, positionKey + POSITION.length);
            if (stream != null && position > 0) {
                return new LineKey(stream, position);
            }
        }
        try {
            RecordedEvent event = CODEC.get().decode(new String(line, StandardCharsets.UTF_8));
            return new LineKey(event.stream(), event.position());
        } catch (RuntimeException e) {
            return new LineKey(UNREADABLE, Long.MAX_VALUE);
        }
    }

    static int indexOf(byte[] line, byte[] what, int from) {
        return indexOf(line, what, from, line.length);
    }

    /** Where {@code what} starts in {@code line} between {@code from} and {@code to}, or -1. */
    static int indexOf(byte[] line, byte[] what, int from, int to) {
        byte first = what[0];
        outer:
        for (int i = from, last = to - what.length; i <= last; i++) {
            if (line[i] != first) {
                continue;
            }
            for (int j = 1; j < what.length; j++) {
                if (line[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The JSON string starting at {@code from} (after its opening quote), or null when it has escapes. */
    static String string(byte[] line, int from) {
        for (int i = from; i < line.length; i++) {
            byte c = line[i];
            if (c == '\\') {
                return null;
            }
            if (c == '"') {
                return new String(line, from, i - from, StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static long number(byte[] line, int from) {
        long value = 0;
        int i = from;
        while (i < line.length && line[i] == ' ') {
            i++;
        }
        int start = i;
        while (i < line.length && line[i] >= '0' && line[i] <= '9' && i - start < 18) {
            value = value * 10 + (line[i] - '0');
            i++;
        }
        return i == start ? -1 : value;
    }
}
