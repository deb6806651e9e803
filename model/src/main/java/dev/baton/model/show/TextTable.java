package dev.baton.model.show;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-ASCII table whose columns are as wide as their widest cell, so that it reads in any
 * terminal and survives being pasted into an e-mail (no box-drawing characters, no tabs, no
 * trailing spaces).
 */
final class TextTable {

    private static final String GAP = "  ";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... header) {
        this.header = List.of(header);
    }

    TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, found " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(Lenient::dash).toList());
        return this;
    }

    TextTable row(List<String> cells) {
        return row(cells.toArray(String[]::new));
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, each line starting with {@code indent}, a dashed rule under the header. */
    String render(String indent) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        StringBuilder out = new StringBuilder();
        line(out, indent, header, widths);
        line(out, indent, rule, widths);
        for (List<String> row : rows) {
            line(out, indent, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String indent, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(GAP);
            }
            line.append(cells.get(c));
            line.append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }
}
