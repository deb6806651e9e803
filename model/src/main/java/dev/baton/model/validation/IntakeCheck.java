package dev.baton.model.validation;

import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Prioritization;
import dev.baton.model.PrioritizationScheme;
import dev.baton.model.Template;
import dev.baton.model.problem.Problems;
import java.util.List;
import java.util.Optional;

/**
 * The prioritisation scheme can only score a request from inputs its form asks for: every
 * form's template must have the scheme's inputs as number fields.
 */
final class IntakeCheck implements ModelCheck {

    @Override
    public void check(OperatingModel model, Problems problems) {
        Prioritization p = model.intake().prioritization();
        if (p == null || p.scheme() == null) {
            return;
        }
        String path = "intake.prioritization";
        List<String> inputs;
        if (p.scheme() == PrioritizationScheme.WEIGHTED) {
            if (p.weights().isEmpty()) {
                problems.error("prioritization-input", path + ".weights",
                        "expected weights naming the request fields the weighted scheme adds up, found none");
            }
            inputs = List.copyOf(p.weights().keySet());
        } else {
            if (!p.weights().isEmpty()) {
                problems.error("bad-value", path + ".weights", "expected weights only with the weighted scheme, found them with "
                        + p.scheme().id() + ", whose inputs are fixed (" + String.join(", ", p.scheme().inputs()) + ")");
            }
            inputs = p.scheme().inputs();
        }
        for (int i = 0; i < model.intake().forms().size(); i++) {
            IntakeForm form = model.intake().forms().get(i);
            Optional<Template> template = form.template() == null ? Optional.empty() : model.template(form.template());
            if (template.isEmpty()) {
                continue;
            }
            for (String input : inputs) {
                Optional<Field> field = template.get().field(input);
                String where = ModelCheck.at("intake.forms", i) + ".template";
                if (field.isEmpty()) {
                    problems.error("prioritization-input", where, "expected template " + template.get().id() + " of form "
                            + form.id() + " to have a number field '" + input + "' for " + p.scheme().id()
                            + " prioritisation, found no such field");
                } else if (field.get().type() != null && field.get().type() != FieldType.NUMBER) {
                    problems.error("prioritization-input", where, "expected field '" + input + "' of template "
                            + template.get().id() + " to be a number for " + p.scheme().id() + " prioritisation, found a "
                            + field.get().type().id() + " field");
                }
            }
        }
    }
}
