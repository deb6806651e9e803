package dev.baton.scale.log;

import dev.baton.engine.event.BatonEvent;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.engine.jsonl.EventTypes;
import dev.baton.engine.jsonl.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a line's envelope says of its event without its payload — its type, when it happened, its
 * source's id and its import batch — for a pass over a whole log that needs no more (where the log
 * ends, which systems it was recorded in, whether it holds meetings). Cut from the bytes, as
 * {@link LineKey} cuts the stream and position (Baton writes these keys before {@code data}), and
 * decoded when the cut is not sure; null for a line that cannot be decoded, which the pass that
 * reads the payloads says.
 *
 * @param atMillis epoch milliseconds
 */
public record Envelope(Class<? extends BatonEvent> type, long atMillis, String eventId, String batch) {

    private static final ThreadLocal<EventCodec> CODEC = ThreadLocal.withInitial(EventCodec::new);
    private static final byte[] DATA = LineKey.ascii("\"data\"");
    private static final byte[] TYPE = LineKey.ascii("\"type\":\"");
    private static final byte[] AT = LineKey.ascii("\"at\":\"");
    private static final byte[] ID = LineKey.ascii("\"id\":");
    private static final byte[] BATCH = LineKey.ascii("\"batch\":");
    private static final byte[] NULL = LineKey.ascii("null");
    /** Marks a value the cut is not sure of. */
    private static final String UNSURE = "\u0000unsure";

    public static Envelope of(byte[] line) {
        int data = LineKey.indexOf(line, DATA, 0);
        int end = data < 0 ? line.length : data;
        int typeKey = LineKey.indexOf(line, TYPE, 0, end);
        int atKey = LineKey.indexOf(line, AT, 0, end);
        if (data > 0 && typeKey > 0 && atKey > 0) {
            String typeName = LineKey.string(line, typeKey + TYPE.length);
            String at = LineKey.string(line, atKey + AT.length);
            Class<? extends BatonEvent> type = typeName == null ? null : EventTypes.byName(typeName);
            Instant when = at == null ? null : Timestamps.utcSeconds(at);
            String id = optional(line, ID, end);
            String batch = optional(line, BATCH, end);
            if (type != null && when != null && id != UNSURE && batch != UNSURE && whole(line)) {
                return new Envelope(type, when.toEpochMilli(), id, batch);
            }
        }
        try {
            RecordedEvent e = CODEC.get().decode(new String(line, StandardCharsets.UTF_8));
            return new Envelope(e.event().getClass(), e.at().toEpochMilli(), e.eventId(), e.batch());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Whether the line is one whole JSON object as far as its brackets and strings go: a line cut
     * short (a writer that crashed) or otherwise broken is decoded, so that a reader that skips
     * lines by their envelope (discovery keeps only activities) still says it, as one machine does.
     */
    static boolean whole(byte[] line) {
        int depth = 0;
        boolean string = false;
        int last = -1;
        for (int i = 0; i < line.length; i++) {
            byte c = line[i];
            if (string) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    string = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> string = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    depth--;
                    if (depth < 0) {
                        return false;
                    }
                    if (depth == 0) {
                        last = i;
                    }
                }
                default -> {
                }
            }
        }
        if (string || depth != 0 || last < 0) {
            return false;
        }
        for (int i = last + 1; i < line.length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return line.length > 0 && line[0] == '{';
    }

    /** A string key that may be absent or null: its value, null, or {@link #UNSURE}. */
    @SuppressWarnings("StringEquality")
    private static String optional(byte[] line, byte[] key, int end) {
        int at = LineKey.indexOf(line, key, 0, end);
        if (at < 0) {
            return null;
        }
        int value = at + key.length;
        while (value < end && line[value] == ' ') {
            value++;
        }
        if (value < end && line[value] == '"') {
            String text = LineKey.string(line, value + 1);
            return text == null ? UNSURE : text;
        }
        return value + NULL.length <= end && LineKey.indexOf(line, NULL, value, value + NULL.length) == value ? null : UNSURE;
    }
}
