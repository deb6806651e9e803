package dev.baton.measure.crm;

import dev.baton.measure.csv.ByteSliceIndex;
import dev.baton.measure.csv.CsvScanner;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of a record {@link CsvScanner} split, read from its bytes: only the columns asked for
 * become Strings, and repeating values are found by their bytes, without a String. The values are
 * those Commons CSV gives (with surrounding spaces ignored, then trimmed as {@link Rows} does);
 * {@link #usual} says when a record is one the two might read differently (a quote inside an
 * unquoted value, a stray carriage return inside quotes, a NUL, bytes that are not UTF-8), and then
 * the file is read again with Commons CSV, which says what is wrong where.
 */
final class ScannedCells implements Cells {

    private final CsvScanner csv;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    /** Whether field i of the record holds only ASCII bytes. */
    private boolean[] ascii = new boolean[8];
    private final ByteSliceIndex plainIndex = new ByteSliceIndex();
    private final List<String> plain = new ArrayList<>();
    private final ByteSliceIndex emailIndex = new ByteSliceIndex();
    private final List<String> emails = new ArrayList<>();
    /** The range {@link #trim} found. */
    private int from;
    private int to;
    /** Values not pooled by their bytes (escaped or not ASCII), pooled as Strings. */
    private final Map<String, String> pool = new HashMap<>();

    ScannedCells(CsvScanner csv) {
        this.csv = csv;
    }

    /**
     * Whether the record just scanned reads here exactly as Commons CSV reads it (and is UTF-8
     * without a NUL, as {@link dev.baton.engine.io.Utf8} requires).
     */
    boolean usual() {
        if (csv.problem != null) {
            return false;
        }
        if (ascii.length < csv.fields) {
            ascii = new boolean[Math.max(csv.fields, ascii.length * 2)];
        }
        byte[] buf = csv.buf;
        for (int f = 0; f < csv.fields; f++) {
            boolean quoted = csv.quoted[f];
            boolean plainAscii = true;
            int end = csv.end[f];
            for (int k = csv.start[f]; k < end; k++) {
                byte b = buf[k];
                if (b > '"') {
                    continue;
                }
                if (b == 0) {
                    return false;
                }
                if (b < 0) {
                    plainAscii = false;
                } else if (b == '"' && !quoted) {
                    return false; // Commons CSV reads a quote inside an unquoted value as it is; so might this, but rarely
                } else if (b == '\r' && (k + 1 >= end || buf[k + 1] != '\n')) {
                    return false; // a lone carriage return inside quotes: Commons CSV counts it as a line
                }
            }
            if (!plainAscii && !utf8(buf, csv.start[f], end)) {
                return false;
            }
            ascii[f] = plainAscii;
        }
        return true;
    }

    private boolean utf8(byte[] buf, int from, int to) {
        try {
            decoder.reset().decode(ByteBuffer.wrap(buf, from, to - from));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    long line() {
        return csv.recordLine;
    }

    /** The header's names, stripped as the Commons CSV reading strips them. */
    List<String> header() {
        List<String> names = new ArrayList<>(csv.fields);
        for (int i = 0; i < csv.fields; i++) {
            names.add(text(i).strip());
        }
        return names;
    }

    @Override
    public int size() {
        return csv.fields;
    }

    @Override
    public boolean blank() {
        return csv.fields == 1 && text(0).isBlank();
    }

    /** Field {@code i} as Commons CSV gives it: unescaped, and when not quoted without surrounding white space. */
    private String text(int i) {
        String s;
        if (csv.escaped[i]) {
            byte[] into = new byte[csv.end[i] - csv.start[i]];
            int n = csv.unescape(i, into);
            s = new String(into, 0, n, StandardCharsets.UTF_8);
        } else {
            s = new String(csv.buf, csv.start[i], csv.end[i] - csv.start[i], StandardCharsets.UTF_8);
        }
        return csv.quoted[i] ? s : s.strip();
    }

    /** Whether field {@code i} can be read straight from its bytes: ASCII without {@code ""}. */
    private boolean simple(int i) {
        return ascii[i] && !csv.escaped[i];
    }

    @Override
    public String cell(int i) {
        if (i >= csv.fields) {
            return null;
        }
        if (!simple(i)) {
            String v = text(i).trim();
            return v.isEmpty() ? null : v;
        }
        trim(i);
        return from == to ? null : new String(csv.buf, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The trimmed range of the simple field {@code i}, into {@link #from} and {@link #to}. */
    private void trim(int i) {
        byte[] buf = csv.buf;
        from = csv.start[i];
        to = csv.end[i];
        // Over ASCII, trim() takes off every character Commons CSV's white space would (and more: control characters).
        while (from < to && (buf[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (buf[to - 1] & 0xff) <= ' ') {
            to--;
        }
    }

    @Override
    public String pooled(int i) {
        return pooled(i, false);
    }

    @Override
    public String pooledEmail(int i) {
        return pooled(i, true);
    }

    private String pooled(int i, boolean email) {
        if (i >= csv.fields) {
            return null;
        }
        if (!simple(i)) {
            String v = email ? SalesforceRows.email(cell(i)) : cell(i);
            return v == null ? null : pool.computeIfAbsent(v, k -> k);
        }
        trim(i);
        if (from == to) {
            return null;
        }
        byte[] buf = csv.buf;
        ByteSliceIndex index = email ? emailIndex : plainIndex;
        List<String> values = email ? emails : plain;
        int h = ByteSliceIndex.hash(buf, from, to);
        int found = index.find(buf, from, to, h);
        if (found >= 0) {
            return values.get(found);
        }
        index.add(buf, from, to, h);
        String v = new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        if (email) {
            v = SalesforceRows.email(v);
        }
        values.add(v);
        return v;
    }
}
