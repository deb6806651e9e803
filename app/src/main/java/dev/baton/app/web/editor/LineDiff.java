package dev.baton.app.web.editor;

import java.util.ArrayList;
import java.util.List;

/**
 * A simple line diff of two texts (longest common subsequence of lines, after the common start and
 * end are set aside), shown as hunks with two lines of context: what saving the draft changes in
 * the YAML file, as {@code git diff} would show it.
 */
final class LineDiff {

    /** One line of the diff: {@code ' '} context, {@code '-'} removed, {@code '+'} added; numbers are 1-based, 0 when none. */
    record Line(char kind, int oldNumber, int newNumber, String text) {
        public String css() {
            return kind == '+' ? "added" : kind == '-' ? "removed" : "context";
        }

        public String marker() {
            return String.valueOf(kind);
        }
    }

    /** A run of changes with its context; {@code gap} says the lines before it were left out. */
    record Hunk(boolean gap, List<Line> lines) {
    }

    private static final int CONTEXT = 2;
    private static final int MAX_LINES = 4000;

    private LineDiff() {
    }

    static List<Hunk> of(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Line> all = new ArrayList<>();
        for (int i = 0; i < start; i++) {
            all.add(new Line(' ', i + 1, i + 1, a.get(i)));
        }
        middle(a, b, start, endA, endB, all);
        for (int i = endA, j = endB; i < a.size(); i++, j++) {
            all.add(new Line(' ', i + 1, j + 1, a.get(i)));
        }
        return hunks(all);
    }

    private static void middle(List<String> a, List<String> b, int start, int endA, int endB, List<Line> out) {
        int n = endA - start;
        int m = endB - start;
        if ((long) n * m > (long) MAX_LINES * MAX_LINES / 4) { // too large to align: all of one, then all of the other
            for (int i = 0; i < n; i++) {
                out.add(new Line('-', start + i + 1, 0, a.get(start + i)));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line('+', 0, start + j + 1, b.get(start + j)));
            }
            return;
        }
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(start + i).equals(b.get(start + j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(start + i).equals(b.get(start + j))) {
                out.add(new Line(' ', start + i + 1, start + j + 1, a.get(start + i)));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                out.add(new Line('-', start + i + 1, 0, a.get(start + i))); // removed before added, as git shows them
                i++;
            } else {
                out.add(new Line('+', 0, start + j + 1, b.get(start + j)));
                j++;
            }
        }
    }

    private static List<Hunk> hunks(List<Line> all) {
        boolean[] keep = new boolean[all.size()];
        for (int k = 0; k < all.size(); k++) {
            if (all.get(k).kind() != ' ') {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(all.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        List<Hunk> hunks = new ArrayList<>();
        List<Line> current = null;
        boolean gap = false;
        for (int k = 0; k < all.size(); k++) {
            if (!keep[k]) {
                if (current != null) {
                    hunks.add(new Hunk(gap, current));
                    current = null;
                }
                gap = true;
                continue;
            }
            if (current == null) {
                current = new ArrayList<>();
            }
            current.add(all.get(k));
        }
        if (current != null) {
            hunks.add(new Hunk(gap, current));
        }
        return hunks;
    }

    private static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
