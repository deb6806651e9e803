package dev.baton.app.cli;

import dev.baton.measure.experiment.Alternative;
import dev.baton.measure.experiment.Difference;
import dev.baton.measure.experiment.Method;
import dev.baton.measure.experiment.Prior;
import dev.baton.measure.experiment.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** The analysis settings as options, for data that does not carry them (unit-level CSV, exports). */
final class ExperimentOptions {

    @Option(names = "--method", paramLabel = "METHOD",
            description = "frequentist, bayesian or sequential (default: frequentist).")
    String method;

    @Option(names = "--difference", paramLabel = "DIFF", description = "relative or absolute (default: relative).")
    String difference;

    @Option(names = "--alpha", paramLabel = "A", description = "Significance level (default: 0.05).")
    Double alpha;

    @Option(names = "--alternative", paramLabel = "ALT",
            description = "two-sided, greater or less (default: two-sided; frequentist and sequential only).")
    String alternative;

    @Option(names = "--sequential-tuning", paramLabel = "N*",
            description = "Sequential: the sample size the confidence sequence is tightest at (default: 5000).")
    Double tuning;

    @Option(names = "--prior-mean", paramLabel = "M", description = "Bayesian: mean of a Gaussian prior on the lift.")
    Double priorMean;

    @Option(names = "--prior-variance", paramLabel = "V",
            description = "Bayesian: variance of the prior (default: an improper flat prior).")
    Double priorVariance;

    boolean any() {
        return method != null || difference != null || alpha != null || alternative != null || tuning != null
                || priorMean != null || priorVariance != null;
    }

    /** The settings, or problems (one line each) added to {@code problems}. */
    Settings settings(List<String> problems) {
        Settings s = Settings.defaults();
        if (method != null) {
            s = Method.byId(method).map(s::withMethod).orElse(s);
            check(Method.byId(method).isPresent(), "--method", Method.ids(), method, problems);
        }
        if (difference != null) {
            s = Difference.byId(difference).map(s::withDifference).orElse(s);
            check(Difference.byId(difference).isPresent(), "--difference", Difference.ids(), difference, problems);
        }
        if (alternative != null) {
            s = Alternative.byId(alternative).map(s::withAlternative).orElse(s);
            check(Alternative.byId(alternative).isPresent(), "--alternative", Alternative.ids(), alternative,
                    problems);
        }
        if (alpha != null) {
            if (alpha > 0 && alpha < 1) {
                s = s.withAlpha(alpha);
            } else {
                problems.add("--alpha: expected a number between 0 and 1 (exclusive), found " + alpha);
            }
        }
        if (tuning != null) {
            if (tuning > 0 && Double.isFinite(tuning)) {
                s = s.withSequentialTuning(tuning);
            } else {
                problems.add("--sequential-tuning: expected a positive number, found " + tuning);
            }
        }
        if ((priorMean == null) != (priorVariance == null)) {
            problems.add("--prior-mean and --prior-variance: expected both or neither");
        } else if (priorMean != null) {
            if (priorVariance > 0 && Double.isFinite(priorVariance) && Double.isFinite(priorMean)) {
                s = s.withPrior(new Prior(priorMean, priorVariance));
            } else {
                problems.add("--prior-variance: expected a positive number, found " + priorVariance);
            }
            if (s.method() != Method.BAYESIAN) {
                problems.add("--prior-mean: expected --method bayesian with a prior, found " + s.method().id());
            }
        }
        if (s.method() == Method.BAYESIAN && s.alternative() != Alternative.TWO_SIDED) {
            problems.add("--alternative: expected two-sided with --method bayesian (it reports the chance to win),"
                    + " found " + s.alternative().id());
        }
        if (s.method() == Method.SEQUENTIAL && s.alternative() != Alternative.TWO_SIDED && s.alpha() >= 0.5) {
            problems.add("--alpha: expected below 0.5 for a one-sided sequential test, found " + s.alpha());
        }
        return s;
    }

    private static void check(boolean ok, String option, List<String> allowed, String found, List<String> problems) {
        if (!ok) {
            problems.add(option + ": expected " + String.join(", ", allowed) + ", found '" + found + "'");
        }
    }

    /** Prints each problem on a line of its own; true when there was one (the command then exits 1). */
    static boolean refused(List<String> problems, java.io.PrintWriter err) {
        problems.forEach(p -> err.println("baton: " + p));
        return !problems.isEmpty();
    }

    /** A comma-separated list; empty entries are null when {@code emptyOk}; bad entries become problems. */
    static <T> List<T> list(String text, String option, String what, Function<String, T> parse, boolean emptyOk,
                            List<String> problems) {
        List<T> values = new ArrayList<>();
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (part.isEmpty() && emptyOk) {
                values.add(null);
                continue;
            }
            T value = null;
            try {
                value = parse.apply(part);
            } catch (NumberFormatException e) {
                // reported below
            }
            if (value == null) {
                problems.add(option + ": entry " + (i + 1) + ": expected " + what + ", found '" + part + "'");
            }
            values.add(value);
        }
        return values;
    }
}
