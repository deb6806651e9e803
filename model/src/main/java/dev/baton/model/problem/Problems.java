package dev.baton.model.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a run (never just the first), each placed through the source map. */
public final class Problems {

    private final SourceMap sourceMap;
    private final List<Problem> list = new ArrayList<>();

    public Problems(SourceMap sourceMap) {
        this.sourceMap = sourceMap;
    }

    public void error(String code, String path, String message) {
        add(Severity.ERROR, code, path, sourceMap.positionOf(path), message);
    }

    public void warning(String code, String path, String message) {
        add(Severity.WARNING, code, path, sourceMap.positionOf(path), message);
    }

    public void add(Severity severity, String code, String path, Position position, String message) {
        list.add(new Problem(severity, code, path, position, message));
    }

    public boolean hasErrors() {
        return list.stream().anyMatch(Problem::isError);
    }

    public SourceMap sourceMap() {
        return sourceMap;
    }

    /** Errors and warnings in file order, so the output reads top to bottom like the file. */
    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing(Problem::position).thenComparing(Problem::severity));
        return List.copyOf(copy);
    }
}
