package dev.baton.measure.attribution;

import java.nio.charset.StandardCharsets;

/** Decimal numbers read straight from bytes, correctly rounded, without a String for the common case. */
final class Numbers {

    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10; // exact up to 1e22
        }
    }

    private Numbers() {
    }

    /**
     * The number in {@code bytes[from, to)} (spaces and tabs around it ignored), or NaN when it is not a finite
     * decimal number. Up to 15 significant digits and 22 decimals it is mantissa / 10^decimals, both
     * exact in a double, so one IEEE division rounds correctly (Clinger's fast path); anything longer
     * or with an exponent goes through {@link Double#parseDouble}, which gives the same answer.
     */
    static double parse(byte[] bytes, int from, int to) {
        while (from < to && bytes[from] >= 0 && bytes[from] <= ' ') {
            from++;
        }
        while (to > from && bytes[to - 1] >= 0 && bytes[to - 1] <= ' ') {
            to--;
        }
        int i = from;
        boolean negative = false;
        if (i < to && (bytes[i] == '-' || bytes[i] == '+')) {
            negative = bytes[i] == '-';
            i++;
        }
        long mantissa = 0;
        int decimals = 0;
        boolean dot = false;
        boolean digits = false;
        for (; i < to; i++) {
            int c = bytes[i];
            if (c >= '0' && c <= '9') {
                if (mantissa >= 100_000_000_000_000L) {
                    return slow(bytes, from, to);
                }
                mantissa = mantissa * 10 + (c - '0');
                digits = true;
                if (dot) {
                    decimals++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slow(bytes, from, to);
            }
        }
        if (!digits) {
            return Double.NaN;
        }
        if (decimals >= POW10.length) {
            return slow(bytes, from, to);
        }
        double value = decimals == 0 ? mantissa : mantissa / POW10[decimals];
        return negative ? -value : value;
    }

    private static double slow(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = bytes[i];
            // Double.parseDouble would also take "NaN", "Infinity", hex and a trailing 'd': none is a count.
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            double value = Double.parseDouble(new String(bytes, from, to - from, StandardCharsets.US_ASCII));
            return Double.isFinite(value) ? value : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
