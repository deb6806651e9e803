package dev.baton.engine.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Commons CSV's errors mean, in a sentence for the user: the CSV readers of every module put
 * these in front of the file name instead of {@code org.apache.commons.csv.CSVException: …}.
 *
 * @param line    the line the problem is on, 0 when unknown
 * @param message what is wrong, without the file name or the line
 */
public record CsvProblem(long line, String message) {

    private static final Pattern UNCLOSED = Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished");
    private static final Pattern BETWEEN = Pattern.compile("Invalid character between encapsulated token and delimiter at line: (\\d+)");
    private static final Pattern DUPLICATE = Pattern.compile("duplicate name: \"([^\"]*)\"");

    /** The problem a CSV parser's exception (or the refusal under it) stands for. */
    public static CsvProblem of(Throwable error) {
        var refused = InputRefusedException.in(error);
        if (refused.isPresent()) {
            long line = refused.get() instanceof NotTextException t ? t.line() : 0;
            return new CsvProblem(line, refused.get().getMessage());
        }
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause instanceof java.io.UncheckedIOException || cause.getMessage() == null
                || cause.getMessage().equals(String.valueOf(cause.getCause())))) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? "" : cause.getMessage();
        Matcher m = UNCLOSED.matcher(text);
        if (m.find()) {
            return new CsvProblem(Long.parseLong(m.group(1)), "a quoted value opened on this line is not closed "
                    + "before the end of the file (a missing \" or a stray one)");
        }
        m = BETWEEN.matcher(text);
        if (m.find()) {
            return new CsvProblem(Long.parseLong(m.group(1)), "a character follows a closing quote where a separator "
                    + "or the end of the line was expected (write a quote inside a quoted value as \"\")");
        }
        m = DUPLICATE.matcher(text);
        if (m.find()) {
            return new CsvProblem(1, "the header names the column '" + m.group(1) + "' twice");
        }
        if (text.contains("header name is missing") || text.contains("missing column name")) {
            return new CsvProblem(1, "the header has a column without a name");
        }
        // Anything else: the parser's own words, without its class name.
        String plain = text.replaceAll("(?:[a-z]+\\.)+[A-Z][A-Za-z]*(?:Exception|Error): ", "").strip();
        return new CsvProblem(0, "malformed CSV: " + (plain.isEmpty() ? "unreadable" : plain));
    }
}
