package dev.baton.model.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two texts differ by, as {@code diff -u} shows them: kept, removed and added lines with
 * their numbers in each text. A longest common subsequence over the lines between the common head
 * and tail, which is plenty for model files of a few thousand lines.
 */
public final class LineDiff {

    /** One line of the diff; {@code before}/{@code after} are 1-based line numbers, 0 where the line is absent. */
    public record Line(Op op, int before, int after, String text) {

        /** {@code +}, {@code -} or a space, as {@code diff -u} marks the line. */
        public String marker() {
            return op == Op.ADDED ? "+" : op == Op.REMOVED ? "-" : " ";
        }
    }

    /** Beyond this many lines × lines between the common head and tail, no alignment: all removed, then all added. */
    static final long MAX_CELLS = 4_000_000;

    public enum Op { KEPT, REMOVED, ADDED }

    private LineDiff() {
    }

    public static List<Line> of(String before, String after) {
        String[] a = lines(before);
        String[] b = lines(after);
        int head = 0;
        while (head < a.length && head < b.length && a[head].equals(b[head])) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].equals(b[b.length - 1 - tail])) {
            tail++;
        }
        int n = a.length - head - tail;
        int m = b.length - head - tail;
        if ((long) n * m > MAX_CELLS) {
            // two unrelated files of thousands of lines: an alignment would cost more memory than it tells
            List<Line> diff = new ArrayList<>();
            for (int k = 0; k < a.length; k++) {
                diff.add(k < head || k >= head + n ? new Line(Op.KEPT, k + 1, k < head ? k + 1 : k - n + m + 1, a[k])
                        : new Line(Op.REMOVED, k + 1, 0, a[k]));
                if (k == head + n - 1) {
                    for (int j = 0; j < m; j++) {
                        diff.add(new Line(Op.ADDED, 0, head + j + 1, b[head + j]));
                    }
                }
            }
            return diff;
        }
        // lcs[i][j]: the longest common subsequence of a[head+i..] and b[head+j..] within the middle
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a[head + i].equals(b[head + j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> diff = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            diff.add(new Line(Op.KEPT, k + 1, k + 1, a[k]));
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a[head + i].equals(b[head + j])) {
                diff.add(new Line(Op.KEPT, head + i + 1, head + j + 1, a[head + i]));
                i++;
                j++;
            } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // removals before additions, as diff -u shows a changed line
                diff.add(new Line(Op.REMOVED, head + i + 1, 0, a[head + i]));
                i++;
            } else {
                diff.add(new Line(Op.ADDED, 0, head + j + 1, b[head + j]));
                j++;
            }
        }
        for (int k = tail; k > 0; k--) {
            diff.add(new Line(Op.KEPT, a.length - k + 1, b.length - k + 1, a[a.length - k]));
        }
        return diff;
    }

    /** A run of changed lines with their context; {@code gap} says lines before it were left out. */
    public record Hunk(boolean gap, List<Line> lines) {
    }

    /** Only the changed lines with {@code context} kept lines around each, as {@code diff -u} shows them. */
    public static List<Hunk> hunks(List<Line> diff, int context) {
        boolean[] keep = new boolean[diff.size()];
        for (int k = 0; k < diff.size(); k++) {
            if (diff.get(k).op() != Op.KEPT) {
                for (int c = Math.max(0, k - context); c <= Math.min(diff.size() - 1, k + context); c++) {
                    keep[c] = true;
                }
            }
        }
        List<Hunk> hunks = new ArrayList<>();
        List<Line> current = null;
        boolean gap = false;
        for (int k = 0; k < diff.size(); k++) {
            if (!keep[k]) {
                if (current != null) {
                    hunks.add(new Hunk(gap, current));
                    current = null;
                }
                gap = true;
            } else {
                if (current == null) {
                    current = new ArrayList<>();
                }
                current.add(diff.get(k));
            }
        }
        if (current != null) {
            hunks.add(new Hunk(gap, current));
        }
        return hunks;
    }

    private static String[] lines(String text) {
        if (text == null || text.isEmpty()) {
            return new String[0];
        }
        String[] lines = text.split("\r?\n", -1);
        // a final newline ends the last line rather than starting an empty one
        return text.endsWith("\n") ? java.util.Arrays.copyOf(lines, lines.length - 1) : lines;
    }
}
