package dev.baton.measure.crm;

import dev.baton.engine.io.Gzip;
import dev.baton.engine.io.Utf8;
import dev.baton.measure.csv.CsvScanner;
import dev.baton.measure.mapping.OutcomeMapping;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One export read whole into memory and scanned from its bytes ({@link ScannedCells}), in parts
 * that start at line breaks, so that the parts of a million-row touchpoint file are read on every
 * core at once. A part that ends inside a quoted value (a line break in quotes) is read again with
 * all the rest of the file; anything the byte reading leaves to Commons CSV makes {@link #load} or
 * {@link #part} answer null, and the caller reads the whole file with Commons CSV.
 */
final class ScannedFile {

    /**
     * Files up to this size are read into memory; a larger one is streamed by Commons CSV, whose
     * memory stays flat however large the file.
     */
    static final int MAX_BYTES = 512 << 20;

    /** Parts are at least this long: smaller ones cost more to hand out than they save. */
    static final int MIN_PART = 1 << 20;

    private final String name;
    private final byte[] bytes;
    /** The header's log: a problem with the header (an unknown kind, missing columns) ends the file there. */
    final FileLog head;
    /** The rows' reader of the header's kind and columns, or null when the header has a problem. */
    private final Rows rows;
    /** Where the rows start, and the line they start on. */
    private final int start;
    private final long firstLine;

    private ScannedFile(String name, byte[] bytes, FileLog head, Rows rows, int start, long firstLine) {
        this.name = name;
        this.bytes = bytes;
        this.head = head;
        this.rows = rows;
        this.start = start;
        this.firstLine = firstLine;
    }

    /** The file read and its header understood; null when Commons CSV must read it (unreadable, empty, unusual). */
    static ScannedFile load(CrmReader.Source source, OutcomeMapping mapping) {
        byte[] bytes;
        try (InputStream in = Gzip.detect(source.opener().open())) {
            bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                return null;
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            return null; // read as a stream by Commons CSV, which says what is wrong
        }
        int from = Utf8.hasBom(bytes) ? 3 : 0;
        CsvScanner csv = new CsvScanner(bytes, from, bytes.length, 1);
        ScannedCells cells = new ScannedCells(csv);
        try {
            if (!csv.next() || !cells.usual()) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        FileLog head = new FileLog();
        Rows rows = CrmReader.rows(source.name(), cells.header(), mapping, head, cells);
        return new ScannedFile(source.name(), bytes, head, rows, csv.position(), csv.line());
    }

    /** Whether the header was understood, so there are rows to read. */
    boolean hasRows() {
        return rows != null;
    }

    /**
     * Where about {@code wanted} parts of the rows start and end (each at least {@code minPart} bytes
     * long, but for the last), each part ending after a line break.
     */
    List<int[]> parts(int wanted, int minPart) {
        List<int[]> parts = new ArrayList<>();
        int size = Math.max(minPart, (bytes.length - start) / Math.max(1, wanted) + 1);
        int from = start;
        while (from < bytes.length) {
            int to = (int) Math.min(bytes.length, (long) from + size);
            while (to < bytes.length && bytes[to - 1] != '\n') {
                to++;
            }
            parts.add(new int[] {from, to});
            from = to;
        }
        if (parts.isEmpty()) {
            parts.add(new int[] {start, start});
        }
        return parts;
    }

    /**
     * The rows of {@code bytes[from, to)}, numbered from line 1 (see {@link FileLog#moveLines});
     * null when they hold something left to Commons CSV, or end inside a quoted value.
     */
    FileLog part(int from, int to) {
        FileLog log = new FileLog();
        CsvScanner csv = new CsvScanner(bytes, from, to, 1);
        ScannedCells cells = new ScannedCells(csv);
        Rows r = rows.with(log, cells);
        int width = r.width();
        long count = 0;
        try {
            while (csv.next()) {
                if (!cells.usual()) {
                    return null;
                }
                if (cells.blank()) {
                    continue;
                }
                count++;
                r.at(cells.line());
                if (cells.size() > width) {
                    r.problemAt(width, CrmReader.tooMany(width, cells.size()));
                    continue;
                }
                CrmReader.dispatch(r.kind(), r, log);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        log.lines = csv.line() - 1;
        log.rowsRead = count;
        return log;
    }

    /**
     * The parts' logs in order, their lines numbered in the file; the last says what was read. A
     * part that ended inside a quoted value ({@code null}) is read again with the rest of the file;
     * null when even that is left to Commons CSV.
     */
    List<FileLog> join(List<int[]> parts, List<FileLog> logs) {
        List<FileLog> joined = new ArrayList<>();
        joined.add(head);
        long before = firstLine - 1;
        long count = 0;
        for (int i = 0; i < logs.size(); i++) {
            FileLog log = logs.get(i);
            boolean rest = log == null;
            if (rest) {
                log = part(parts.get(i)[0], bytes.length);
                if (log == null) {
                    return null;
                }
            }
            log.moveLines(before);
            before += log.lines;
            count += log.rowsRead;
            joined.add(log);
            if (rest) {
                break;
            }
        }
        joined.get(joined.size() - 1).read = new CrmReader.FileRead(name, rows.kind(), count);
        return joined;
    }
}
