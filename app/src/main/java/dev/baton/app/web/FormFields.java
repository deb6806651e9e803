package dev.baton.app.web;

import dev.baton.engine.rights.Names;
import dev.baton.model.Field;
import dev.baton.model.OperatingModel;
import dev.baton.model.Prioritization;
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
public final class FormFields {

    /** Form parameters of template fields are named {@code f.FIELD-ID}. */
    public static final String PREFIX = "f.";

    public record Choice(String id, String name) {
    }

    /**
     * One field as a form shows it: {@code kind} is the type in words ("due date", "start date",
     * "one of", "number"...), {@code hint} what to fill in (the model's description, else the
     * prioritisation scheme's scale for its inputs, else what a date means), {@code allowed} the
     * choices of an enum in words, {@code overdue} whether a due date is past.
     */
    public record FieldView(String id, String name, String type, boolean required, String shown,
                     String input, String inputType, List<Choice> choices, String kind, String hint,
                     String allowed, boolean overdue) {
        /** The ids of the texts describing the input (hint, allowed values, overdue flag, error), for aria-describedby. */
        public String describedBy(boolean error) {
            String ids = (hint != null ? "hint-" + id + " " : "") + (allowed != null ? "allowed-" + id + " " : "")
                    + (overdue ? "overdue-" + id + " " : "") + (error ? "err-" + id : "");
            return ids.isBlank() ? null : ids.trim();
        }
    }

    /** Texts of date fields without a description: what their date means. */
    static final String START_HINT = "Start date: the day the work begins.";
    static final String DUE_HINT = "Due date: an open item past this day is flagged overdue.";

    /** A date field that says when work starts ({@code start-date}, {@code kickoff}...), not when it is due. */
    static boolean startDate(Field f) {
        return f.startDate();
    }

    private FormFields() {
    }

    public static List<FieldView> views(OperatingModel model, Template template, Map<String, ?> values) {
        return views(model, template, values, null);
    }

    /** As {@link #views(OperatingModel, Template, Map)}, {@code today} flagging past due dates (null: none flagged). */
    static List<FieldView> views(OperatingModel model, Template template, Map<String, ?> values, java.time.LocalDate today) {
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
            boolean start = "date".equals(type) && startDate(f);
            String kind = switch (type) {
                case "date" -> start ? "start date" : "due date";
                case "enum" -> "one of";
                case "list" -> "list, one per line";
                default -> type;
            };
            String allowed = "enum".equals(type) && f.values() != null && !f.values().isEmpty()
                    ? "Allowed values: " + String.join(", ", f.values()) : null;
            boolean overdue = "date".equals(type) && !start && today != null && value instanceof String d && past(d, today);
            views.add(new FieldView(f.id(), Names.field(template, f.id()), type, f.required(),
                    shown(model, type, value), input(value), inputType, choices, kind, hint(model, f, type, start),
                    allowed, overdue));
        }
        return views;
    }

    /** What to fill in: the model's description (it wins: it may give the scale in the team's words), else the scheme's scale for its inputs, else a date's meaning. */
    static String hint(OperatingModel model, Field f, String type, boolean start) {
        String scale = null;
        Prioritization p = model.intake() == null ? null : model.intake().prioritization();
        if (p != null && p.scheme() != null && "number".equals(type)) {
            scale = p.scheme().scale(f.id(), p.weights()).orElse(null);
        }
        if (f.description() != null && !f.description().isBlank()) {
            return f.description().trim();
        }
        if (scale != null) {
            return scale;
        }
        if ("date".equals(type)) {
            return start ? START_HINT : DUE_HINT;
        }
        return null;
    }

    private static boolean past(String date, java.time.LocalDate today) {
        try {
            return java.time.LocalDate.parse(date).isBefore(today);
        } catch (java.time.format.DateTimeParseException notADate) {
            return false;
        }
    }

    /**
     * The submitted fields: every template field present in the form. A blank input is left out,
     * or clears the field when {@code current} has a value for it (editing an item).
     */
    public static Map<String, Object> read(Template template, Map<String, String> params, Map<String, Object> current) {
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
