package dev.baton.model;

import java.util.List;

/** One typed field of a template; {@code values} lists the choices of an enum field. */
public record Field(String id, String name, FieldType type, boolean required, List<String> values) {
}
