package dev.baton.model.edit;

import java.util.List;
import java.util.Map;

/**
 * One change a model editor makes, addressed by {@link ModelPath}. Values are texts, numbers,
 * true/false, lists and mappings (in the order their keys should be written); a text stays a text
 * whatever it looks like ({@code "2.0"}, {@code "yes"} are quoted when written).
 */
public sealed interface ModelEdit {

    /** Where the edit applies, as given. */
    String path();

    /** A new value for an existing single value ({@code sla: 2d} → {@code sla: 3d}), written in its quoting style. */
    record SetValue(String path, Object value) implements ModelEdit {
        public SetValue {
            requireScalar(value);
        }
    }

    /** Any existing value replaced by a new one (a mapping, a list, a value), indented to fit its place. */
    record Replace(String path, Object value) implements ModelEdit {
        public Replace {
            requireValue(value);
        }
    }

    /**
     * A new key in the mapping at {@code path}, after the key {@code after} (after the last key when null),
     * indented like its siblings, or written inside the braces of a flow mapping.
     */
    record AddKey(String path, String key, Object value, String after) implements ModelEdit {
        public AddKey {
            requireValue(value);
        }
    }

    /** A key renamed where it stands; its value, comments and place are kept. */
    record RenameKey(String path, String newKey) implements ModelEdit {
    }

    /** A key (with the comment lines above it) or a list item removed. */
    record Remove(String path) implements ModelEdit {
    }

    /** A new item at {@code index} of the list at {@code path} (its length appends), written like its siblings. */
    record Insert(String path, int index, Object value) implements ModelEdit {
        public Insert {
            requireValue(value);
        }
    }

    /** A list item moved to position {@code index}, with its comment lines, the others keeping their order. */
    record Move(String path, int index) implements ModelEdit {
    }

    static SetValue set(String path, Object value) {
        return new SetValue(path, value);
    }

    static Replace replace(String path, Object value) {
        return new Replace(path, value);
    }

    static AddKey addKey(String path, String key, Object value) {
        return new AddKey(path, key, value, null);
    }

    static AddKey addKey(String path, String key, Object value, String after) {
        return new AddKey(path, key, value, after);
    }

    static RenameKey rename(String path, String newKey) {
        return new RenameKey(path, newKey);
    }

    static Remove remove(String path) {
        return new Remove(path);
    }

    static Insert insert(String path, int index, Object value) {
        return new Insert(path, index, value);
    }

    static Move move(String path, int index) {
        return new Move(path, index);
    }

    private static void requireScalar(Object value) {
        if (!(value == null || value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw new IllegalArgumentException("expected a text, a number or true/false, found " + value.getClass().getSimpleName());
        }
    }

    private static void requireValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!(k instanceof String)) {
                    throw new IllegalArgumentException("expected text keys, found " + k);
                }
                requireValue(v);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(ModelEdit::requireValue);
        } else {
            requireScalar(value);
        }
    }
}
