package dev.baton.engine.item;

import java.util.Objects;

/** The id of a work item; also the id of its event stream. */
public record WorkItemId(String value) {
    public WorkItemId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
