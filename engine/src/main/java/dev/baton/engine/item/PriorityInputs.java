package dev.baton.engine.item;

import dev.baton.engine.Rejection;
import dev.baton.engine.Rejection.Code;
import dev.baton.model.OperatingModel;
import dev.baton.model.Prioritization;
import dev.baton.model.PrioritizationScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The inputs of the model's prioritisation scheme that an item may carry: names known, values ≥ 0. */
final class PriorityInputs {

    private final List<String> names;
    private final String scheme;

    PriorityInputs(OperatingModel model) {
        Prioritization p = model.intake() == null ? null : model.intake().prioritization();
        if (p == null || p.scheme() == null) {
            names = List.of();
            scheme = null;
        } else {
            names = p.scheme() == PrioritizationScheme.WEIGHTED ? List.copyOf(p.weights().keySet()) : p.scheme().inputs();
            scheme = p.scheme().id();
        }
    }

    Rejection check(Map<String, Double> inputs) {
        if (scheme == null) {
            return new Rejection(Code.INVALID_INPUT, "The model has no prioritisation scheme, so there are no inputs to set");
        }
        if (inputs == null || inputs.isEmpty()) {
            return new Rejection(Code.INVALID_INPUT, "Name at least one input of " + scheme + ": " + String.join(", ", names));
        }
        List<String> problems = new ArrayList<>();
        inputs.forEach((name, value) -> {
            if (!names.contains(name)) {
                problems.add("'" + name + "' is not an input of " + scheme + " (" + String.join(", ", names) + ")");
            } else if (value == null || !Double.isFinite(value) || value < 0) {
                problems.add(name + " must be a number of at least 0, not " + value);
            }
        });
        return problems.isEmpty() ? null : new Rejection(Code.INVALID_INPUT, String.join("; ", problems));
    }
}
