package dev.baton.measure.experiment.input;

import java.util.List;

/** Input that cannot be analysed: every problem found, in file order. */
public final class InputRefused extends Exception {

    private final List<InputError> errors;

    public InputRefused(List<InputError> errors) {
        super(errors.isEmpty() ? "input refused" : errors.get(0).message());
        this.errors = errors.stream().sorted().toList();
    }

    public InputRefused(InputError error) {
        this(List.of(error));
    }

    public List<InputError> errors() {
        return errors;
    }

    /** One line per problem, each starting with the file. */
    public List<String> lines(String file) {
        return errors.stream().map(e -> e.format(file)).toList();
    }
}
