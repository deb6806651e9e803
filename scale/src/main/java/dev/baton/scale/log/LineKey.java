package dev.baton.scale.log;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;

/**
 * The stream and position of one JSONL line, which is all the shuffle needs: found by a scan of the
 * envelope (Baton writes {@code position} and {@code stream} before {@code data}), and by decoding
 * the line when the scan is not sure. A line that cannot be decoded gets the stream
 * {@link #UNREADABLE}, whose reading then reports the problem as the single-machine reader does.
 */
record LineKey(String stream, long position) {

    static final String UNREADABLE = "\u0000unreadable";

    private static final ThreadLocal<EventCodec> CODEC = ThreadLocal.withInitial(EventCodec::new);

    static LineKey of(String line) {
        int data = line.indexOf("\"data\"");
        int streamKey = line.indexOf("\"stream\":\"");
        int positionKey = line.indexOf("\"position\":");
        if (streamKey > 0 && positionKey > 0 && (data < 0 || (streamKey < data && positionKey < data))) {
            String stream = string(line, streamKey + 10);
            long position = number(line, positionKey + 11);
            if (stream != null && position > 0) {
                return new LineKey(stream, position);
            }
        }
        try {
            RecordedEvent event = CODEC.get().decode(line);
            return new LineKey(event.stream(), event.position());
        } catch (RuntimeException e) {
            return new LineKey(UNREADABLE, Long.MAX_VALUE);
        }
    }

    /** The JSON string starting at {@code from} (after its opening quote), or null when it has escapes. */
    private static String string(String line, int from) {
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                return null;
            }
            if (c == '"') {
                return line.substring(from, i);
            }
        }
        return null;
    }

    private static long number(String line, int from) {
        long value = 0;
        int i = from;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int start = i;
        while (i < line.length() && Character.isDigit(line.charAt(i)) && i - start < 18) {
            value = value * 10 + (line.charAt(i) - '0');
            i++;
        }
        return i == start ? -1 : value;
    }
}
