package dev.baton.scale;

/**
 * A problem with the user's input, found by a Spark job: the message says what and where, as the
 * single-machine command says it; {@link ScaleMain} prints it and exits 1 (never a stack trace).
 */
public final class ScaleProblem extends RuntimeException {

    public ScaleProblem(String message) {
        super(message, null, false, false);
    }
}
