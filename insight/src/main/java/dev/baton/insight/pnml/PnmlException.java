package dev.baton.insight.pnml;

/** A PNML file that is not a usable net: {@code file:line:col: error: what}. */
public final class PnmlException extends RuntimeException {

    public PnmlException(String file, long line, long column, String problem) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": error: " + problem);
    }
}
