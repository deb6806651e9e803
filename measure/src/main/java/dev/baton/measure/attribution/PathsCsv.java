package dev.baton.measure.attribution;

import dev.baton.measure.csv.ByteSliceIndex;
import dev.baton.measure.csv.CsvScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads aggregated paths from CSV, as ChannelAttribution's {@code PathData} lays them out: one row
 * per path with its conversions, conversion value and non-converting journeys. The file is read as
 * a stream and identical paths are folded as they come ({@link Journeys}), so memory grows with
 * the distinct paths, not the rows.
 *
 * <p>Conversions may be fractional (a share of a conversion from a deduplicated source) and are kept
 * as they are; ChannelAttribution's C++ casts them to integers. Every problem in the file is
 * collected before failing ({@link PathsFormatException}), each with its line and column.
 */
public final class PathsCsv {

    private PathsCsv() {
    }

    public static Journeys read(Path file, PathColumns columns) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), columns);
        }
    }

    /** Reads {@code in}; {@code name} is the file name the problems are reported against. */
    public static Journeys read(InputStream in, String name, PathColumns columns) throws IOException {
        return new Reading(in, name, columns).run();
    }

    private static final long RAW_CACHE_BYTES = 64L << 20;

    private static final class Reading {
        private final CsvScanner csv;
        private final String name;
        private final PathColumns columns;
        private final byte[] separator;
        private final JourneysBuilder journeys = new JourneysBuilder();
        private final List<PathProblem> problems = new ArrayList<>();
        private long problemCount;
        private int[] ids = new int[64];
        /**
         * Path texts seen, to the distinct path each stands for: a row repeating a path as written
         * skips splitting and looking up its channels. Kept to {@link #RAW_CACHE_BYTES} of text.
         */
        private final ByteSliceIndex rawPaths = new ByteSliceIndex();
        private int[] rawPathIds = new int[1024];
        /** Rows looked up in {@link #rawPaths}, and found; the cache is dropped when it seldom helps. */
        private long rawLookups;
        private long rawHits;
        private boolean rawCache = true;
        private byte[] scratch = new byte[256];

        Reading(InputStream in, String name, PathColumns columns) {
            this.csv = new CsvScanner(in);
            this.name = name;
            this.columns = columns;
            this.separator = columns.separator().getBytes(StandardCharsets.UTF_8);
        }

        Journeys run() throws IOException {
            if (!csv.next()) {
                problem(1, 1, "expected a header line naming the columns (" + columns.path() + ", "
                        + columns.conversions() + ", …), found an empty file");
                throw failure();
            }
            if (csv.problem != null) {
                problem(csv.problemLine, csv.problemColumn, csv.problem);
                throw failure();
            }
            List<String> header = new ArrayList<>();
            for (int i = 0; i < csv.fields; i++) {
                header.add(text(i).strip());
            }
            int pathColumn = column(header, columns.path(), "paths", true);
            int conversionColumn = column(header, columns.conversions(), "conversions", true);
            int valueColumn = column(header, columns.value(), "conversion values", columns.valueRequired());
            int nullColumn = column(header, columns.nulls(), "non-converting journeys", columns.nullsRequired());
            if (!problems.isEmpty()) {
                throw failure();
            }
            int needed = Math.max(Math.max(pathColumn, conversionColumn), Math.max(valueColumn, nullColumn)) + 1;
            long rows = 0;
            while (csv.next()) {
                rows++;
                if (csv.problem != null) {
                    problem(csv.problemLine, csv.problemColumn, csv.problem);
                    continue;
                }
                if (csv.fields < needed) {
                    long[] at = csv.whereEnd();
                    problem(at[0], at[1], "expected " + header.size() + " values as the header has, found "
                            + csv.fields + " (no value for '" + header.get(csv.fields) + "')");
                    continue;
                }
                long before = problemCount;
                double conversions = number(conversionColumn, columns.conversions(), true);
                double nulls = nullColumn < 0 ? 0 : number(nullColumn, columns.nulls(), true);
                double value = valueColumn < 0 ? 0 : number(valueColumn, columns.value(), false);
                addRow(pathColumn, before, conversions, value, nulls);
            }
            if (!problems.isEmpty()) {
                throw failure();
            }
            return journeys.build(rows, nullColumn >= 0);
        }

        /** Adds the row to its distinct path, unless one of its values had a problem. */
        private void addRow(int field, long problemsBefore, double conversions, double value, double nulls) {
            int from = csv.start[field];
            int to = csv.end[field];
            boolean cacheable = rawCache && !csv.escaped[field];
            int h = 0;
            if (cacheable) {
                h = ByteSliceIndex.hash(csv.buf, from, to);
                int raw = rawPaths.find(csv.buf, from, to, h);
                if (++rawLookups == 1 << 16 && rawHits < rawLookups / 2) {
                    rawCache = false; // mostly new paths: keeping their text costs more than it saves
                }
                if (raw >= 0) {
                    rawHits++;
                    if (problemCount == problemsBefore) {
                        journeys.addTo(rawPathIds[raw], conversions, value, nulls);
                    }
                    return;
                }
            }
            int length = path(field);
            if (problemCount != problemsBefore) {
                return;
            }
            int path = journeys.add(ids, length, conversions, value, nulls);
            if (cacheable && rawPaths.bytes() < RAW_CACHE_BYTES) {
                int raw = rawPaths.add(csv.buf, from, to, h);
                if (raw == rawPathIds.length) {
                    rawPathIds = java.util.Arrays.copyOf(rawPathIds, raw * 2);
                }
                rawPathIds[raw] = path;
            }
        }

        /** The index of the column named {@code wanted}: exactly, else ignoring case; -1 when absent. */
        private int column(List<String> header, String wanted, String holds, boolean required) {
            int found = -1;
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).equals(wanted)) {
                    if (found >= 0) {
                        long[] at = csv.whereField(i);
                        problem(at[0], at[1], "the header names the column '" + wanted + "' twice");
                        return found;
                    }
                    found = i;
                }
            }
            if (found < 0) {
                for (int i = 0; i < header.size() && found < 0; i++) {
                    if (header.get(i).toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                        found = i;
                    }
                }
            }
            if (found < 0 && required) {
                problem(1, 1, "expected a column '" + wanted + "' with the " + holds + ", found the columns "
                        + String.join(", ", header.stream().map(h -> "'" + h + "'").toList()));
            }
            return found;
        }

        private double number(int field, String column, boolean count) {
            byte[] bytes = csv.buf;
            int from = csv.start[field];
            int to = csv.end[field];
            if (csv.escaped[field]) {
                bytes = scratchFor(to - from);
                from = 0;
                to = csv.unescape(field, bytes);
            }
            double value = Numbers.parse(bytes, from, to);
            if (Double.isNaN(value)) {
                long[] at = csv.whereField(field);
                problem(at[0], at[1], "column '" + column + "': expected a number, found " + shown(field));
            } else if (count && value < 0) {
                long[] at = csv.whereField(field);
                problem(at[0], at[1], "column '" + column + "': expected a count of 0 or more, found " + shown(field));
            }
            return value;
        }

        /** Splits the path into {@link #ids}; its length, or -1 after reporting a problem. */
        private int path(int field) {
            byte[] bytes = csv.buf;
            int from = csv.start[field];
            int to = csv.end[field];
            boolean escaped = csv.escaped[field];
            if (escaped) {
                bytes = scratchFor(to - from);
                from = 0;
                to = csv.unescape(field, bytes);
            }
            String sep = columns.separator();
            int n = 0;
            int i = from;
            while (true) {
                int at = indexOf(bytes, i, to);
                int segmentEnd = at < 0 ? to : at;
                int s = i;
                int e = segmentEnd;
                // Spaces, tabs and line breaks around a name are layout, not part of it.
                while (s < e && bytes[s] >= 0 && bytes[s] <= ' ') {
                    s++;
                }
                while (e > s && bytes[e - 1] >= 0 && bytes[e - 1] <= ' ') {
                    e--;
                }
                if (s == e) {
                    long[] where = escaped ? csv.whereField(field) : csv.where(field, i);
                    boolean whole = at < 0 && n == 0;
                    problem(where[0], where[1], whole
                            ? "column '" + columns.path() + "': expected channels separated by '" + sep
                            + "', found an empty path"
                            : "column '" + columns.path() + "': expected a channel name "
                            + (n == 0 ? "before" : at < 0 ? "after" : "between") + " '" + sep + "', found nothing");
                    return -1;
                }
                int id = journeys.names().id(bytes, s, e);
                if (id < 0) {
                    long[] where = escaped ? csv.whereField(field) : csv.where(field, s);
                    problem(where[0], where[1], "column '" + columns.path()
                            + "': expected UTF-8 text, found bytes that are not");
                    return -1;
                }
                if (n == ids.length) {
                    ids = java.util.Arrays.copyOf(ids, n * 2);
                }
                ids[n++] = id;
                if (at < 0) {
                    return n;
                }
                i = at + separator.length;
            }
        }

        private int indexOf(byte[] bytes, int from, int to) {
            byte first = separator[0];
            int last = to - separator.length;
            for (int i = from; i <= last; i++) {
                if (bytes[i] == first) {
                    int k = 1;
                    while (k < separator.length && bytes[i + k] == separator[k]) {
                        k++;
                    }
                    if (k == separator.length) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private String text(int field) {
            byte[] bytes = scratchFor(csv.end[field] - csv.start[field]);
            int n = csv.unescape(field, bytes);
            return new String(bytes, 0, n, StandardCharsets.UTF_8);
        }

        /** The field's text as quoted in a message, shortened when long. */
        private String shown(int field) {
            String text = text(field).strip();
            if (text.isEmpty()) {
                return "nothing";
            }
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
        }

        private byte[] scratchFor(int length) {
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            return scratch;
        }

        private void problem(long line, long column, String message) {
            problemCount++;
            if (problems.size() < PathsFormatException.SHOWN) {
                problems.add(new PathProblem(line, column, message));
            }
        }

        private PathsFormatException failure() {
            return new PathsFormatException(name, problems, problemCount);
        }
    }
}
