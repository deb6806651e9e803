package dev.baton.engine.field;

import dev.baton.engine.rights.Names;
import dev.baton.model.Field;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field values checked against a template and brought to the form events store them in: text,
 * url, date (ISO-8601 {@code 2026-03-02}), enum, person, metric and component as String; number
 * as Double; list as a List of String. Every problem is collected, each phrased for a marketer.
 */
public final class FieldValues {

    /** The values in stored form, and what was wrong (empty when nothing was). */
    public record Checked(Map<String, Object> values, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The problems as one sentence. */
        public String sentence() {
            return String.join("; ", problems);
        }
    }

    private FieldValues() {
    }

    /**
     * Checks values against the template ({@code template} null: the work takes no fields). A
     * null value is kept when {@code nullClears} (it clears the field) and refused otherwise.
     */
    public static Checked check(OperatingModel model, Template template, String what, Map<String, Object> values,
                                boolean nullClears) {
        Map<String, Object> normalised = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (values == null) {
            return new Checked(normalised, problems);
        }
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String id = entry.getKey();
            Field field = template == null || id == null ? null : template.field(id).orElse(null);
            if (field == null) {
                problems.add(template == null
                        ? what + " takes no fields, so '" + id + "' can't be set"
                        : "'" + id + "' is not a field of the " + template.name() + " (fields: "
                                + String.join(", ", template.fields().stream().map(Field::id).toList()) + ")");
                continue;
            }
            Object value = entry.getValue();
            if (value == null) {
                if (nullClears) {
                    normalised.put(id, null);
                } else {
                    problems.add(Names.field(template, id) + " has no value");
                }
                continue;
            }
            Object stored = normalise(model, field, value);
            if (stored == null) {
                problems.add(Names.field(template, id) + " " + expected(model, field) + ", not " + shown(value));
            } else {
                normalised.put(id, stored);
            }
        }
        return new Checked(normalised, problems);
    }

    /** The template's required fields that are not filled, in template order. */
    public static List<String> missingRequired(Template template, Map<String, Object> values) {
        if (template == null) {
            return List.of();
        }
        return template.fields().stream().filter(Field::required).map(Field::id)
                .filter(id -> !filled(values.get(id))).toList();
    }

    /** The fields among {@code ids} that are not filled, in the given order. */
    public static List<String> missing(List<String> ids, Map<String, Object> values) {
        List<String> missing = null;
        for (String id : ids) {
            if (!filled(values.get(id))) {
                if (missing == null) {
                    missing = new ArrayList<>();
                }
                missing.add(id);
            }
        }
        return missing == null ? List.of() : missing;
    }

    /** Filled: present, and not blank text or an empty list. */
    public static boolean filled(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof String s) {
            return !s.isBlank();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        return true;
    }

    private static Object normalise(OperatingModel model, Field field, Object value) {
        return switch (field.type()) {
            case NUMBER -> number(value);
            case LIST -> list(value);
            case DATE -> date(value);
            case URL -> value instanceof String s && url(s) ? s : null;
            case ENUM -> value instanceof String s && field.values() != null && field.values().contains(s) ? s : null;
            case PERSON -> value instanceof String s && model.people().stream().anyMatch(p -> s.equals(p.id())) ? s : null;
            case METRIC -> value instanceof String s && model.metric(s).isPresent() ? s : null;
            case COMPONENT -> value instanceof String s
                    && model.components().stream().anyMatch(c -> s.equals(c.id())) ? s : null;
            case TEXT -> value instanceof String s ? s : null;
        };
    }

    private static Double number(Object value) {
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static List<String> list(Object value) {
        if (!(value instanceof Collection<?> c)) {
            return null;
        }
        List<String> texts = new ArrayList<>(c.size());
        for (Object o : c) {
            if (!(o instanceof String s)) {
                return null;
            }
            texts.add(s);
        }
        return List.copyOf(texts);
    }

    private static String date(Object value) {
        String text = value instanceof LocalDate d ? d.toString() : value instanceof String s ? s.trim() : null;
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean url(String s) {
        try {
            URI uri = new URI(s.trim());
            return uri.isAbsolute() && uri.getScheme() != null
                    && (!uri.getScheme().startsWith("http") || uri.getHost() != null);
        } catch (Exception e) {
            return false;
        }
    }

    private static String expected(OperatingModel model, Field field) {
        return switch (field.type()) {
            case NUMBER -> "must be a number";
            case LIST -> "must be a list of texts";
            case DATE -> "must be a date like 2026-03-31";
            case URL -> "must be a link like https://example.com/brief";
            case ENUM -> "must be one of " + Names.or(field.values() == null ? List.of() : field.values());
            case PERSON -> "must be a person of " + model.name() + " (by id, e.g. "
                    + (model.people().isEmpty() ? "?" : model.people().get(0).id()) + ")";
            case METRIC -> "must be a metric of the model (" + String.join(", ",
                    model.metrics().stream().map(m -> m.id()).toList()) + ")";
            case COMPONENT -> "must be a component of the model (" + String.join(", ",
                    model.components().stream().map(c -> c.id()).toList()) + ")";
            case TEXT -> "must be text";
        };
    }

    private static String shown(Object value) {
        String text = String.valueOf(value);
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return value instanceof String ? "'" + text + "'" : text;
    }
}
