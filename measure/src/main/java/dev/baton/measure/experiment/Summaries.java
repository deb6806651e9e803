package dev.baton.measure.experiment;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * One sentence per comparison, so that every verdict explains itself. Written with a
 * StringBuilder and {@link #fixed} rather than String.format: ten thousand comparisons of a
 * unit-level file are summarised in a few milliseconds instead of most of a second.
 */
final class Summaries {

    private Summaries() {
    }

    static String of(Comparison c, Settings settings) {
        StringBuilder s = new StringBuilder("'").append(c.arm()).append("' vs '").append(c.baseline()).append("': ");
        if (!c.defined()) {
            return s.append("no estimate: ").append(c.explanation()).toString();
        }
        boolean relative = settings.relative();
        long level = Math.round(100 * (1 - settings.alpha()));
        s.append(effect(c.expected(), relative)).append(" (").append(level).append("% ");
        if (c.chanceToWin() != null) {
            return s.append("credible interval ").append(interval(c.ci(), relative)).append("); chance to win ")
                    .append(fixed(100 * c.chanceToWin(), 1)).append("%; expected loss of shipping it ")
                    .append(effect(c.risk().arm(), relative).replace("+", ""))
                    .append(", of keeping the baseline ")
                    .append(effect(c.risk().baseline(), relative).replace("+", "")).toString();
        }
        s.append(settings.method() == Method.SEQUENTIAL ? "confidence sequence " : "CI ")
                .append(interval(c.ci(), relative)).append("), ");
        Double p = c.pValueAdjusted() != null ? c.pValueAdjusted() : c.pValue();
        if (c.pValue() == null) {
            return s.append("p not computed (the one-sided search did not converge): no verdict").toString();
        }
        s.append("p = ").append(p(c.pValue()));
        if (c.pValueAdjusted() != null) {
            s.append(", adjusted ").append(p(c.pValueAdjusted()));
        }
        s.append(": ");
        if (p < settings.alpha()) {
            s.append("significant at α = ").append(number(settings.alpha())).append(": '").append(c.arm())
                    .append("' is ").append(c.expected() > 0 ? "higher" : "lower");
        } else {
            s.append("not significant at α = ").append(number(settings.alpha()));
        }
        return s.toString();
    }

    private static String interval(Comparison.Interval ci, boolean relative) {
        String low = ci.low() == null ? "-∞" : effect(ci.low(), relative);
        String high = ci.high() == null ? "+∞" : effect(ci.high(), relative);
        return low + " to " + high;
    }

    static String effect(double value, boolean relative) {
        if (relative) {
            return (value >= 0 ? "+" : "") + fixed(100 * value, 1) + "%";
        }
        return (value >= 0 ? "+" : "") + number(value);
    }

    /** {@code value} with {@code decimals} decimals (half up), e.g. fixed(-3.526, 1) = "-3.5". */
    static String fixed(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        double scaled = Math.abs(value) * scale;
        if (!(scaled < 1e15)) {
            return String.format(Locale.ROOT, "%." + decimals + "f", value);
        }
        long units = Math.round(scaled);
        StringBuilder s = new StringBuilder();
        if (value < 0 && units != 0) {
            s.append('-');
        }
        long whole = (long) (units / scale);
        s.append(whole);
        if (decimals > 0) {
            String fraction = Long.toString(units - (long) (whole * scale));
            s.append('.');
            for (int i = fraction.length(); i < decimals; i++) {
                s.append('0');
            }
            s.append(fraction);
        }
        return s.toString();
    }

    /** Four significant digits, no exponent for everyday sizes. */
    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs >= 1e-3 && abs < 1e7) {
            return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }

    /** A p-value as people read them: four decimals, or scientific when smaller than 0.0001. */
    static String p(double value) {
        if (value >= 1e-4 || value == 0) {
            return fixed(value, 4);
        }
        return String.format(Locale.ROOT, "%.1e", value);
    }
}
