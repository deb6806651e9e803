package dev.baton.exchange.source;

import dev.baton.engine.io.JsonProblem;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Streaming JSON for the readers: a parser over the export, small trees for one element at a
 * time (an issue, a task, an action) and errors that say where the text broke. Only one element
 * is held at a time, so an export larger than memory still streams.
 */
public final class JsonSource implements AutoCloseable {

    private static final JsonFactory FACTORY = JsonProblem.FACTORY;

    private final JsonParser parser;
    private final String expectedShape;

    public JsonSource(InputStream in, String expectedShape) {
        this.expectedShape = expectedShape;
        try {
            this.parser = FACTORY.createParser(in);
        } catch (JacksonException e) {
            throw broken(e);
        }
    }

    public JsonParser parser() {
        return parser;
    }

    /** The next token; a syntax error or an early end of input becomes a {@link SourceFormatException}. */
    public JsonToken next() {
        try {
            JsonToken token = parser.nextToken();
            if (token == null && parser.streamReadContext() != null && !parser.streamReadContext().inRoot()) {
                throw new SourceFormatException(where(), "the file ends in the middle of a JSON value (truncated?)");
            }
            return token;
        } catch (JacksonException e) {
            throw broken(e);
        }
    }

    /**
     * For a property whose {@code value} should be a list of objects: the token of its first
     * element, or END_ARRAY when empty; loop with {@link #nextObject()} after reading each element.
     */
    public JsonToken firstObject(JsonToken value) {
        if (value != JsonToken.START_ARRAY) {
            throw wrongShape("\"" + name() + "\" that is not a list");
        }
        return nextObject();
    }

    /** The next element of a list of objects: START_OBJECT, or END_ARRAY at its end. */
    public JsonToken nextObject() {
        JsonToken t = next();
        if (t != JsonToken.END_ARRAY && t != JsonToken.START_OBJECT) {
            throw wrongShape("a list holding " + t);
        }
        return t;
    }

    /** The current field name (when on a property name or its value). */
    public String name() {
        return parser.currentName();
    }

    /** Skips the value the parser is on (a whole object or array). */
    public void skip() {
        try {
            parser.skipChildren();
        } catch (JacksonException e) {
            throw broken(e);
        }
    }

    /** The value at the current token as a tree of Map, List, String, Number, Boolean and null. */
    public Object tree(Set<String> skipKeys) {
        try {
            return value(parser.currentToken(), skipKeys);
        } catch (JacksonException e) {
            throw broken(e);
        }
    }

    private Object value(JsonToken token, Set<String> skipKeys) {
        if (token == null) {
            throw new SourceFormatException(where(), "the file ends in the middle of a JSON value (truncated?)");
        }
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new HashMap<>();
                String key;
                while ((key = parser.nextName()) != null) {
                    JsonToken valueToken = parser.nextToken();
                    if (skipKeys.contains(key)) {
                        parser.skipChildren();
                    } else {
                        map.put(key, value(valueToken, skipKeys));
                    }
                }
                if (parser.currentToken() != JsonToken.END_OBJECT) {
                    throw new SourceFormatException(where(), "the file ends in the middle of a JSON object (truncated?)");
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken t;
                while ((t = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new SourceFormatException(where(), "the file ends in the middle of a JSON array (truncated?)");
                    }
                    list.add(value(t, skipKeys));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getString();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                Number number = parser.getNumberValue();
                if (number instanceof Double d && d.isInfinite()) {
                    // 1e400 would become Infinity (and an item "issue-Infinity"): no export means it.
                    throw new SourceFormatException(where(), "the number " + parser.getText()
                            + " is too large to be read as a number");
                }
                return number;
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new SourceFormatException(where(), "expected a JSON value, found " + token);
        }
    }

    /** {@code line L, column C} of the current token. */
    public String where() {
        return where(parser.currentLocation());
    }

    static String where(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A "this is not the expected kind of file" error at the current place. */
    public SourceFormatException wrongShape(String found) {
        return new SourceFormatException(where(), "expected " + expectedShape + ", found " + found);
    }

    /** A Jackson error as a {@link SourceFormatException} that says what is wrong in a sentence, and where. */
    public static SourceFormatException broken(JacksonException e) {
        return new SourceFormatException(where(e.getLocation()), JsonProblem.of(e).message(), e);
    }

    @Override
    public void close() {
        parser.close();
    }

    // ---- small accessors for trees read with tree() ----

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object tree, String key) {
        Object value = tree instanceof Map<?, ?> m ? m.get(key) : null;
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object tree, String key) {
        Object value = tree instanceof Map<?, ?> m ? m.get(key) : null;
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    /** A scalar as text (numbers and booleans too); null when absent, null or not a scalar. */
    public static String text(Object tree, String key) {
        Object value = tree instanceof Map<?, ?> m ? m.get(key) : null;
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    /**
     * An id as tools write it: text, or a whole number of at most 64 bits; null when absent.
     *
     * @throws SourceFormatException at {@code where} for a fraction, an exponent or a huger number,
     *                               which would make a wrong item id without a word
     */
    public static String id(Object tree, String key, String where) {
        Object value = tree instanceof Map<?, ?> m ? m.get(key) : null;
        if (value == null || value instanceof String) {
            return (String) value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof java.math.BigInteger b && b.bitLength() < 64) {
            return value.toString();
        }
        throw new SourceFormatException(where, "expected \"" + key + "\" to be a whole number (an id), found "
                + (value instanceof java.math.BigInteger ? "a number of " + value.toString().length() + " digits" : value));
    }

    /** The text of {@code tree.key.inner}, e.g. {@code fields.status.name}. */
    public static String text(Object tree, String key, String inner) {
        return text(object(tree, key), inner);
    }
}
