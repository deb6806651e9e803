package dev.baton.measure.experiment.input;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    /**
     * Per metric: Σx, Σx², Σpre, Σpre², Σx·pre, Σden, Σden², Σx·den, count of x not 0/1, of pre not 0/1,
     * then for a ratio with CUPED Σpreden, Σpreden², Σx·preden, Σpre·den, Σpre·preden, Σden·preden.
     */
    static final int SLOTS = 16;
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
    private final double[] preDen;

    UnitChunk(UnitLayout layout) {
        this.layout = layout;
        int m = layout.metrics.size();
        this.width = 1 + m * SLOTS;
        this.post = new double[m];
        this.pre = new double[m];
        this.den = new double[m];
        this.preDen = new double[m];
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
            for (int i = nextLineBreak(buf, 0, filled); i >= 0; i = nextLineBreak(buf, lineStart, filled)) {
                line(buf, lineStart, i);
                lineStart = i + 1;
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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long BREAKS = 0x0A0A0A0A0A0A0A0AL;

    /** The index of the next '\n' in b[from, to), or −1: eight bytes at a time (SWAR zero-byte test). */
    static int nextLineBreak(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long x = (long) LONGS.get(b, i) ^ BREAKS;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
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
            int kind = column < columns ? role[column] : UnitLayout.SKIP;
            if (kind >= UnitLayout.METRIC && (pos >= to || b[pos] != '"')) {
                // numbers are parsed while the field is scanned: one pass over its bytes
                store(kind, metric[column], number(b, pos, to, column));
                pos = end;
            } else {
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
                if (kind == UnitLayout.VARIANT) {
                    variantFrom = fieldFrom;
                    variantTo = fieldTo;
                } else if (kind == UnitLayout.EXPERIMENT) {
                    if (fieldTo == fieldFrom) {
                        error(column, "expected an experiment id, found an empty field");
                        return;
                    }
                    experiment = experiments.id(b, fieldFrom, fieldTo);
                } else if (kind >= UnitLayout.METRIC) {
                    store(kind, metric[column], checked(b, fieldFrom, fieldTo, column));
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
        boolean[] hasPreDen = layout.hasPreDenominator;
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
                if (hasPreDen[m]) {
                    double p = pre[m];
                    double q = preDen[m];
                    acc[base + 10] += q;
                    acc[base + 11] += q * q;
                    acc[base + 12] += x * q;
                    acc[base + 13] += p * d;
                    acc[base + 14] += p * q;
                    acc[base + 15] += d * q;
                }
            }
        }
    }

    private void store(int kind, int m, double value) {
        if (kind == UnitLayout.METRIC) {
            post[m] = value;
        } else if (kind == UnitLayout.PRE) {
            pre[m] = value;
        } else if (kind == UnitLayout.PRE_DENOMINATOR) {
            preDen[m] = value;
        } else {
            den[m] = value;
        }
    }

    /** Where the last field read by {@link #number} ended (its comma, or the end of the line). */
    private int end;

    /**
     * The number starting at {@code from}, scanned up to its comma in the same pass; plain decimals
     * are computed here, anything else goes to {@link Numbers#parse} once the field's end is known.
     */
    private double number(byte[] b, int from, int to, int column) {
        int i = from;
        boolean negative = i < to && b[i] == '-';
        if (negative) {
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        while (i < to) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == '.' && decimals < 0) {
                decimals = 0;
            } else if (c == ',') {
                break;
            } else {
                return slow(b, from, to, column);
            }
            i++;
        }
        end = i;
        if (digits == 0) {
            if (i == from) {
                return 0;
            }
            return slow(b, from, to, column);
        }
        if (digits > 18 || decimals > 22 || mantissa > (1L << 53)) {
            return slow(b, from, to, column);
        }
        double value = decimals <= 0 ? mantissa : mantissa / Numbers.pow10(decimals);
        return negative ? -value : value;
    }

    private double slow(byte[] b, int from, int to, int column) {
        int i = from;
        while (i < to && b[i] != ',') {
            i++;
        }
        end = i;
        return checked(b, from, i, column);
    }

    private boolean failed;

    private double checked(byte[] b, int from, int to, int column) {
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
