package dev.baton.app.web.editor;

import dev.baton.model.edit.EditRefused;
import dev.baton.model.edit.ModelEdit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a form field of the editor means as an edit of the text: a value typed into an empty field
 * adds its key (and the mappings around it, such as a stage's {@code gate}), a changed value is set
 * in place, an emptied field removes its key, and an item added to a list that is not there yet
 * adds the list. Values are converted by the field's kind: numbers stay numbers only when they read
 * as one, so {@code 40%} reaches the validator as written and is reported at its field.
 */
final class FormEdits {

    /** Mappings that mean nothing once empty: removing their last key removes them. */
    private static final Set<String> EMPTY_MEANS_NOTHING = Set.of("gate", "decision", "prioritization", "intake");

    private FormEdits() {
    }

    /** The value a field's text stands for, by its kind; null for an empty field. */
    static Object value(String kind, String text) {
        String t = text == null ? "" : text.strip();
        switch (kind) {
            case "bool":
                return "true".equals(t) ? Boolean.TRUE : null;
            case "list":
                List<String> items = Arrays.stream(t.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                return items.isEmpty() ? null : items;
            case "number":
                if (t.matches("-?\\d{1,15}")) {
                    return Long.parseLong(t);
                }
                if (t.matches("-?\\d*\\.\\d+|-?\\d+\\.\\d*")) {
                    return Double.parseDouble(t);
                }
                return t.isEmpty() ? null : t;
            default:
                return t.isEmpty() ? null : t;
        }
    }

    /** The edits that give the key at {@code path} the value (null: remove it). */
    static List<ModelEdit> set(Object data, String path, Object value) throws EditRefused {
        List<Object> steps = YamlData.steps(path);
        if (steps.isEmpty()) {
            throw new EditRefused(path, "expected the path of a value to change, found the whole model");
        }
        Object old = YamlData.at(data, steps);
        if (old != YamlData.ABSENT) {
            if (value == null) {
                return List.of(ModelEdit.remove(removable(data, steps)));
            }
            if (old.equals(value instanceof List<?> || value instanceof Map<?, ?> ? value : String.valueOf(value))) {
                return List.of();
            }
            boolean scalars = !(old instanceof List<?> || old instanceof Map<?, ?>)
                    && !(value instanceof List<?> || value instanceof Map<?, ?>);
            return List.of(scalars ? ModelEdit.set(path, value) : ModelEdit.replace(path, value));
        }
        if (value == null) {
            return List.of();
        }
        int existing = steps.size() - 1;
        while (existing > 0 && YamlData.at(data, steps.subList(0, existing)) == YamlData.ABSENT) {
            existing--;
        }
        List<Object> missing = steps.subList(existing, steps.size());
        if (missing.stream().anyMatch(s -> s instanceof Integer)) {
            throw new EditRefused(path, "expected an item that exists, found none at " + YamlData.path(steps.subList(0, existing + 1)));
        }
        Object parent = YamlData.at(data, steps.subList(0, existing));
        if (!(parent instanceof Map<?, ?>)) {
            throw new EditRefused(path, "expected a mapping at " + YamlData.path(steps.subList(0, existing))
                    + " to add '" + missing.get(0) + "' to, found " + (parent == null ? "nothing" : "a single value"));
        }
        Object nested = value;
        for (int i = missing.size() - 1; i >= 1; i--) {
            Map<String, Object> wrap = new LinkedHashMap<>();
            wrap.put((String) missing.get(i), nested);
            nested = wrap;
        }
        return List.of(ModelEdit.addKey(YamlData.path(steps.subList(0, existing)), (String) missing.get(0), nested));
    }

    /** The key to remove: the key itself, or the mapping it empties when that mapping means nothing empty. */
    private static String removable(Object data, List<Object> steps) {
        List<Object> at = steps;
        while (at.size() >= 2 && at.get(at.size() - 2) instanceof String parentKey && EMPTY_MEANS_NOTHING.contains(parentKey)
                && YamlData.at(data, at.subList(0, at.size() - 1)) instanceof Map<?, ?> parent && parent.size() == 1) {
            at = at.subList(0, at.size() - 1);
        }
        return YamlData.path(at);
    }

    /** The edits that append an item to the list at {@code listPath}, adding the list when it is not there. */
    static List<ModelEdit> append(Object data, String listPath, Object item) throws EditRefused {
        Object old = YamlData.at(data, YamlData.steps(listPath));
        if (old instanceof List<?> list) {
            return List.of(ModelEdit.insert(listPath, list.size(), item));
        }
        if (old == YamlData.ABSENT || old == null) {
            List<Object> one = new ArrayList<>();
            one.add(item);
            return old == null ? List.of(ModelEdit.replace(listPath, one)) : set(data, listPath, one);
        }
        throw new EditRefused(listPath, "expected a list to add to, found a single value");
    }
}
