package dev.baton.measure.attribution;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A paths file that cannot be used: every problem found (the first {@link #SHOWN} of them listed),
 * each as {@code file:line:col: error: …}, so that one run shows a user all there is to fix.
 */
public final class PathsFormatException extends RuntimeException {

    /** Problems kept and shown; the rest are counted. */
    public static final int SHOWN = 20;

    private final String file;
    private final List<PathProblem> problems;
    private final long total;

    public PathsFormatException(String file, List<PathProblem> problems, long total) {
        super(render(file, problems, total));
        this.file = file;
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    public String file() {
        return file;
    }

    /** The problems kept (at most {@link #SHOWN}). */
    public List<PathProblem> problems() {
        return problems;
    }

    /** How many problems there were in all. */
    public long total() {
        return total;
    }

    private static String render(String file, List<PathProblem> problems, long total) {
        String lines = problems.stream().map(p -> p.format(file)).collect(Collectors.joining("\n"));
        return total > problems.size() ? lines + "\n" + file + ": " + (total - problems.size())
                + " more problem(s) not shown (" + total + " in all)" : lines;
    }
}
