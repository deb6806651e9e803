package dev.baton.app.cli;

import dev.baton.measure.funnel.FunnelJson;
import dev.baton.app.json.Json;
import dev.baton.measure.metric.MetricJson;
import dev.baton.measure.funnel.FunnelEntities;
import dev.baton.measure.metric.MetricActuals;
import dev.baton.measure.metric.MetricReport;
import dev.baton.model.OperatingModel;
import dev.baton.measure.funnel.Dimension;
import dev.baton.measure.funnel.Funnel;
import dev.baton.measure.funnel.FunnelReport;
import dev.baton.measure.identity.Unmatched;
import dev.baton.measure.journey.Journey;
import dev.baton.measure.journey.Journeys;
import dev.baton.measure.journey.PathRow;
import dev.baton.measure.journey.PathRows;
import dev.baton.measure.journey.TouchIndex;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton funnel --crm DIR_OR_FILES… [--touchpoints FILE…] [--by campaign|channel|segment|quarter]}:
 * the funnel from CRM exports and touchpoints (docs/outcomes.md); {@code baton funnel journeys …
 * --out paths.csv} writes the journeys in ChannelAttribution's PathData layout.
 */
@Command(name = "funnel", mixinStandardHelpOptions = true,
        description = "The funnel (lead, MQL, SQL, opportunity, won) from Salesforce or HubSpot exports and touchpoints: "
                + "counts, conversion rates, median days between stages, pipeline and revenue sourced and influenced, "
                + "cost per stage, and the lead handoff.",
        subcommands = FunnelCommand.JourneysCommand.class)
final class FunnelCommand implements Callable<Integer> {

    enum Format { text, json }

    enum By { campaign, channel, work_type, segment, quarter, none }

    /** The split, as the API names it ({@code work-type}); {@code work_type} reads too. */
    static final class ByConverter implements CommandLine.ITypeConverter<By> {
        @Override
        public By convert(String value) {
            try {
                return By.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected one of campaign, channel, work-type, segment, "
                        + "quarter, none, found '" + value + "'");
            }
        }
    }

    @Mixin
    OutcomeInputs inputs = new OutcomeInputs();

    @Option(names = "--by", defaultValue = "campaign", converter = ByConverter.class,
            description = "Split by campaign, channel, work-type (with --log and --model), segment, quarter or none "
                    + "(default: ${DEFAULT-VALUE}).")
    By by;

    @Option(names = "--log", paramLabel = "LOG",
            description = "With --by work-type: the event log (Baton JSONL, CSV, XES or OCEL 2.0 JSON) whose campaign "
                    + "work items are linked to their campaigns through the mapping's campaigns.link-field.")
    Path log;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--model", paramLabel = "MODEL.yaml",
            description = "The operating model: its funnel section names the stages and how CRM data shows them, "
                    + "and its metrics are measured per period against their targets.")
    Path model;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (by == By.work_type && (log == null || model == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--by work-type needs --log LOG and --model "
                    + "MODEL.yaml: it groups each lead and opportunity by the work type of the campaign work item (read "
                    + "from the log) linked to its sourcing campaign" + (log == null && model == null ? ""
                    : log == null ? " (--log is missing)" : " (--model is missing)"));
        }
        if (log != null && by != By.work_type) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--log is read only with --by work-type");
        }
        OperatingModel operatingModel = null;
        if (model != null) {
            ValidationReport valid = ValidModel.read(model, spec.commandLine().getErr());
            if (valid == null) {
                return Baton.INVALID;
            }
            operatingModel = valid.model();
            inputs.funnel = operatingModel.funnel();
        }
        OutcomeInputs.Read read = inputs.read(spec);
        if (read == null) {
            return Baton.INVALID;
        }
        Map<String, String> workTypes = Map.of();
        if (by == By.work_type) {
            workTypes = CampaignWorkTypes.of(log, operatingModel, read, spec.commandLine().getErr());
            if (workTypes == null) {
                return Baton.INVALID;
            }
        }
        // The touches indexed once, for the funnel and the metrics alike.
        TouchIndex touches = TouchIndex.build(read.crm().data(), read.identities(), read.mapping(), read.options().by());
        FunnelReport report = Funnel.compute(read.crm().data(), read.identities(), read.mapping(),
                Dimension.valueOf(by.name().toUpperCase(Locale.ROOT)), read.options(), workTypes, touches);
        MetricReport metrics = operatingModel == null ? null : MetricActuals.compute(operatingModel.metrics(),
                FunnelEntities.of(read.crm().data(), read.identities(), read.mapping(), read.options(), touches));
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            var json = FunnelJson.report(report, inputs.per.name(), inputs.conversion.name(), read.crm().files(),
                    read.crm().notes());
            if (metrics != null) {
                json.put("metrics", MetricJson.report(metrics));
            }
            out.println(Json.write(json));
        } else {
            FunnelText.write(report, read, out);
            if (metrics != null) {
                MetricText.write(metrics, out);
            }
        }
        return Baton.OK;
    }

    /** {@code baton funnel journeys … [--out paths.csv]}: the journeys as PathData rows for {@code baton attribute --paths}. */
    @Command(name = "journeys", mixinStandardHelpOptions = true,
            description = "Write the journeys (touches up to a conversion within the lookback window, and those that did "
                    + "not convert) as path,total_conversions,total_conversion_value,total_null rows (ChannelAttribution's "
                    + "PathData layout), which 'baton attribute --paths' reads.")
    static final class JourneysCommand implements Callable<Integer> {

        @Mixin
        OutcomeInputs inputs = new OutcomeInputs();

        @Mixin
        ReportOut out = new ReportOut();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter err = spec.commandLine().getErr();
            inputs.window(spec);
            if (!out.writable(err)) {
                return Baton.INVALID;
            }
            OutcomeInputs.Read read = inputs.read(spec);
            if (read == null) {
                return Baton.INVALID;
            }
            TouchIndex index = TouchIndex.build(read.crm().data(), read.identities(), read.mapping(), read.options().by());
            Journeys.Result result = Journeys.build(read.crm().data(), read.identities(), index, read.options());
            List<PathRow> rows = PathRows.of(result.journeys());
            StringWriter csv = new StringWriter();
            PathRows.write(rows, csv);
            out.write(csv.toString(), "PathData", spec.commandLine());
            if (out.out != null) {
                long converted = result.journeys().stream().filter(Journey::converted).count();
                err.printf("baton funnel journeys: %d journeys (%d converted, %d not), %d distinct paths%n",
                        result.journeys().size(), converted, result.journeys().size() - converted, rows.size());
                if (result.untouched() > 0) {
                    err.printf("  %d conversions had no touch in their %s window, so no path (%s)%n", result.untouched(),
                            inputs.lookback, String.join(", ", result.untouchedExamples()));
                }
                if (result.unreached() > 0) {
                    err.printf("  %d conversions had no %s to look touches up by (%s)%n", result.unreached(),
                            inputs.per.name(), String.join(", ", result.unreachedExamples()));
                }
                List<Unmatched> unmatched = new java.util.ArrayList<>(index.unmatched());
                unmatched.addAll(read.identities().unmatched());
                for (Unmatched u : unmatched) {
                    err.printf("  unmatched: %d %s (%s)%n", u.count(), u.what(), String.join(", ", u.examples()));
                }
            }
            return Baton.OK;
        }
    }
}
