package dev.baton.app.cli;

import dev.baton.measure.crm.CrmProblem;
import dev.baton.measure.crm.CrmReader;
import dev.baton.measure.identity.Identities;
import dev.baton.measure.identity.IdentityMatcher;
import dev.baton.measure.journey.JourneyOptions;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.measure.mapping.OutcomeMapping;
import dev.baton.measure.mapping.OutcomeMappingReader;
import dev.baton.model.FunnelSettings;
import dev.baton.model.problem.Problem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options every outcome command shares (docs/outcomes.md): the CRM exports and touchpoint
 * files, the mapping, and how journeys are cut. {@link #read} reads them all or says why not.
 */
final class OutcomeInputs {

    /** At most this many problems are printed; the rest are counted. */
    static final int SHOWN = 50;

    enum Per { account, person }

    enum ConversionPoint { created, won }

    // Not required by picocli: the parent command's required options would be asked of 'funnel journeys' too.
    @Option(names = "--crm", arity = "1..*", paramLabel = "DIR_OR_FILE",
            description = "CRM exports: Salesforce report CSVs, HubSpot CSV exports, or directories of them.")
    List<Path> crm = new ArrayList<>();

    @Option(names = "--touchpoints", arity = "1..*", paramLabel = "FILE",
            description = "Touchpoint CSV files (email or account, time, channel, campaign, utm_*, cost).")
    List<Path> touchpoints = new ArrayList<>();

    @Option(names = "--mapping", paramLabel = "MAP.yaml",
            description = "Column overrides, stage mapping, identity overrides, handoff SLA (docs/outcomes.md#mapping).")
    Path mapping;

    @Option(names = "--per", defaultValue = "account",
            description = "Journeys per account (the B2B default) or per person (default: ${DEFAULT-VALUE}).")
    Per per;

    @Option(names = "--conversion", defaultValue = "created",
            description = "What converts: an opportunity created, or won (default: ${DEFAULT-VALUE}).")
    ConversionPoint conversion;

    @Option(names = "--lookback", defaultValue = "90d", paramLabel = "DURATION",
            description = "How long before a conversion a touch counts, e.g. 90d, 12w (default: ${DEFAULT-VALUE}).")
    String lookback;

    /** The operating model's funnel, when the command has a model (it wins over the mapping's stages). */
    FunnelSettings funnel = FunnelSettings.NONE;

    /** Everything read and matched, ready for the funnel or the journeys. */
    record Read(OutcomeMapping mapping, CrmReader.Result crm, Identities identities, JourneyOptions options) {
    }

    /** The lookback window, or a usage error (exit 2) when {@code --lookback} is no duration. */
    Duration window(CommandLine.Model.CommandSpec spec) {
        return OutcomeMappingReader.duration(lookback).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--lookback: expected a duration such as 90d, 12w or 36h (at most 366 days), found '"
                + lookback + "'"));
    }

    /** The inputs read, or null with every reason on {@code err} (then the command exits 1 and writes nothing). */
    Read read(CommandLine.Model.CommandSpec spec) {
        if (crm.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing required option: '--crm=DIR_OR_FILE'");
        }
        Duration window = window(spec);
        PrintWriter err = spec.commandLine().getErr();
        OutcomeMapping outcomeMapping = OutcomeMapping.DEFAULT;
        if (mapping != null) {
            String text = MappingAndModel.readText(mapping, err);
            if (text == null) {
                return null;
            }
            OutcomeMappingReader.Result r = OutcomeMappingReader.read(text);
            r.problems().forEach(p -> err.println(p.format(mapping.toString())));
            if (!r.valid() || r.problems().stream().anyMatch(Problem::isError)) {
                return null;
            }
            outcomeMapping = r.mapping();
        }
        outcomeMapping = outcomeMapping.withFunnel(funnel);
        List<Path> all = new ArrayList<>(crm);
        all.addAll(touchpoints);
        List<CrmReader.Source> sources;
        try {
            sources = CrmReader.sources(all);
        } catch (IOException e) {
            err.println("baton: " + e.getMessage());
            return null;
        }
        CrmReader.Result result = CrmReader.read(sources, outcomeMapping);
        if (!result.ok()) {
            List<CrmProblem> problems = result.problems();
            problems.stream().limit(SHOWN).forEach(p -> err.println(p.format()));
            if (problems.size() > SHOWN) {
                err.println("… and " + (problems.size() - SHOWN) + " more problems (" + problems.size()
                        + " in all); nothing was read");
            }
            return null;
        }
        Identities identities = IdentityMatcher.match(result.data(), outcomeMapping.identity());
        JourneyOptions options = new JourneyOptions(per == Per.person ? TouchIndex.By.PERSON : TouchIndex.By.ACCOUNT,
                conversion == ConversionPoint.won ? JourneyOptions.Conversion.WON : JourneyOptions.Conversion.CREATED,
                window);
        return new Read(outcomeMapping, result, identities, options);
    }
}
