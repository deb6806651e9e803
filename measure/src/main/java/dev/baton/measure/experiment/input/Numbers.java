package dev.baton.measure.experiment.input;

import java.nio.charset.StandardCharsets;

/**
 * Decimal numbers parsed straight from the bytes of a CSV line, without a String per field. Plain
 * decimals ("-12.375", "0", "1e3" falls back) with at most 18 significant digits and 22 decimals are
 * computed as mantissa ÷ 10^k: both are exact doubles, so the division is correctly rounded and
 * the result is the same double as {@link Double#parseDouble}. Anything else goes to
 * {@code parseDouble} itself.
 */
final class Numbers {

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    static double pow10(int k) {
        return POW10[k];
    }

    /** Returned for text that is not a number. */
    static final double INVALID = Double.NaN;

    private Numbers() {
    }

    /** The number in {@code b[from, to)}; an empty field is 0; {@link #INVALID} (NaN) when not a number. */
    static double parse(byte[] b, int from, int to) {
        if (from < to && b[from] == '"' && to - from >= 2 && b[to - 1] == '"') {
            from++;
            to--;
        }
        if (from == to) {
            return 0;
        }
        int i = from;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int decimals = 0;
        boolean point = false;
        boolean any = false;
        for (; i < to; i++) {
            byte c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (mantissa != 0 || c != '0') {
                    digits++;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    decimals++;
                }
                if (digits > 18) {
                    return slow(b, from, to);
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return slow(b, from, to);
            }
        }
        if (!any || decimals >= POW10.length || mantissa > (1L << 53)) {
            return any ? slow(b, from, to) : INVALID;
        }
        double value = decimals == 0 ? mantissa : mantissa / POW10[decimals];
        return negative ? -value : value;
    }

    private static double slow(byte[] b, int from, int to) {
        String text = new String(b, from, to - from, StandardCharsets.UTF_8).strip();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // "NaN", "Infinity", hex floats and Java's 1d/1f suffixes are not data; an exponent is.
            if (Character.isLetter(c) && c != 'e' && c != 'E') {
                return INVALID;
            }
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : INVALID;
        } catch (NumberFormatException e) {
            return INVALID;
        }
    }
}
