package dev.baton.scale;

import java.io.Serializable;

/**
 * What one partition's task sends the driver: its summary, or the problem it found in the input.
 * Problems travel as data, not exceptions, so that the driver can say them as the single-machine
 * command does instead of Spark's stack trace of a failed task.
 */
public record Part<T extends Serializable>(T summary, String problem) implements Serializable {

    public static <T extends Serializable> Part<T> of(T summary) {
        return new Part<>(summary, null);
    }

    public static <T extends Serializable> Part<T> failed(String problem) {
        return new Part<>(null, problem);
    }

    /** Two parts' summaries merged by {@code merge}, or the first problem of either. */
    public static <T extends Serializable> Part<T> merge(Part<T> a, Part<T> b, java.util.function.BinaryOperator<T> merge) {
        if (a.problem != null) {
            return a;
        }
        return b.problem != null ? b : of(merge.apply(a.summary, b.summary));
    }

    /** The summary, or the problem thrown for the driver to say. */
    public T orThrow() {
        if (problem != null) {
            throw new ScaleProblem(problem);
        }
        return summary;
    }
}
