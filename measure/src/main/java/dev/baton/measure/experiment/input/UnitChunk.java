package dev.baton.measure.experiment.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One byte range of a unit-level CSV folded into sufficient statistics per (experiment, variant):
 * one pass, no String per field, numbers parsed from the buffer ({@link Numbers}). Sums are plain
 * doubles: a sum of 10M values carries a relative error of about √n·2⁻⁵³ ≈ 4e-13 in practice (n·2⁻⁵³
 * ≈ 1e-9 at worst), far below what the statistics resolve.
 */
final class UnitChunk {

    /** Per metric: Σx, Σx², Σpre, Σpre², Σx·pre, Σden, Σden², Σx·den, count of x not 0/1, of pre not 0/1. */
    static final int SLOTS = 10;
    static final int MAX_ERRORS = 100;
    private static final int BUFFER = 4 << 20;

    private final UnitLayout layout;
    private final int width;
    final ByteKeys experiments = new ByteKeys();
    final ByteKeys variants = new ByteKeys();
    /** Per experiment id: cell index per variant id, −1 when none yet. */
    private int[][] cellOf = new int[16][];
    /** Per cell: experiment id, variant id. */
    final List<int[]> cellKeys = new ArrayList<>();
    /** Per cell: n, then SLOTS per metric. */
    final List<double[]> cells = new ArrayList<>();
    final List<InputError> errors = new ArrayList<>();
    long errorCount;
    long lines;

    private final double[] post;
    private final double[] pre;
    private final double[] den;

    UnitChunk(UnitLayout layout) {
        this.layout = layout;
        int m = layout.metrics.size();
        this.width = 1 + m * SLOTS;
        this.post = new double[m];
        this.pre = new double[m];
        this.den = new double[m];
    }

    /** Reads the lines that start in [start, end): start is a line start, end a line start or the file size. */
    void read(FileChannel channel, long start, long end) throws IOException {
        byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(1024, end - start))];
        int filled = 0;
        long position = start;
        while (position < end || filled > 0) {
            int want = (int) Math.min(buf.length - filled, end - position);
            if (want > 0) {
                int got = channel.read(ByteBuffer.wrap(buf, filled, want), position);
                if (got < 0) {
                    throw new IOException("the file ended early: was it changed while being read?");
                }
                position += got;
                filled += got;
            }
            boolean last = position >= end;
            int lineStart = 0;
            for (int i = 0; i < filled; i++) {
                if (buf[i] == '\n') {
                    line(buf, lineStart, i);
                    lineStart = i + 1;
                }
            }
            if (last) {
                if (lineStart < filled) {
                    line(buf, lineStart, filled);
                }
                return;
            }
            int rest = filled - lineStart;
            if (lineStart == 0 && rest == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            } else {
                System.arraycopy(buf, lineStart, buf, 0, rest);
            }
            filled = rest;
        }
    }

    private void line(byte[] b, int from, int to) {
        lines++;
        failed = false;
        if (to > from && b[to - 1] == '\r') {
            to--;
        }
        if (to == from) {
            return;
        }
        int[] role = layout.role;
        int[] metric = layout.metric;
        int experiment = 0;
        int variantFrom = -1;
        int variantTo = -1;
        int column = 0;
        int pos = from;
        int columns = role.length;
        while (true) {
            int fieldFrom = pos;
            int fieldTo;
            if (pos < to && b[pos] == '"') {
                int q = pos + 1;
                while (q < to && !(b[q] == '"' && (q + 1 >= to || b[q + 1] != '"'))) {
                    q += b[q] == '"' ? 2 : 1;
                }
                fieldFrom = pos + 1;
                fieldTo = Math.min(q, to);
                pos = q + 1;
                while (pos < to && b[pos] != ',') {
                    pos++;
                }
            } else {
                while (pos < to && b[pos] != ',') {
                    pos++;
                }
                fieldTo = pos;
            }
            if (column < columns) {
                switch (role[column]) {
                    case UnitLayout.VARIANT -> {
                        variantFrom = fieldFrom;
                        variantTo = fieldTo;
                    }
                    case UnitLayout.EXPERIMENT -> {
                        if (fieldTo == fieldFrom) {
                            error(column, "expected an experiment id, found an empty field");
                            return;
                        }
                        experiment = experiments.id(b, fieldFrom, fieldTo);
                    }
                    case UnitLayout.METRIC -> post[metric[column]] = number(b, fieldFrom, fieldTo, column);
                    case UnitLayout.PRE -> pre[metric[column]] = number(b, fieldFrom, fieldTo, column);
                    case UnitLayout.DENOMINATOR -> den[metric[column]] = number(b, fieldFrom, fieldTo, column);
                    default -> {
                    }
                }
            }
            column++;
            if (pos >= to) {
                break;
            }
            pos++;
        }
        if (column != columns) {
            error(-1, "expected " + columns + " fields as in the header, found " + column);
            return;
        }
        if (variantFrom == variantTo) {
            error(-1, "variant: expected the arm of this unit, found an empty field");
            return;
        }
        if (failed) {
            return;
        }
        if (!layout.hasExperiment && experiments.size() == 0) {
            experiments.id(new byte[0], 0, 0);
        }
        double[] acc = cell(experiment, variants.id(b, variantFrom, variantTo));
        acc[0] += 1;
        int metrics = post.length;
        boolean[] hasPre = layout.hasPre;
        boolean[] hasDen = layout.hasDenominator;
        for (int m = 0; m < metrics; m++) {
            int base = 1 + m * SLOTS;
            double x = post[m];
            acc[base] += x;
            acc[base + 1] += x * x;
            if (x != 0 && x != 1) {
                acc[base + 8] += 1;
            }
            if (hasPre[m]) {
                double p = pre[m];
                acc[base + 2] += p;
                acc[base + 3] += p * p;
                acc[base + 4] += x * p;
                if (p != 0 && p != 1) {
                    acc[base + 9] += 1;
                }
            }
            if (hasDen[m]) {
                double d = den[m];
                acc[base + 5] += d;
                acc[base + 6] += d * d;
                acc[base + 7] += x * d;
            }
        }
    }

    private boolean failed;

    private double number(byte[] b, int from, int to, int column) {
        double v = Numbers.parse(b, from, to);
        if (v != v) {
            error(column, "expected a number, found '" + new String(b, from, Math.min(to - from, 40),
                    java.nio.charset.StandardCharsets.UTF_8) + "'");
            failed = true;
            return 0;
        }
        return v;
    }

    private void error(int column, String message) {
        errorCount++;
        if (errors.size() < MAX_ERRORS) {
            // the line is made absolute by UnitCsv once the lines of the chunks before are known
            errors.add(new InputError((int) lines, column, null, message));
        }
    }

    private double[] cell(int experiment, int variant) {
        if (experiment >= cellOf.length) {
            cellOf = Arrays.copyOf(cellOf, Math.max(cellOf.length * 2, experiment + 1));
        }
        int[] row = cellOf[experiment];
        if (row == null || variant >= row.length) {
            int[] bigger = new int[Math.max(4, variant + 1)];
            Arrays.fill(bigger, -1);
            if (row != null) {
                System.arraycopy(row, 0, bigger, 0, row.length);
            }
            cellOf[experiment] = row = bigger;
        }
        int index = row[variant];
        if (index < 0) {
            index = cells.size();
            row[variant] = index;
            cells.add(new double[width]);
            cellKeys.add(new int[] {experiment, variant});
        }
        return cells.get(index);
    }
}
