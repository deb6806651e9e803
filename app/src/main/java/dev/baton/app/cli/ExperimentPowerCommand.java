package dev.baton.app.cli;

import dev.baton.app.json.ExperimentJson;
import dev.baton.app.json.Json;
import dev.baton.measure.experiment.Power;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton experiment power (--proportion P | --mean M --variance V) (--mde X | --n N)
 * [--difference relative|absolute] [--alpha 0.05] [--power 0.8] [--alternative two-sided|one-sided]}.
 */
@Command(name = "power", mixinStandardHelpOptions = true,
        description = "Units per arm to detect an effect, or the minimum detectable effect of a sample size "
                + "(two arms of equal size, normal approximation).")
final class ExperimentPowerCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--proportion", paramLabel = "P", description = "Baseline conversion rate, e.g. 0.10.")
    Double proportion;

    @Option(names = "--mean", paramLabel = "M", description = "Baseline mean of a per-unit value.")
    Double mean;

    @Option(names = "--variance", paramLabel = "V", description = "Per-unit variance of the value (with --mean).")
    Double variance;

    @Option(names = "--mde", paramLabel = "X",
            description = "The effect to detect: a lift (0.2 = +20%) or, with --difference absolute, a difference.")
    Double mde;

    @Option(names = "--n", paramLabel = "N", description = "Units per arm: compute the minimum detectable effect.")
    Long n;

    @Option(names = "--difference", defaultValue = "relative", paramLabel = "DIFF",
            description = "relative or absolute: how --mde is expressed (default: ${DEFAULT-VALUE}).")
    String difference;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A", description = "Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--power", defaultValue = "0.8", paramLabel = "1-β", description = "Default: ${DEFAULT-VALUE}.")
    double power;

    @Option(names = "--alternative", defaultValue = "two-sided", paramLabel = "ALT",
            description = "two-sided or one-sided (default: ${DEFAULT-VALUE}).")
    String alternative;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        if ((proportion == null) == (mean == null)) {
            problems.add("expected the baseline as --proportion P or as --mean M --variance V, found "
                    + (proportion == null ? "neither" : "both"));
        }
        if (proportion != null && !(proportion > 0 && proportion < 1)) {
            problems.add("--proportion: expected a rate between 0 and 1 (exclusive), found " + proportion);
        }
        if (mean != null && (variance == null || !(variance > 0) || !Double.isFinite(variance))) {
            problems.add("--variance: expected a positive per-unit variance with --mean, found "
                    + (variance == null ? "none" : variance));
        }
        if ((mde == null) == (n == null)) {
            problems.add("expected --mde X (to get the sample size) or --n N (to get the MDE), found "
                    + (mde == null ? "neither" : "both"));
        }
        if (n != null && n < 2) {
            problems.add("--n: expected at least 2 units per arm, found " + n);
        }
        boolean relative = difference.equals("relative");
        if (!relative && !difference.equals("absolute")) {
            problems.add("--difference: expected relative or absolute, found '" + difference + "'");
        }
        if (!(alpha > 0 && alpha < 1)) {
            problems.add("--alpha: expected a number between 0 and 1 (exclusive), found " + alpha);
        }
        if (!(power > 0 && power < 1)) {
            problems.add("--power: expected a number between 0 and 1 (exclusive), found " + power);
        }
        boolean twoSided = alternative.equals("two-sided");
        if (!twoSided && !alternative.equals("one-sided")) {
            problems.add("--alternative: expected two-sided or one-sided, found '" + alternative + "'");
        }
        Power.Baseline baseline = proportion != null ? Power.Baseline.proportion(proportion)
                : mean != null && variance != null ? Power.Baseline.mean(mean, variance) : null;
        double absolute = 0;
        if (mde != null && baseline != null) {
            absolute = relative ? mde * baseline.mean() : mde;
            if (!(absolute != 0) || !Double.isFinite(absolute)) {
                problems.add("--mde: expected an effect other than 0" + (relative && baseline.mean() == 0
                        ? " (a relative effect on a baseline mean of 0 is 0: use --difference absolute)" : "")
                        + ", found " + mde);
            } else if (baseline.proportion() && !(baseline.mean() + absolute > 0 && baseline.mean() + absolute < 1)) {
                problems.add("--mde: expected the treated rate " + (baseline.mean() + absolute)
                        + " to stay between 0 and 1");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        if (ExperimentOptions.refused(problems, err)) {
            return Baton.INVALID;
        }
        Power.Result result = mde != null ? Power.sampleSize(baseline, absolute, alpha, power, twoSided)
                : Power.minimumDetectableEffect(baseline, n, alpha, power, twoSided);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(ExperimentJson.power(result)));
        } else {
            out.println(String.format(Locale.ROOT, "%,d units per arm (%,d in total) detect %s%s with %.0f%% power at "
                            + "α = %s (%s)", result.nPerArm(), 2 * result.nPerArm(), (mde == null ? "an effect of " : "")
                            + String.format(Locale.ROOT, "%.4g", result.absoluteMde()),
                    result.relativeMde() == null ? "" : String.format(Locale.ROOT, " (%.2f%% relative)",
                            100 * result.relativeMde()), 100 * power, alpha, twoSided ? "two-sided" : "one-sided"));
            out.println("formula: " + result.formula());
        }
        return Baton.OK;
    }
}
