package dev.baton.measure.json;

import java.util.LinkedHashMap;

/**
 * A JSON object as a map whose keys keep the order they were put in, for the reports' JSON shapes
 * (docs/outcomes.md#json): any JSON writer writes it, so the CLI, the server and baton-scale's Spark
 * jobs write the same document.
 */
public final class JsonObject extends LinkedHashMap<String, Object> {

    private static final long serialVersionUID = 1L;

    /** Puts {@code key} (after the keys put before) and returns this object, for the next key. */
    public JsonObject with(String key, Object value) {
        put(key, value);
        return this;
    }
}
