package dev.baton.measure.attribution;

/**
 * One thing wrong in a paths file, where it is (line and column from 1, character columns) and
 * what was expected instead.
 */
public record PathProblem(long line, long column, String message) {

    /** The compiler-style line: {@code file:line:col: error: message}. */
    public String format(String file) {
        return file + ":" + line + ":" + column + ": error: " + message;
    }
}
