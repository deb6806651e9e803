package dev.baton.exchange.source;

/**
 * An export that is not of the expected kind, or that is truncated or malformed: the message says
 * what was expected and {@link #where()} says where it broke (line and column, a row, or a path).
 */
public final class SourceFormatException extends RuntimeException {

    private final String where;

    public SourceFormatException(String where, String message) {
        super(message);
        this.where = where;
    }

    public SourceFormatException(String where, String message, Throwable cause) {
        super(message, cause);
        this.where = where;
    }

    public String where() {
        return where;
    }

    /** {@code where: message}, as printed after the file name. */
    public String describe() {
        return where == null || where.isEmpty() ? getMessage() : where + ": " + getMessage();
    }
}
