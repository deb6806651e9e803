package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.insight.simulation.DebtProfile;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.SimulationTruth;
import dev.baton.insight.simulation.Simulator;
import dev.baton.measure.simulation.CampaignCollector;
import dev.baton.measure.simulation.OutcomeSettings;
import dev.baton.measure.simulation.OutcomeSimulator;
import dev.baton.measure.simulation.SimulatedOutcomes;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code baton simulate --model MODEL.yaml --items N --seed S --out LOG.jsonl}: a realistic event
 * log generated from the model, with injected orchestration debt and, on request, its ground truth
 * and the outcome data (touchpoints and CRM records) of its campaigns with their true effects.
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

    @Option(names = "--touchpoints", paramLabel = "FILE.csv",
            description = "Also write the touchpoints of the simulated campaigns (a touchpoint file, docs/outcomes.md).")
    Path touchpoints;

    @Option(names = "--crm", paramLabel = "DIR",
            description = "Also write the CRM records of the simulated campaigns into DIR: a Salesforce leads report "
                    + "(leads.csv) and opportunities report (opportunities.csv).")
    Path crm;

    @Option(names = "--accounts", paramLabel = "N",
            description = "Outcome data: companies the campaigns reach (default: 2000).")
    int accounts = OutcomeSettings.DEFAULT_ACCOUNTS;

    @Option(names = "--base-rate", paramLabel = "P",
            description = "Outcome data: chance that a reached company creates an opportunity whatever the channels (default: 0.02).")
    double baseRate = OutcomeSettings.DEFAULT_BASE_RATE;

    @Option(names = "--channel-lift", paramLabel = "CHANNEL=P", split = ",",
            description = "Outcome data: the true lift of a channel (its added chance of an opportunity); "
                    + "other channels get a seeded ladder from 0.25 down to 0.03.")
    Map<String, Double> lifts = new LinkedHashMap<>();

    @Option(names = "--max-touches", paramLabel = "K",
            description = "Outcome data: at most this many campaigns reach one company (default: 4).")
    int maxTouches = OutcomeSettings.DEFAULT_MAX_TOUCHES;

    @Option(names = "--link-field", paramLabel = "FIELD", defaultValue = CampaignCollector.DEFAULT_LINK_FIELD,
            description = "Outcome data: the template field naming a campaign item's CRM/UTM campaign (default: ${DEFAULT-VALUE}).")
    String linkField;

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
        boolean outcomes = touchpoints != null || crm != null;
        CampaignCollector campaigns = new CampaignCollector(report.model(), linkField);
        if (outcomes) {
            problems.addAll(new OutcomeSettings(seed, accounts, baseRate, lifts, maxTouches, Instant.EPOCH).problems());
            if (touchpoints == null || crm == null) {
                problems.add("--touchpoints and --crm: outcome data needs both (the touchpoint file and the CRM directory)");
            }
            if (!campaigns.hasCampaignTypes()) {
                problems.add("--link-field: no work type's template has the field '" + linkField
                        + "': no campaign to make outcome data for");
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> err.println("baton simulate: " + p));
            return Baton.INVALID;
        }
        // Write next to the target and move at the end: a failed run never leaves half a log behind.
        Path target = out.toAbsolutePath();
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        SimulationTruth result;
        try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.create(partial)) {
            result = Simulator.run(report.model(), settings, e -> {
                writer.write(e);
                campaigns.accept(e);
            });
        } catch (NoSuchFileException e) {
            err.println("baton simulate: cannot write " + out + ": no such directory");
            return Baton.INVALID;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> truthMap = result.toMap(settings);
        if (outcomes) {
            SimulatedOutcomes data = OutcomeSimulator.run(campaigns.campaigns(),
                    new OutcomeSettings(seed, accounts, baseRate, lifts, maxTouches, result.lastEvent() == null ? Instant.EPOCH : result.lastEvent()));
            Files.createDirectories(crm);
            Files.writeString(crm.resolve(SimulatedOutcomes.LEADS), data.leadsCsv(), StandardCharsets.UTF_8);
            Files.writeString(crm.resolve(SimulatedOutcomes.OPPORTUNITIES), data.opportunitiesCsv(), StandardCharsets.UTF_8);
            Files.writeString(touchpoints, data.touchpointsCsv(), StandardCharsets.UTF_8);
            truthMap.put("outcomes", data.truth());
            err.println("baton simulate: wrote " + data.touchpoints() + " touchpoints to " + touchpoints + ", "
                    + data.leads() + " leads and " + data.opportunities() + " opportunities to " + crm);
        }
        if (truth != null) {
            Files.writeString(truth, Json.write(truthMap) + "\n", StandardCharsets.UTF_8);
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
