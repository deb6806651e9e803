package dev.baton.model.validation;

import dev.baton.model.OperatingModel;
import dev.baton.model.problem.Problem;
import java.util.List;

/**
 * What validation found in one file. {@code model} is what could be read (null when the file is
 * not a YAML mapping at all); it is only safe to run work through when {@link #valid()}.
 */
public record ValidationReport(String file, OperatingModel model, List<Problem> problems) {

    public boolean valid() {
        return model != null && problems.stream().noneMatch(Problem::isError);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    /** Why a command that needs a valid model refuses this one: each error at its line, then what to do; one line each. */
    public List<String> refusal() {
        List<String> lines = new java.util.ArrayList<>(errors().stream().map(p -> p.format(file)).toList());
        lines.add(file + ": invalid, fix the errors above first (baton model validate " + file + ")");
        return List.copyOf(lines);
    }
}
