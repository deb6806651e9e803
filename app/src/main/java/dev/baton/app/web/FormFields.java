package dev.baton.app.web;

import dev.baton.engine.rights.Names;
import dev.baton.model.Field;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template's typed fields as form inputs (date pickers, number inputs, choices for enums,
 * people, metrics and components, a line per list entry) and the submitted form back into field
 * values. Values go to the engine as typed text; the engine checks and normalises them, so a
 * form and the API are refused for the same reasons with the same sentences.
 */
final class FormFields {

    /** Form parameters of template fields are named {@code f.FIELD-ID}. */
    static final String PREFIX = "f.";

    record Choice(String id, String name) {
    }

    record FieldView(String id, String name, String type, boolean required, String shown,
                     String input, String inputType, List<Choice> choices) {
    }

    private FormFields() {
    }

    static List<FieldView> views(OperatingModel model, Template template, Map<String, ?> values) {
        if (template == null) {
            return List.of();
        }
        List<FieldView> views = new ArrayList<>();
        for (Field f : template.fields()) {
            Object value = values == null ? null : values.get(f.id());
            String type = f.type() == null ? "text" : f.type().id();
            String inputType = switch (type) {
                case "date" -> "date";
                case "number" -> "number";
                case "url" -> "url";
                case "list" -> "list";
                case "enum", "person", "metric", "component" -> "select";
                default -> "text";
            };
            List<Choice> choices = switch (type) {
                case "enum" -> f.values() == null ? List.of() : f.values().stream().map(v -> new Choice(v, v)).toList();
                case "person" -> model.people().stream().map(p -> new Choice(p.id(), p.name())).toList();
                case "metric" -> model.metrics().stream().map(m -> new Choice(m.id(), m.name())).toList();
                case "component" -> model.components().stream().map(c -> new Choice(c.id(), c.name())).toList();
                default -> List.of();
            };
            views.add(new FieldView(f.id(), Names.field(template, f.id()), type, f.required(),
                    shown(model, type, value), input(value), inputType, choices));
        }
        return views;
    }

    /**
     * The submitted fields: every template field present in the form. A blank input is left out,
     * or clears the field when {@code current} has a value for it (editing an item).
     */
    static Map<String, Object> read(Template template, Map<String, String> params, Map<String, Object> current) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (template == null) {
            return values;
        }
        for (Field f : template.fields()) {
            String raw = params.get(PREFIX + f.id());
            if (raw == null) {
                continue;
            }
            String text = raw.trim();
            if (text.isEmpty()) {
                if (current != null && current.get(f.id()) != null) {
                    values.put(f.id(), null);
                }
                continue;
            }
            Object value = f.type() != null && "list".equals(f.type().id())
                    ? Arrays.stream(text.split("\\r?\\n|,")).map(String::trim).filter(s -> !s.isEmpty()).toList()
                    : text;
            if (current == null || !equal(current.get(f.id()), value)) {
                values.put(f.id(), value);
            }
        }
        return values;
    }

    private static boolean equal(Object stored, Object submitted) {
        return stored != null && input(stored).equals(submitted instanceof List<?> l ? input(l) : submitted.toString());
    }

    static String shown(OperatingModel model, String type, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if ("person".equals(type)) {
            return Names.person(model, value.toString());
        }
        return value.toString();
    }

    static String input(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join("\n", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Number n) {
            return number(n);
        }
        return value.toString();
    }

    static String number(Number n) {
        double d = n.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
