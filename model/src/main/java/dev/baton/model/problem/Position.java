package dev.baton.model.problem;

/** A place in the source file, 1-based as editors show it. */
public record Position(int line, int column) implements Comparable<Position> {

    public static final Position UNKNOWN = new Position(0, 0);

    @Override
    public int compareTo(Position other) {
        int byLine = Integer.compare(line, other.line);
        return byLine != 0 ? byLine : Integer.compare(column, other.column);
    }
}
