package dev.baton.plan.rcpsp;

/**
 * A PSPLIB file that cannot be read, or describes a project no schedule can satisfy; the message
 * starts with {@code file:line:column:} (column when one token is at fault) and says what was
 * expected.
 */
public final class PsplibFormatException extends Exception {

    private final String source;
    private final int line;
    private final int column;
    private final boolean infeasible;

    PsplibFormatException(String source, int line, int column, String message, boolean infeasible) {
        super(source + ":" + line + ":" + (column > 0 ? column + ":" : "") + " " + message);
        this.source = source;
        this.line = line;
        this.column = column;
        this.infeasible = infeasible;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    /** 1-based column of the token at fault, or 0 when the whole line is. */
    public int column() {
        return column;
    }

    /** True if the file reads fine but asks for the impossible (a demand above its resource's capacity, a cycle). */
    public boolean infeasible() {
        return infeasible;
    }
}
