package dev.baton.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How intake requests are ranked, so that "no" and "later" are explicit. RICE and WSJF read
 * fixed inputs from the request; weighted reads the fields named in the weights.
 */
public enum PrioritizationScheme {
    /** (reach × impact × confidence) / effort. */
    RICE(List.of("reach", "impact", "confidence", "effort")),
    /** cost of delay / job size, with cost of delay = business value + time criticality + risk reduction. */
    WSJF(List.of("business-value", "time-criticality", "risk-reduction", "job-size")),
    /** Σ weight × input. */
    WEIGHTED(List.of());

    private final List<String> inputs;

    PrioritizationScheme(List<String> inputs) {
        this.inputs = inputs;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The request fields the scheme reads (for weighted: none fixed, the weights name them). */
    public List<String> inputs() {
        return inputs;
    }

    public static Optional<PrioritizationScheme> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
