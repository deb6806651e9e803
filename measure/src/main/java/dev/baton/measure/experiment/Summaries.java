package dev.baton.measure.experiment;

import java.util.Locale;

/** One sentence per comparison, so that every verdict explains itself. */
final class Summaries {

    private Summaries() {
    }

    static String of(Comparison c, Settings settings) {
        String who = "'" + c.arm() + "' vs '" + c.baseline() + "'";
        if (!c.defined()) {
            return who + ": no estimate: " + c.explanation();
        }
        boolean relative = settings.relative();
        int level = (int) Math.round(100 * (1 - settings.alpha()));
        String interval = interval(c.ci(), relative);
        if (c.chanceToWin() != null) {
            return String.format(Locale.ROOT, "%s: %s (%d%% credible interval %s); chance to win %.1f%%; expected loss"
                            + " of shipping it %s, of keeping the baseline %s", who, effect(c.expected(), relative), level,
                    interval, 100 * c.chanceToWin(), effect(c.risk().arm(), relative).replace("+", ""),
                    effect(c.risk().baseline(), relative).replace("+", ""));
        }
        Double p = c.pValueAdjusted() != null ? c.pValueAdjusted() : c.pValue();
        String pText = c.pValue() == null ? "p not computed (the one-sided search did not converge)"
                : "p = " + p(c.pValue()) + (c.pValueAdjusted() != null ? ", adjusted " + p(c.pValueAdjusted()) : "");
        String verdict;
        if (p == null) {
            verdict = "no verdict";
        } else if (p < settings.alpha()) {
            verdict = "significant at α = " + number(settings.alpha()) + ": '" + c.arm() + "' is "
                    + (c.expected() > 0 ? "higher" : "lower");
        } else {
            verdict = "not significant at α = " + number(settings.alpha());
        }
        String kind = settings.method() == Method.SEQUENTIAL ? "confidence sequence" : "CI";
        return String.format(Locale.ROOT, "%s: %s (%d%% %s %s), %s: %s", who, effect(c.expected(), relative), level,
                kind, interval, pText, verdict);
    }

    private static String interval(Comparison.Interval ci, boolean relative) {
        String low = ci.low() == null ? "-∞" : effect(ci.low(), relative);
        String high = ci.high() == null ? "+∞" : effect(ci.high(), relative);
        return low + " to " + high;
    }

    static String effect(double value, boolean relative) {
        if (relative) {
            return String.format(Locale.ROOT, "%+.1f%%", 100 * value);
        }
        return (value >= 0 ? "+" : "") + number(value);
    }

    /** Four significant digits, no exponent for everyday sizes. */
    static String number(double value) {
        if (value == 0) {
            return "0";
        }
        double abs = Math.abs(value);
        if (abs >= 1e-3 && abs < 1e7) {
            String s = new java.math.BigDecimal(value).round(new java.math.MathContext(4)).stripTrailingZeros()
                    .toPlainString();
            return s;
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }

    /** A p-value as people read them: four decimals, or scientific when smaller than 0.0001. */
    static String p(double value) {
        if (value >= 1e-4 || value == 0) {
            return String.format(Locale.ROOT, "%.4f", value);
        }
        return String.format(Locale.ROOT, "%.1e", value);
    }
}
