package dev.baton.engine.intake;

import java.util.Objects;

/** The id of an intake request; also the id of its event stream. */
public record RequestId(String value) {
    public RequestId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
