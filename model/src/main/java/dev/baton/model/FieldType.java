package dev.baton.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The types a template field can take. */
public enum FieldType {
    TEXT, NUMBER, DATE, ENUM, LIST, URL, PERSON, METRIC, COMPONENT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FieldType> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id().equals(id)).findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(FieldType::id).collect(Collectors.joining(", "));
    }
}
