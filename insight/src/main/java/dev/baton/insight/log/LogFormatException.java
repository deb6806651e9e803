package dev.baton.insight.log;

import java.nio.file.Path;

/**
 * A log that cannot be read: what is wrong and where, as {@code file:line:col: error: …} (line and
 * column when the format has them, 0 when unknown).
 */
public final class LogFormatException extends RuntimeException {

    private final String file;
    private final long line;
    private final long column;
    private final String problem;

    public LogFormatException(String file, long line, long column, String problem) {
        super(file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "") + ": error: " + problem);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    public static LogFormatException of(Path file, long line, long column, String problem) {
        return new LogFormatException(String.valueOf(file), line, column, problem);
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    /** The message without the location. */
    public String problem() {
        return problem;
    }
}
