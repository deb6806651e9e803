package dev.baton.measure.crm;

/**
 * One thing wrong in an export, where it is: the file as the user named it, the line (1 is the
 * header) and the column (the field's place in the row, 1 for the first, as a spreadsheet counts).
 */
public record CrmProblem(String file, long line, int column, String message) {

    /** {@code file:line:col: message}, the form editors and terminals link to ({@code file: message} for the whole file). */
    public String format() {
        return line == 0 ? file + ": " + message : file + ":" + line + ":" + column + ": " + message;
    }
}
