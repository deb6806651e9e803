package dev.baton.model;

import java.util.List;

/**
 * One typed field of a template; {@code values} lists the choices of an enum field;
 * {@code description} (optional) says what to fill in, shown under the field on forms.
 */
public record Field(String id, String name, FieldType type, boolean required, List<String> values, String description) {

    /** A field without a description. */
    public Field(String id, String name, FieldType type, boolean required, List<String> values) {
        this(id, name, type, required, values, null);
    }
}
