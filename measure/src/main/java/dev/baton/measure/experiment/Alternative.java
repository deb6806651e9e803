package dev.baton.measure.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The alternative hypothesis of a frequentist or sequential test. */
public enum Alternative {
    TWO_SIDED("two-sided"),
    /** The arm is better than the baseline (its mean is greater). */
    GREATER("greater"),
    /** The arm's mean is less than the baseline's. */
    LESS("less");

    private final String id;

    Alternative(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Alternative::id).toList();
    }

    public static Optional<Alternative> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst();
    }
}
