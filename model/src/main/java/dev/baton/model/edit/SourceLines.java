package dev.baton.model.edit;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a model file as lines, for edits that move whole lines: where each line starts,
 * which line an offset is on, its indentation, and the file's own line break ("\r\n" stays
 * "\r\n"), so that inserted lines look like the ones around them.
 */
final class SourceLines {

    private final String text;
    private final int[] starts;
    private final String lineBreak;

    SourceLines(String text) {
        this.text = text;
        List<Integer> list = new ArrayList<>();
        list.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                list.add(i + 1);
            }
        }
        this.starts = list.stream().mapToInt(Integer::intValue).toArray();
        int firstBreak = text.indexOf('\n');
        this.lineBreak = firstBreak > 0 && text.charAt(firstBreak - 1) == '\r' ? "\r\n" : "\n";
    }

    String text() {
        return text;
    }

    String lineBreak() {
        return lineBreak;
    }

    int count() {
        return starts.length;
    }

    /** The 0-based line of a character offset. */
    int lineOf(int offset) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= offset) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    int start(int line) {
        return starts[line];
    }

    /** Where the next line starts (after this line's break), or the end of the text. */
    int next(int line) {
        return line + 1 < starts.length ? starts[line + 1] : text.length();
    }

    /** The line without its line break. */
    String line(int line) {
        int end = next(line);
        while (end > starts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(starts[line], end);
    }

    int column(int offset) {
        return offset - starts[lineOf(offset)];
    }

    int indentation(int line) {
        String l = line(line);
        int i = 0;
        while (i < l.length() && l.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    boolean blank(int line) {
        return line(line).isBlank();
    }

    /** A line holding only a comment whose '#' is at {@code column}. */
    boolean commentAt(int line, int column) {
        String l = line(line);
        return indentation(line) == column && l.length() > column && l.charAt(column) == '#';
    }

    /** True when only spaces stand before the offset on its line. */
    boolean firstOnLine(int offset) {
        return text.substring(starts[lineOf(offset)], offset).isBlank();
    }
}
