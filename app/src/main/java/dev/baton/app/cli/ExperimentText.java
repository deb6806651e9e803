package dev.baton.app.cli;

import dev.baton.measure.experiment.Comparison;
import dev.baton.measure.experiment.ExperimentResult;
import dev.baton.measure.experiment.MetricResult;
import dev.baton.measure.experiment.Srm;
import dev.baton.measure.experiment.Warning;
import java.io.PrintWriter;
import java.util.Locale;

/** Experiment results for a terminal: the SRM check and the guardrails first, then one line per comparison. */
final class ExperimentText {

    private ExperimentText() {
    }

    static String srm(Srm.Result srm) {
        if (srm.explanation() != null) {
            return "SRM: not checked: " + srm.explanation();
        }
        return String.format(Locale.ROOT, "SRM: p = %s (χ² = %.3f, %d df): %s", p(srm.pValue()), srm.chiSquare(),
                srm.degreesOfFreedom(), srm.mismatch() ? "MISMATCH (below " + Srm.THRESHOLD + ")"
                        : "users match the planned split");
    }

    static void experiment(ExperimentResult r, PrintWriter out, boolean withName) {
        if (withName) {
            out.println("experiment " + r.experiment() + ": " + String.join(", ", r.arms().stream()
                    .map(a -> a + " " + users(r, a)).toList()));
        }
        out.println((withName ? "  " : "") + srm(r.srm()));
        for (Warning w : r.warnings()) {
            out.println((withName ? "  " : "") + "! " + w.message());
        }
        out.println((withName ? "  " : "") + String.format(Locale.ROOT, "%s, %s difference, α = %s%s",
                r.settings().method().id(), r.settings().difference().id(), r.settings().alpha(),
                r.bhAdjusted() ? ", p-values adjusted by Benjamini–Hochberg across metrics and arms" : ""));
        for (MetricResult m : r.metrics()) {
            out.println((withName ? "  " : "") + m.metric() + " (" + m.kind() + ")");
            for (Comparison c : m.comparisons()) {
                out.println((withName ? "    " : "  ") + c.summary());
            }
        }
    }

    private static String users(ExperimentResult r, String arm) {
        Long n = r.users().get(r.arms().indexOf(arm));
        return n == null ? "(no count)" : String.format(Locale.ROOT, "(%,d)", n);
    }

    static String p(double value) {
        return value >= 1e-4 || value == 0 ? String.format(Locale.ROOT, "%.4f", value)
                : String.format(Locale.ROOT, "%.2e", value);
    }
}
