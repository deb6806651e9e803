package dev.baton.model;

import java.util.List;
import java.util.Optional;

/** A standard input such as a creative brief: typed fields, some required. */
public record Template(String id, String name, List<Field> fields) {

    public Optional<Field> field(String fieldId) {
        return fields.stream().filter(f -> java.util.Objects.equals(f.id(), fieldId)).findFirst();
    }
}
