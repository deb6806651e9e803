package dev.baton.measure.experiment.input;

/**
 * One thing wrong with an input file, with where: 1-based line and column (0 when not known) and
 * the path of the value in the file ({@code arms[1].n}), or the column name for CSV.
 */
public record InputError(int line, int column, String path, String message) implements Comparable<InputError> {

    /** {@code stats.yaml:7:5: arms[1].n: expected a positive integer, found -3}. */
    public String format(String file) {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line);
            if (column > 0) {
                s.append(':').append(column);
            }
        }
        s.append(": ");
        if (path != null && !path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }

    @Override
    public int compareTo(InputError other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
