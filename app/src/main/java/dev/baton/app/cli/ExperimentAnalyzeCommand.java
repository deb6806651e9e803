package dev.baton.app.cli;

import dev.baton.app.json.ExperimentJson;
import dev.baton.app.json.Json;
import dev.baton.measure.experiment.ExperimentResult;
import dev.baton.measure.experiment.Settings;
import dev.baton.measure.experiment.input.InputRefused;
import dev.baton.measure.experiment.input.ResultsCsv;
import dev.baton.measure.experiment.input.StatsFile;
import dev.baton.measure.experiment.input.StatsRequest;
import dev.baton.measure.experiment.input.UnitCsv;
import dev.baton.measure.experiment.input.UnitData;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton experiment analyze (--stats STATS.yaml | --units DATA.csv | --growthbook EXPORT.csv |
 * --optimizely EXPORT.csv) [--format text|json]}: every arm against the baseline, SRM first.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Compare every arm with the baseline: Welch t-test, sequential confidence sequences or a "
                + "Bayesian posterior, with the SRM check, peeking and CUPED guardrails. From a stats file of "
                + "sufficient statistics, unit-level data (many experiments and metrics), or a GrowthBook or "
                + "Optimizely results export.")
final class ExperimentAnalyzeCommand implements Callable<Integer> {

    enum Format { text, json }

    static final class Input {
        @Option(names = "--stats", paramLabel = "STATS.yaml", description = "Sufficient statistics of one metric per "
                + "arm, with the method and its settings (docs/experiments.md).")
        Path stats;

        @Option(names = "--units", paramLabel = "DATA.csv", description = "Unit-level rows: unit,variant,<metric>…, "
                + "optional pre_<metric>, <metric>_denominator and experiment columns.")
        Path units;

        @Option(names = "--growthbook", paramLabel = "EXPORT.csv", description = "GrowthBook's results CSV export.")
        Path growthbook;

        @Option(names = "--optimizely", paramLabel = "EXPORT.csv", description = "Optimizely's results CSV export.")
        Path optimizely;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--metric", paramLabel = "NAME", split = ",", arity = "1..*",
            description = "--units: analyse only these metric columns (default: all); several may follow one --metric.")
    List<String> metrics = new ArrayList<>();

    @Option(names = "--experiment-column", paramLabel = "NAME",
            description = "--units: the experiment id column (default: experiment, when present).")
    String experimentColumn;

    @Option(names = "--baseline", paramLabel = "ARM",
            description = "--units: the baseline arm (default: 'control' if present, else the first seen).")
    String baseline;

    @Mixin
    ExperimentOptions options = new ExperimentOptions();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (input.stats != null) {
            if (options.any() || !metrics.isEmpty() || experimentColumn != null || baseline != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "expected the settings in the stats file "
                        + "with --stats, found options for unit-level data as well");
            }
            return stats(input.stats, err);
        }
        List<String> problems = new ArrayList<>();
        Settings settings = options.settings(problems);
        if (ExperimentOptions.refused(problems, err)) {
            return Baton.INVALID;
        }
        Path file = input.units != null ? input.units : input.growthbook != null ? input.growthbook : input.optimizely;
        if (!Files.isRegularFile(file)) {
            err.println("baton: " + file + ": expected a CSV file, found none");
            return Baton.INVALID;
        }
        UnitData data;
        try {
            if (input.units != null) {
                data = UnitCsv.read(file, new UnitCsv.Options(experimentColumn, metrics, baseline,
                        Runtime.getRuntime().availableProcessors()));
            } else if ((!metrics.isEmpty() || experimentColumn != null || baseline != null)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "expected --metric, --experiment-column "
                        + "and --baseline only with --units");
            } else {
                data = input.growthbook != null ? ResultsCsv.growthBook(file) : ResultsCsv.optimizely(file);
            }
        } catch (InputRefused e) {
            e.lines(file.toString()).forEach(err::println);
            return Baton.INVALID;
        } catch (IOException e) {
            err.println("baton: " + file + ": cannot be read: " + e.getMessage());
            return Baton.INVALID;
        }
        if (data.experiments().isEmpty()) {
            err.println("baton: " + file + ": expected at least one experiment with two arms, found none"
                    + (data.notes().isEmpty() ? "" : " (" + String.join("; ", data.notes()) + ")"));
            return Baton.INVALID;
        }
        List<ExperimentResult> results = data.analyze(settings);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(ExperimentJson.many(results, data.notes())));
        } else {
            out.println(String.format(Locale.ROOT, "%s: %,d rows, %,d experiment%s", file, data.rows(),
                    results.size(), results.size() == 1 ? "" : "s"));
            data.notes().forEach(n -> out.println("note: " + n));
            for (ExperimentResult r : results) {
                out.println();
                ExperimentText.experiment(r, out, true);
            }
        }
        return Baton.OK;
    }

    private int stats(Path file, PrintWriter err) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            err.println("baton: " + file + ": expected UTF-8 text, found other bytes");
            return Baton.INVALID;
        } catch (IOException e) {
            err.println("baton: " + file + ": cannot be read" + (Files.exists(file) ? ": " + e.getMessage()
                    : ": no such file"));
            return Baton.INVALID;
        }
        StatsRequest request;
        try {
            request = StatsFile.read(text);
        } catch (InputRefused e) {
            e.lines(file.toString()).forEach(err::println);
            return Baton.INVALID;
        }
        ExperimentResult result = request.analyze();
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Json.write(ExperimentJson.single(result)));
        } else {
            ExperimentText.experiment(result, out, false);
        }
        return Baton.OK;
    }
}
