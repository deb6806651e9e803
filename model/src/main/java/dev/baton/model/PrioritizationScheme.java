package dev.baton.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /**
     * The scales of the schemes' inputs, in words for the people filling in a request: the one
     * place these texts live (intake and item forms show them under the fields).
     */
    private static final Map<String, String> SCALES = Map.ofEntries(
            Map.entry("reach", "Reach: how many people or accounts it reaches in a period (a count, e.g. per quarter)"),
            Map.entry("impact", "Impact per person reached: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal"),
            Map.entry("confidence", "Confidence in the estimates, in percent: 100 high, 80 medium, 50 low"),
            Map.entry("effort", "Effort in person-weeks (e.g. 0.5, 2, 6); the score divides by it"),
            Map.entry("business-value", "Business value, relative: 1, 2, 3, 5, 8, 13 or 20"),
            Map.entry("time-criticality", "Time criticality, relative: 1, 2, 3, 5, 8, 13 or 20 (how fast value decays)"),
            Map.entry("risk-reduction", "Risk reduction or opportunity enablement, relative: 1, 2, 3, 5, 8, 13 or 20"),
            Map.entry("job-size", "Job size, relative: 1, 2, 3, 5, 8, 13 or 20; the score divides by it"));

    /**
     * The scale of one of this scheme's inputs in words ("3 massive, 2 high, ..."); for
     * weighted, the weight the input counts with ({@code weights} names them); empty when
     * {@code input} is not an input of the scheme.
     */
    public Optional<String> scale(String input, Map<String, Double> weights) {
        if (this == WEIGHTED) {
            Double weight = weights == null ? null : weights.get(input);
            return weight == null ? Optional.empty() : Optional.of("Counts "
                    + (weight == Math.rint(weight) ? Long.toString(weight.longValue()) : weight.toString())
                    + " × in the weighted score (Σ weight × input): higher ranks the request higher");
        }
        return inputs.contains(input) ? Optional.ofNullable(SCALES.get(input)) : Optional.empty();
    }

    public static Optional<PrioritizationScheme> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
