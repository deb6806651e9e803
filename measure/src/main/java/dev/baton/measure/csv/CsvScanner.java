package dev.baton.measure.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits CSV bytes (RFC 4180: comma-separated, fields optionally in double quotes, {@code ""} for a
 * quote inside one, line breaks inside quotes allowed; LF or CRLF) into records without making a
 * String per field: each field is a range of {@link #buf}, valid until the next {@link #next()}.
 * A paths file of a million rows is read at the speed of the disk this way; Commons CSV builds two
 * Strings and a record object per row and spends most of the command's time doing so.
 */
public final class CsvScanner {

    private final InputStream in;
    public byte[] buf = new byte[1 << 20];
    private int limit;
    private boolean eof;
    private boolean started;
    /** Start of the next record in {@link #buf}, and its physical line. */
    private int pos;
    private long line = 1;

    /** The record just read: its fields' content ranges, and where each field starts. */
    public int fields;
    public int[] start = new int[8];
    public int[] end = new int[8];
    /** Whether the field was quoted (its content then starts one byte after the quote). */
    public boolean[] quoted = new boolean[8];
    /** Whether a quoted field holds {@code ""} escapes, so its range must be unescaped before use. */
    public boolean[] escaped = new boolean[8];
    public long[] fieldLine = new long[8];
    public int[] lineStart = new int[8];
    /** Physical line of the record's end (after a quoted line break it differs from the start). */
    public long recordLine;
    /** A quoting problem in the record (the record's fields are then not to be used), or null. */
    public String problem;
    public long problemLine;
    public long problemColumn;

    public CsvScanner(InputStream in) {
        this.in = in;
    }

    /**
     * Scans {@code bytes[from, to)}, read whole already, in place (no copy, no byte order mark
     * skipped); its first line is numbered {@code line}. A large file's parts are scanned so, one
     * part a core, each from a line break on.
     */
    public CsvScanner(byte[] bytes, int from, int to, long line) {
        this.in = null;
        this.buf = bytes;
        this.pos = from;
        this.limit = to;
        this.eof = true;
        this.started = true;
        this.line = line;
    }

    /** The line the next record starts on (after the last record: one more than the lines read). */
    public long line() {
        return line;
    }

    /** Where the next record starts in {@link #buf}. */
    public int position() {
        return pos;
    }

    /** Reads the next record; false at the end of input. Blank lines are skipped. */
    public boolean next() throws IOException {
        outer:
        while (true) {
            if (!started) {
                started = true;
                fill();
                if (limit >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
                    pos = 3; // a byte order mark, as spreadsheet programs write one
                }
            }
            int p = pos;
            if (p >= limit) {
                if (eof) {
                    return false;
                }
                fill();
                continue;
            }
            if (buf[p] == '\n' || buf[p] == '\r') {
                if (buf[p] == '\r' && p + 1 >= limit && !eof) {
                    fill();
                    continue;
                }
                pos = p + (buf[p] == '\r' && p + 1 < limit && buf[p + 1] == '\n' ? 2 : 1);
                line++;
                continue;
            }
            long ln = line;
            int ls = p;
            fields = 0;
            problem = null;
            while (true) {
                if (fields == start.length) {
                    growFields();
                }
                fieldLine[fields] = ln;
                lineStart[fields] = ls;
                if (p < limit && buf[p] == '"') {
                    int q = p + 1;
                    boolean esc = false;
                    while (true) {
                        if (q >= limit) {
                            if (!eof) {
                                fill();
                                continue outer;
                            }
                            problem = "a quoted value opened here is not closed before the end of the file "
                                    + "(a missing \" or a stray one)";
                            problemLine = fieldLine[fields];
                            problemColumn = column(ls, p);
                            pos = limit;
                            line = ln;
                            recordLine = ln;
                            return true;
                        }
                        byte b = buf[q];
                        if (b == '"') {
                            if (q + 1 >= limit && !eof) {
                                fill();
                                continue outer;
                            }
                            if (q + 1 < limit && buf[q + 1] == '"') {
                                esc = true;
                                q += 2;
                                continue;
                            }
                            break;
                        }
                        if (b == '\n') {
                            ln++;
                            ls = q + 1;
                        }
                        q++;
                    }
                    start[fields] = p + 1;
                    end[fields] = q;
                    quoted[fields] = true;
                    escaped[fields] = esc;
                    p = q + 1;
                    if (p < limit && buf[p] != ',' && buf[p] != '\n' && buf[p] != '\r' && problem == null) {
                        problem = "a character follows a closing quote where a comma or the end of the line was "
                                + "expected (write a quote inside a quoted value as \"\")";
                        problemLine = ln;
                        problemColumn = column(ls, p);
                        while (p < limit && buf[p] != '\n') {
                            p++;
                        }
                        if (p >= limit && !eof) {
                            fill();
                            continue outer;
                        }
                    }
                } else {
                    int q = p;
                    while (q < limit) {
                        byte b = buf[q];
                        if (b == ',' || b == '\n' || b == '\r') {
                            break;
                        }
                        q++;
                    }
                    if (q >= limit && !eof) {
                        fill();
                        continue outer;
                    }
                    start[fields] = p;
                    end[fields] = q;
                    quoted[fields] = false;
                    escaped[fields] = false;
                    p = q;
                }
                fields++;
                if (p >= limit) {
                    pos = p;
                    line = ln;
                    recordLine = ln;
                    return true;
                }
                byte b = buf[p];
                if (b == ',') {
                    p++;
                    continue;
                }
                if (b == '\r') {
                    if (p + 1 >= limit && !eof) {
                        fill();
                        continue outer;
                    }
                    p += p + 1 < limit && buf[p + 1] == '\n' ? 2 : 1;
                } else {
                    p++;
                }
                pos = p;
                recordLine = ln;
                line = ln + 1;
                return true;
            }
        }
    }

    /** The content of field {@code i}, with {@code ""} unescaped, as UTF-8 bytes in {@code [0, return)} of {@code into}. */
    public int unescape(int i, byte[] into) {
        int n = 0;
        for (int k = start[i]; k < end[i]; k++) {
            into[n++] = buf[k];
            if (buf[k] == '"') {
                k++; // the second quote of ""
            }
        }
        return n;
    }

    /** Line and column (from 1, in characters) of byte {@code offset} of field {@code i}'s record. */
    public long[] where(int i, int offset) {
        long ln = fieldLine[i];
        int ls = lineStart[i];
        for (int k = ls; k < offset; k++) {
            if (buf[k] == '\n') {
                ln++;
                ls = k + 1;
            }
        }
        return new long[] {ln, column(ls, offset)};
    }

    /** Where field {@code i} starts (its opening quote, if quoted). */
    public long[] whereField(int i) {
        return where(i, quoted[i] ? start[i] - 1 : start[i]);
    }

    /** Where record's end is (for a field that is missing). */
    public long[] whereEnd() {
        return where(fields - 1, end[fields - 1] + (quoted[fields - 1] ? 1 : 0));
    }

    /** Column from 1 in characters: UTF-8 continuation bytes do not start a character. */
    private long column(int lineStartOffset, int offset) {
        long column = 1;
        for (int k = lineStartOffset; k < offset; k++) {
            if ((buf[k] & 0xC0) != 0x80) {
                column++;
            }
        }
        return column;
    }

    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
        }
        int n = 0;
        while (n == 0) {
            n = in.read(buf, limit, buf.length - limit);
        }
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private void growFields() {
        int n = start.length * 2;
        start = Arrays.copyOf(start, n);
        end = Arrays.copyOf(end, n);
        quoted = Arrays.copyOf(quoted, n);
        escaped = Arrays.copyOf(escaped, n);
        fieldLine = Arrays.copyOf(fieldLine, n);
        lineStart = Arrays.copyOf(lineStart, n);
    }
}
