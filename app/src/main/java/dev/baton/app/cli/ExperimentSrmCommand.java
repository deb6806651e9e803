package dev.baton.app.cli;

import dev.baton.app.json.ExperimentJson;
import dev.baton.app.json.Json;
import dev.baton.measure.experiment.Srm;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code baton experiment srm --users 1000,1200 [--weights 0.5,0.5] [--format text|json]}. */
@Command(name = "srm", mixinStandardHelpOptions = true,
        description = "Sample ratio mismatch check: chi-squared of the users per arm against the planned split "
                + "(GrowthBook's semantics: arms with weight 0 or no count are left out).")
final class ExperimentSrmCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--users", required = true, paramLabel = "N,N,...",
            description = "Users per arm, comma-separated; leave an entry empty for an arm with no count.")
    String users;

    @Option(names = "--weights", paramLabel = "W,W,...",
            description = "Planned share per arm, any scale (default: equal).")
    String weights;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        List<Long> counts = ExperimentOptions.list(users, "--users", "a user count (a whole number, 0 or more)",
                s -> {
                    long v = Long.parseLong(s);
                    return v >= 0 ? v : null;
                }, true, problems);
        List<Double> shares = weights == null ? Srm.equalWeights(counts.size())
                : ExperimentOptions.list(weights, "--weights", "a weight (a number, 0 or more)", s -> {
                    double v = Double.parseDouble(s);
                    return v >= 0 && Double.isFinite(v) ? v : null;
                }, false, problems);
        if (problems.isEmpty() && shares.size() != counts.size()) {
            problems.add("--weights: expected one weight per user count (" + counts.size() + "), found "
                    + shares.size());
        }
        if (problems.isEmpty() && shares.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            problems.add("--weights: expected at least one weight above 0, found all 0");
        }
        if (ExperimentOptions.refused(problems, err)) {
            return Baton.INVALID;
        }
        Srm.Result result = Srm.check(counts, shares);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(ExperimentJson.srm(result)));
        } else {
            out.println(ExperimentText.srm(result));
        }
        return Baton.OK;
    }
}
