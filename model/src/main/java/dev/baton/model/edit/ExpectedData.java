package dev.baton.model.edit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the file should mean after an edit, worked out on plain data (texts, lists, mappings in
 * written order) rather than on text. The editor compares it with what the edited text reads
 * back as, so a splice that changed anything else than the edit asked for is caught before the
 * text is handed out.
 */
final class ExpectedData {

    private ExpectedData() {
    }

    static Object after(Object document, ModelEdit edit, ModelPath path) {
        Object doc = copy(document);
        if (path.isRoot() && (edit instanceof ModelEdit.SetValue || edit instanceof ModelEdit.Replace)) {
            return FreshYaml.asRead(edit instanceof ModelEdit.SetValue s ? s.value() : ((ModelEdit.Replace) edit).value());
        }
        // a key added to, or an item inserted into, the value at the path itself (the root included)
        if (edit instanceof ModelEdit.AddKey a) {
            addAfter(map(at(doc, path)), a.key(), FreshYaml.asRead(a.value()), a.after());
            return doc;
        }
        if (edit instanceof ModelEdit.Insert i) {
            list(at(doc, path)).add(i.index(), FreshYaml.asRead(i.value()));
            return doc;
        }
        Object parent = at(doc, path.parent());
        ModelPath.Segment last = path.last();
        if (edit instanceof ModelEdit.SetValue s) {
            put(parent, last, FreshYaml.asRead(s.value()));
        } else if (edit instanceof ModelEdit.Replace r) {
            put(parent, last, FreshYaml.asRead(r.value()));
        } else if (edit instanceof ModelEdit.RenameKey r) {
            rename(map(parent), ((ModelPath.Key) last).name(), r.newKey());
        } else if (edit instanceof ModelEdit.Move m) {
            list(parent).add(m.index(), list(parent).remove(index(parent, last)));
        } else if (last instanceof ModelPath.Key key) {
            map(parent).remove(key.name());
        } else {
            list(parent).remove(index(parent, last));
        }
        return doc;
    }

    /** Equal values, mappings with their keys in the same order. */
    static boolean same(Object a, Object b) {
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            Iterator<? extends Map.Entry<?, ?>> i = x.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> j = y.entrySet().iterator();
            while (i.hasNext()) {
                Map.Entry<?, ?> e = i.next();
                Map.Entry<?, ?> f = j.next();
                if (!Objects.equals(e.getKey(), f.getKey()) || !same(e.getValue(), f.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int k = 0; k < x.size(); k++) {
                if (!same(x.get(k), y.get(k))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

    private static Object at(Object doc, ModelPath path) {
        Object node = doc;
        for (ModelPath.Segment segment : path.segments()) {
            node = segment instanceof ModelPath.Key key ? map(node).get(key.name()) : list(node).get(index(node, segment));
        }
        return node;
    }

    private static int index(Object list, ModelPath.Segment segment) {
        ModelPath.Item item = (ModelPath.Item) segment;
        if (item.id() == null) {
            return item.index();
        }
        List<Object> items = list(list);
        for (int k = 0; k < items.size(); k++) {
            Object v = items.get(k);
            Object id = v instanceof Map<?, ?> m ? m.get("id") : v;
            if (item.id().equals(id)) {
                return k;
            }
        }
        return -1;
    }

    private static void put(Object parent, ModelPath.Segment last, Object value) {
        if (last instanceof ModelPath.Key key) {
            map(parent).put(key.name(), value);
        } else {
            list(parent).set(index(parent, last), value);
        }
    }

    private static void addAfter(Map<String, Object> map, String key, Object value, String after) {
        Map<String, Object> rebuilt = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            rebuilt.put(k, v);
            if (k.equals(after)) {
                rebuilt.put(key, value);
            }
        });
        rebuilt.putIfAbsent(key, value);
        map.clear();
        map.putAll(rebuilt);
    }

    private static void rename(Map<String, Object> map, String from, String to) {
        Map<String, Object> rebuilt = new LinkedHashMap<>();
        map.forEach((k, v) -> rebuilt.put(k.equals(from) ? to : k, v));
        map.clear();
        map.putAll(rebuilt);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
