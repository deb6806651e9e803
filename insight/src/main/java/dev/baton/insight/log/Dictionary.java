package dev.baton.insight.log;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dictionary encoding of the strings of a log: each distinct string gets a dense code
 * {@code 0, 1, 2, …} in order of first appearance, so that columns hold ints instead of
 * millions of repeated strings.
 */
public final class Dictionary implements java.io.Serializable {

    private final Map<String, Integer> codes = new HashMap<>();
    private final List<String> values = new ArrayList<>();

    /** The code of {@code value}, adding it when new. */
    public int encode(String value) {
        Integer code = codes.get(value);
        if (code == null) {
            code = values.size();
            codes.put(value, code);
            values.add(value);
        }
        return code;
    }

    /** The code of {@code value}, or -1 when it never occurred. */
    public int code(String value) {
        return codes.getOrDefault(value, -1);
    }

    public String decode(int code) {
        return values.get(code);
    }

    public int size() {
        return values.size();
    }

    /** Every value in code order. */
    public List<String> values() {
        return List.copyOf(values);
    }
}
