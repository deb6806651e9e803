package dev.baton.app.cli;

import dev.baton.app.json.ExperimentJson;
import dev.baton.app.json.Json;
import dev.baton.measure.experiment.Msprt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton experiment msprt --observations OBS.csv --family bernoulli|normal --tau T [--sigma S]
 * [--burn-in N] [--alpha 0.05]}: the always-valid mSPRT over pairs in arrival order.
 */
@Command(name = "msprt", mixinStandardHelpOptions = true,
        description = "Mixture sequential probability ratio test (Optimizely's Stats Engine method) over "
                + "(control, treatment) pairs in arrival order: Λ, the always-valid p-value and the decision.")
final class ExperimentMsprtCommand implements Callable<Integer> {

    enum Format { text, json }

    static final int MAX_REPORTED = 20;

    @Option(names = "--observations", required = true, paramLabel = "OBS.csv",
            description = "CSV with a header control,treatment and one pair per row, in arrival order.")
    Path observations;

    @Option(names = "--family", required = true, paramLabel = "FAMILY", description = "bernoulli or normal.")
    String family;

    @Option(names = "--tau", required = true, paramLabel = "T", description = "Standard deviation of the mixing "
            + "distribution on the effect.")
    double tau;

    @Option(names = "--sigma", paramLabel = "S", description = "Known standard deviation of the data (normal only).")
    Double sigma;

    @Option(names = "--burn-in", defaultValue = "0", paramLabel = "N",
            description = "Λ is 0 for the first N pairs (default: ${DEFAULT-VALUE}).")
    long burnIn;

    @Option(names = "--alpha", defaultValue = "0.05", paramLabel = "A",
            description = "Reject when Λ reaches 1/α (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        boolean bernoulli = family.equals("bernoulli");
        if (!bernoulli && !family.equals("normal")) {
            problems.add("--family: expected bernoulli or normal, found '" + family + "'");
        }
        if (family.equals("normal") && sigma == null) {
            problems.add("--sigma: expected the known standard deviation of the data with --family normal, found none");
        }
        if (sigma != null && !(sigma > 0 && Double.isFinite(sigma))) {
            problems.add("--sigma: expected a positive number, found " + sigma);
        }
        if (!(tau > 0 && Double.isFinite(tau))) {
            problems.add("--tau: expected a positive number, found " + tau);
        }
        if (burnIn < 0) {
            problems.add("--burn-in: expected 0 or more pairs, found " + burnIn);
        }
        if (!(alpha > 0 && alpha < 1)) {
            problems.add("--alpha: expected a number between 0 and 1 (exclusive), found " + alpha);
        }
        if (!Files.isRegularFile(observations)) {
            problems.add(observations + ": expected a CSV file of observations, found none");
        }
        if (ExperimentOptions.refused(problems, err)) {
            return Baton.INVALID;
        }
        Msprt test = bernoulli ? Msprt.bernoulli(tau, burnIn, alpha) : Msprt.normal(sigma, tau, burnIn, alpha);
        try {
            read(test, bernoulli, problems);
        } catch (IOException e) {
            problems.add(observations + ": cannot be read: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.stream().limit(MAX_REPORTED).forEach(err::println);
            if (problems.size() > MAX_REPORTED) {
                err.println("… and " + (problems.size() - MAX_REPORTED) + " more problems");
            }
            return Baton.INVALID;
        }
        Msprt.State s = test.state();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(ExperimentJson.msprt(s, family)));
        } else {
            out.println(String.format(Locale.ROOT, "%,d pairs: Λ = %s, always-valid p = %s: %s", s.n(),
                    Double.isFinite(s.lambda()) ? String.format(Locale.ROOT, "%.6g", s.lambda())
                            : String.format(Locale.ROOT, "exp(%.1f)", s.logLambda()),
                    ExperimentText.p(s.alwaysValidP()), s.rejected()
                            ? "reject H0 (Λ reached 1/α = " + String.format(Locale.ROOT, "%.4g", 1 / alpha)
                            + " at pair " + String.format(Locale.ROOT, "%,d", s.rejectedAt()) + ")"
                            : "continue (Λ has not reached 1/α = " + String.format(Locale.ROOT, "%.4g", 1 / alpha) + ")"));
        }
        return Baton.OK;
    }

    private void read(Msprt test, boolean bernoulli, List<String> problems) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(observations, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            String file = observations.toString();
            if (header == null) {
                problems.add(file + ":1: expected a header control,treatment, found an empty file");
                return;
            }
            List<String> names = List.of(strip(header).split(",", -1)).stream().map(ExperimentMsprtCommand::unquote)
                    .toList();
            int control = names.indexOf("control");
            int treatment = names.indexOf("treatment");
            if (control < 0 || treatment < 0) {
                problems.add(file + ":1: expected a header with columns control and treatment, found '" + header + "'");
                return;
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Double x = cell(cells, control, "control", file, number, bernoulli, problems);
                Double y = cell(cells, treatment, "treatment", file, number, bernoulli, problems);
                if (x != null && y != null && problems.isEmpty()) {
                    test.observe(x, y);
                }
            }
        }
    }

    private static Double cell(String[] cells, int index, String column, String file, int line, boolean bernoulli,
                               List<String> problems) {
        String text = index < cells.length ? unquote(cells[index]) : "";
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            if (bernoulli && v != 0 && v != 1) {
                problems.add(file + ":" + line + ": " + column + ": expected 0 or 1 with --family bernoulli, found '"
                        + text + "'");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(file + ":" + line + ": " + column + ": expected a number, found '" + text + "'");
            return null;
        }
    }

    private static String strip(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
