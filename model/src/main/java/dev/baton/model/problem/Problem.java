package dev.baton.model.problem;

/**
 * One thing wrong with (error) or smelly about (warning) an operating model, with where it is.
 *
 * @param path    where in the model, e.g. {@code work-types[0].stages[2].decision.approver}
 * @param code    a stable kebab-case identifier, e.g. {@code unknown-reference}
 * @param message a sentence for a person, usually "expected X, found Y"
 */
public record Problem(Severity severity, String code, String path, Position position, String message) {

    public int line() {
        return position.line();
    }

    public int column() {
        return position.column();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The compiler-style line: {@code file:line:col: error: message}. */
    public String format(String file) {
        return file + ":" + line() + ":" + column() + ": " + severity.label() + ": " + message;
    }
}
