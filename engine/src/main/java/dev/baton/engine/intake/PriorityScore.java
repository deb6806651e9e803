package dev.baton.engine.intake;

import dev.baton.model.Prioritization;
import dev.baton.model.PrioritizationScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request's rank under the model's prioritisation scheme, computed from its fields, with the
 * arithmetic written out so that anyone can check it:
 * <ul>
 *   <li>RICE = reach × impact × confidence / effort; a confidence above 1 is read as a percent
 *       (80 means 0.8);</li>
 *   <li>WSJF = (business-value + time-criticality + risk-reduction) / job-size;</li>
 *   <li>weighted = Σ weight × input over the scheme's weights.</li>
 * </ul>
 * {@code value} is null when an input is missing or a divisor is 0; such requests rank last.
 */
public record PriorityScore(String scheme, Double value, String formula) {

    public static final PriorityScore NONE = new PriorityScore(null, null, "no prioritisation scheme");

    public static PriorityScore of(Prioritization prioritization, Map<String, Object> fields) {
        if (prioritization == null || prioritization.scheme() == null) {
            return NONE;
        }
        PrioritizationScheme scheme = prioritization.scheme();
        List<String> inputs = scheme == PrioritizationScheme.WEIGHTED
                ? List.copyOf(prioritization.weights().keySet()) : scheme.inputs();
        List<String> missing = new ArrayList<>();
        double[] x = new double[inputs.size()];
        for (int i = 0; i < x.length; i++) {
            Object v = fields.get(inputs.get(i));
            if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                x[i] = n.doubleValue();
            } else {
                missing.add(inputs.get(i));
            }
        }
        String name = scheme.id().toUpperCase(Locale.ROOT);
        if (!missing.isEmpty()) {
            return new PriorityScore(scheme.id(), null, "no " + name + " score: " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing");
        }
        return switch (scheme) {
            case RICE -> rice(x);
            case WSJF -> wsjf(x);
            case WEIGHTED -> weighted(inputs, prioritization.weights(), x);
        };
    }

    private static PriorityScore rice(double[] x) {
        double confidence = x[2] > 1 ? x[2] / 100 : x[2];
        if (x[3] == 0) {
            return new PriorityScore("rice", null, "no RICE score: effort is 0");
        }
        double value = x[0] * x[1] * confidence / x[3];
        return new PriorityScore("rice", value, "RICE = reach " + n(x[0]) + " × impact " + n(x[1])
                + " × confidence " + n(confidence) + " / effort " + n(x[3]) + " = " + n(value));
    }

    private static PriorityScore wsjf(double[] x) {
        if (x[3] == 0) {
            return new PriorityScore("wsjf", null, "no WSJF score: job-size is 0");
        }
        double value = (x[0] + x[1] + x[2]) / x[3];
        return new PriorityScore("wsjf", value, "WSJF = (business-value " + n(x[0]) + " + time-criticality "
                + n(x[1]) + " + risk-reduction " + n(x[2]) + ") / job-size " + n(x[3]) + " = " + n(value));
    }

    private static PriorityScore weighted(List<String> inputs, Map<String, Double> weights, double[] x) {
        double value = 0;
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            double w = weights.get(inputs.get(i));
            value += w * x[i];
            terms.add(n(w) + " × " + inputs.get(i) + " " + n(x[i]));
        }
        return new PriorityScore("weighted", value, "weighted = " + String.join(" + ", terms) + " = " + n(value));
    }

    private static String n(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        // Four significant digits are plenty to rank by, and read well: 1280, 0.8, 12.35.
        return new java.math.BigDecimal(d).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
