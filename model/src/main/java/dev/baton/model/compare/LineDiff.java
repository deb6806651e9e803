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
    }

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

    /** Only the changed lines with {@code context} kept lines around each, as hunks separated by null. */
    public static List<Line> hunks(List<Line> diff, int context) {
        List<Line> shown = new ArrayList<>();
        int last = -1;
        for (int k = 0; k < diff.size(); k++) {
            if (diff.get(k).op() == Op.KEPT) {
                continue;
            }
            int from = Math.max(k - context, last + 1);
            if (last >= 0 && from > last + 1) {
                shown.add(null);
            }
            int to = k;
            while (to + 1 < diff.size() && (diff.get(to + 1).op() != Op.KEPT || nextChangeWithin(diff, to + 1, 2 * context))) {
                to++;
            }
            int end = Math.min(diff.size() - 1, to + context);
            for (int x = from; x <= end; x++) {
                shown.add(diff.get(x));
            }
            last = end;
            k = end;
        }
        return shown;
    }

    private static boolean nextChangeWithin(List<Line> diff, int from, int span) {
        for (int x = from; x < Math.min(diff.size(), from + span); x++) {
            if (diff.get(x).op() != Op.KEPT) {
                return true;
            }
        }
        return false;
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
