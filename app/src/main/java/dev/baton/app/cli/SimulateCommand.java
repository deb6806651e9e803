package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.insight.simulation.DebtProfile;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.SimulationTruth;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton simulate --model MODEL.yaml --items N --seed S --out LOG.jsonl}: a realistic event
 * log generated from the model, with injected orchestration debt and, on request, its ground truth.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Generate a realistic event log from an operating model, with injectable debt "
                + "(deterministic for a seed).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:log written", "1:invalid model, profile or rates", "2:usage error"})
final class SimulateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "MODEL.yaml", description = "The operating model.")
    Path model;

    @Option(names = "--items", required = true, paramLabel = "N", description = "How many work items arrive.")
    int items;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Random seed; the same seed gives the same log.")
    long seed;

    @Option(names = "--start", paramLabel = "DATE", description = "First day of the period (default: 2026-01-05).")
    LocalDate start = SimulationSettings.DEFAULT_START;

    @Option(names = "--weeks", paramLabel = "W", description = "Weeks over which items arrive (default: 13, a quarter).")
    int weeks = SimulationSettings.DEFAULT_WEEKS;

    @Option(names = "--out", required = true, paramLabel = "LOG.jsonl", description = "Where to write the log (JSONL).")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE.json", description = "Also write the injected ground truth (realised rates).")
    Path truth;

    @Option(names = "--profile", paramLabel = "PROFILE.yaml", description = "Debt rates as YAML (keys as the options below, e.g. skip-rate: 0.1).")
    Path profile;

    @Option(names = "--skip-rate", paramLabel = "R", description = "Share of items that skip a mandatory stage (default 0.05).")
    Double skipRate;

    @Option(names = "--rework-rate", paramLabel = "R", description = "Share of items that go back a stage (default 0.15).")
    Double reworkRate;

    @Option(names = "--urgent-rate", paramLabel = "R", description = "Share of items marked urgent, bypassing intake (default 0.10).")
    Double urgentRate;

    @Option(names = "--bounce-rate", paramLabel = "R", description = "Share of handoffs rejected once (default 0.10).")
    Double bounceRate;

    @Option(names = "--sla-overrun", paramLabel = "RATE[:FACTOR[:SIGMA]]",
            description = "Share of SLA stage visits that overrun, the median multiple of the SLA they take "
                    + "(lognormal) and its spread (default 0.15:1.8:0.3).")
    String slaOverrun;

    @Option(names = "--unowned-rate", paramLabel = "R", description = "Share of items never given an owner (default 0.05).")
    Double unownedRate;

    @Option(names = "--no-goal-rate", paramLabel = "R", description = "Share of items tied to no goal (default 0.10).")
    Double noGoalRate;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport report = ValidModel.read(model, err);
        if (report == null) {
            return Baton.INVALID;
        }
        List<String> problems = new ArrayList<>();
        DebtRates rates = rates(problems);
        SimulationSettings settings = new SimulationSettings(items, seed, start, weeks, rates);
        problems.addAll(settings.problems());
        problems.addAll(Simulator.problems(report.model()));
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("baton simulate: " + p));
            return Baton.INVALID;
        }
        // Write next to the target and move at the end: a failed run never leaves half a log behind.
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        SimulationTruth result;
        try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.create(partial)) {
            result = Simulator.run(report.model(), settings, writer::write);
        } catch (NoSuchFileException e) {
            err.println("baton simulate: cannot write " + out + ": no such directory");
            return Baton.INVALID;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        if (truth != null) {
            Files.writeString(truth, Json.write(result.toMap(settings)) + "\n", StandardCharsets.UTF_8);
        }
        err.println("baton simulate: wrote " + result.events() + " events of " + result.items() + " items to " + out);
        return Baton.OK;
    }

    private DebtRates rates(List<String> problems) {
        DebtRates rates = DebtRates.DEFAULT;
        if (profile != null) {
            try {
                rates = DebtProfile.read(Files.readString(profile, StandardCharsets.UTF_8), rates);
            } catch (DebtProfile.Invalid e) {
                e.problems().forEach(p -> problems.add(profile + ":" + p));
            } catch (IOException e) {
                problems.add(profile + ": cannot read the profile (" + e.getClass().getSimpleName() + ")");
            }
        }
        if (skipRate != null) {
            rates = rates.withSkip(skipRate);
        }
        if (reworkRate != null) {
            rates = rates.withRework(reworkRate);
        }
        if (urgentRate != null) {
            rates = rates.withUrgent(urgentRate);
        }
        if (bounceRate != null) {
            rates = rates.withBounce(bounceRate);
        }
        if (unownedRate != null) {
            rates = rates.withUnowned(unownedRate);
        }
        if (noGoalRate != null) {
            rates = rates.withNoGoal(noGoalRate);
        }
        if (slaOverrun != null) {
            String[] parts = slaOverrun.split(":", -1);
            try {
                double rate = Double.parseDouble(parts[0]);
                double factor = parts.length > 1 ? Double.parseDouble(parts[1]) : rates.slaOverrunFactor();
                double sigma = parts.length > 2 ? Double.parseDouble(parts[2]) : rates.slaOverrunSigma();
                if (parts.length > 3) {
                    throw new NumberFormatException();
                }
                rates = rates.withSlaOverrun(rate, factor, sigma);
            } catch (NumberFormatException e) {
                problems.add("--sla-overrun: expected RATE[:FACTOR[:SIGMA]] such as 0.2:1.8:0.3, found '" + slaOverrun + "'");
            }
        }
        return rates;
    }
}
