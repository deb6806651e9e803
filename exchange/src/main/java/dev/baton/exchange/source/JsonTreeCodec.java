package dev.baton.exchange.source;

import static dev.baton.exchange.io.SpillSort.readString;
import static dev.baton.exchange.io.SpillSort.writeString;

import dev.baton.exchange.io.SpillSort;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree read with {@link JsonSource#tree} (Map, List, String, Number, Boolean, null) as bytes, so
 * that a reader can put elements (a Trello action, a GitHub event) in order on disk and read them
 * back as they were.
 */
public final class JsonTreeCodec implements SpillSort.Codec<Object> {

    public static final JsonTreeCodec INSTANCE = new JsonTreeCodec();

    private static final byte NULL = 0;
    private static final byte STRING = 1;
    private static final byte LONG = 2;
    private static final byte DOUBLE = 3;
    private static final byte TRUE = 4;
    private static final byte FALSE = 5;
    private static final byte MAP = 6;
    private static final byte LIST = 7;
    private static final byte BIG = 8;

    private JsonTreeCodec() {
    }

    @Override
    public void write(DataOutput out, Object value) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String s) {
            out.writeByte(STRING);
            writeString(out, s);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.writeByte(LONG);
            out.writeLong(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            out.writeByte(DOUBLE);
            out.writeDouble(((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            // BigInteger, BigDecimal: kept exactly, as their text
            out.writeByte(BIG);
            out.writeBoolean(n instanceof BigInteger);
            writeString(out, n.toString());
        } else if (value instanceof Boolean b) {
            out.writeByte(b ? TRUE : FALSE);
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeString(out, String.valueOf(e.getKey()));
                write(out, e.getValue());
            }
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (Object o : list) {
                write(out, o);
            }
        } else {
            throw new IllegalArgumentException("not a JSON tree value: " + value.getClass().getName());
        }
    }

    @Override
    public Object read(DataInput in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL:
                return null;
            case STRING:
                return readString(in);
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            case BIG: {
                boolean integer = in.readBoolean();
                String text = readString(in);
                return integer ? new BigInteger(text) : new BigDecimal(text);
            }
            case MAP: {
                int n = in.readInt();
                Map<String, Object> map = new HashMap<>(Math.max(4, n * 2));
                for (int i = 0; i < n; i++) {
                    String key = readString(in);
                    map.put(key, read(in));
                }
                return map;
            }
            case LIST: {
                int n = in.readInt();
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(read(in));
                }
                return list;
            }
            default:
                throw new IOException("corrupt sort file: unknown tag " + tag);
        }
    }
}
