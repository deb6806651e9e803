package dev.baton.app.cli;

import dev.baton.app.json.Json;
import dev.baton.app.outcome.OutcomeJourneys;
import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionJson;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.attribution.AttributionResult;
import dev.baton.measure.attribution.ChannelCredit;
import dev.baton.measure.attribution.Journeys;
import dev.baton.measure.attribution.PathColumns;
import dev.baton.measure.attribution.PathsCsv;
import dev.baton.measure.attribution.PathsFormatException;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code baton attribute --paths FILE.csv --model MODEL}: which channels of the customer journeys
 * earn the conversions, by one of the models of docs/attribution.md.
 */
@Command(name = "attribute", mixinStandardHelpOptions = true,
        description = "Attribute conversions and their value to the channels of customer journeys, read from "
                + "aggregated paths (ChannelAttribution's PathData layout: path, total_conversions, "
                + "total_conversion_value, total_null), or cut from touchpoints and CRM exports (--touchpoints, --crm).")
final class AttributeCommand implements Callable<Integer> {

    enum Format { text, json, csv }

    @Option(names = "--paths", paramLabel = "FILE.csv",
            description = "Aggregated paths: one row per path of channels with its conversions, value and nulls.")
    Path paths;

    /** Instead of --paths: journeys cut from touchpoints and CRM exports, as 'baton funnel journeys' cuts them. */
    @Mixin
    OutcomeInputs inputs = new OutcomeInputs();

    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "first-touch, last-touch, linear, linear-unique, time-decay, position-based, markov, "
                    + "shapley, shapley-ordered or shapley-rate.")
    String model;

    @Option(names = "--order", paramLabel = "K", description = "markov: the order of the chain (default: 1).")
    Integer order;

    @Option(names = "--half-life", paramLabel = "TOUCHES",
            description = "time-decay: touches back from the conversion after which a touch's weight halves (default: 1).")
    Double halfLife;

    @Option(names = "--path-column", defaultValue = "path", paramLabel = "NAME",
            description = "The column of paths (default: ${DEFAULT-VALUE}).")
    String pathColumn;

    @Option(names = "--separator", defaultValue = ">", paramLabel = "SEP",
            description = "What separates the channels of a path; names are trimmed (default: ${DEFAULT-VALUE}).")
    String separator;

    @Option(names = "--conversions", defaultValue = "total_conversions", paramLabel = "NAME",
            description = "The column of conversions (default: ${DEFAULT-VALUE}).")
    String conversions;

    @Option(names = "--value", paramLabel = "NAME",
            description = "The column of conversion values (default: total_conversion_value, 0 when the file has none).")
    String value;

    @Option(names = "--nulls", paramLabel = "NAME",
            description = "The column of non-converting journeys (default: total_null, 0 when the file has none).")
    String nulls;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        AttributionModel chosen = AttributionModel.byId(model).orElse(null);
        String usage = usageProblem(chosen);
        if (usage != null) {
            err.println("baton attribute: " + usage);
            err.println("Try 'baton attribute --help' for more information.");
            return Baton.USAGE;
        }
        if (paths == null) {
            return fromOutcomes(chosen, err);
        }
        if (!Files.isRegularFile(paths)) {
            err.println(paths + ": error: " + (Files.exists(paths) ? "expected a CSV file, found a directory" : "no such file"));
            return Baton.INVALID;
        }
        if (format == Format.json) {
            // Jackson takes a few hundred ms of class loading to set up; let it happen on the other core
            // while this one reads the paths, instead of after.
            Thread warm = new Thread(Json::mapper, "json-warm-up");
            warm.setDaemon(true);
            warm.start();
        }
        AttributionResult result;
        try {
            Journeys journeys = PathsCsv.read(paths, new PathColumns(pathColumn, conversions,
                    value == null ? PathColumns.DEFAULTS.value() : value, nulls == null ? PathColumns.DEFAULTS.nulls() : nulls,
                    separator, value != null, nulls != null));
            result = Attribution.run(chosen, journeys, new AttributionOptions(order == null ? 1 : order,
                    halfLife == null ? 1 : halfLife));
        } catch (PathsFormatException e) {
            err.println(e.getMessage());
            return Baton.INVALID;
        } catch (IOException e) {
            err.println(paths + ": error: cannot read the file (" + e.getMessage() + ")");
            return Baton.INVALID;
        } catch (IllegalArgumentException e) {
            err.println(paths + ": error: " + e.getMessage());
            return Baton.INVALID;
        }
        print(result);
        return Baton.OK;
    }

    /** {@code --touchpoints … --crm …}: the journeys of the measure journey code, fed to the same models. */
    private Integer fromOutcomes(AttributionModel chosen, PrintWriter err) {
        OutcomeInputs.Read read = inputs.read(spec);
        if (read == null) {
            return Baton.INVALID;
        }
        OutcomeJourneys.Cut cut = OutcomeJourneys.cut(read.crm().data(), read.identities(), read.mapping(), read.options());
        if (cut.empty()) {
            err.println("baton attribute: no journey has a touch: the touchpoints reach no account or person of the CRM "
                    + "records (see 'baton funnel journeys' for what was not matched)");
            return Baton.INVALID;
        }
        AttributionResult result;
        try {
            result = Attribution.run(chosen, cut.journeys(), new AttributionOptions(order == null ? 1 : order,
                    halfLife == null ? 1 : halfLife));
        } catch (IllegalArgumentException e) {
            err.println("baton attribute: " + e.getMessage());
            return Baton.INVALID;
        }
        print(result);
        return Baton.OK;
    }

    private void print(AttributionResult result) {
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.println(Json.write(AttributionJson.result(result)));
            case csv -> csv(result, out);
            default -> text(result, out);
        }
        out.flush();
    }

    /** What is wrong with the options, or null. */
    private String usageProblem(AttributionModel chosen) {
        if (chosen == null) {
            return "unknown model '" + model + "'; expected one of " + String.join(", ", AttributionModel.ids());
        }
        if (order != null && chosen != AttributionModel.MARKOV) {
            return "--order applies to the markov model only, not " + chosen.id();
        }
        if (order != null && order < 1) {
            return "--order must be 1 or more, found " + order;
        }
        if (halfLife != null && chosen != AttributionModel.TIME_DECAY) {
            return "--half-life applies to the time-decay model only, not " + chosen.id();
        }
        if (halfLife != null && !(halfLife > 0 && halfLife < Double.POSITIVE_INFINITY)) {
            return "--half-life must be a positive number of touches, found " + halfLife;
        }
        boolean outcomes = !inputs.crm.isEmpty() || !inputs.touchpoints.isEmpty();
        if (paths == null && !outcomes) {
            return "give --paths FILE.csv, or --touchpoints FILE.csv with --crm DIR_OR_FILES";
        }
        if (paths != null && outcomes) {
            return "--paths reads journeys already cut; give it alone, or --touchpoints and --crm instead";
        }
        if (separator.isEmpty()) {
            return "--separator must not be empty";
        }
        return null;
    }

    private static void csv(AttributionResult result, PrintWriter out) {
        boolean markov = result.conversionProbability().isPresent();
        out.println(markov ? "channel,conversions,value,removal_effect,value_removal_effect" : "channel,conversions,value");
        for (ChannelCredit c : result.channels()) {
            StringBuilder line = new StringBuilder(csvField(c.channel())).append(',').append(plain(c.conversions()))
                    .append(',').append(plain(c.value()));
            if (markov) {
                line.append(',').append(plain(c.removalEffect().orElse(0))).append(',')
                        .append(plain(c.valueRemovalEffect().orElse(0)));
            }
            out.println(line);
        }
    }

    private static String csvField(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    /** Full precision without an exponent: 0.00001, not 1.0E-5. */
    private static String plain(double number) {
        String text = BigDecimal.valueOf(number).toPlainString();
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static void text(AttributionResult result, PrintWriter out) {
        String model = result.model().id() + (result.model() == AttributionModel.MARKOV ? " (order " + result.order() + ")" : "");
        out.printf(Locale.ROOT, "%s attribution of %,d paths (%,d distinct), %d channels%n", model, result.paths(),
                result.distinctPaths(), result.channels().size());
        out.println(result.explanation());
        out.printf(Locale.ROOT, "Conversions %s, value %s", number(result.totalConversions()), number(result.totalValue()));
        result.conversionProbability().ifPresent(p -> out.printf(Locale.ROOT, ", P(conversion) %.6f", p));
        out.println();
        out.println();
        boolean markov = result.conversionProbability().isPresent();
        boolean positions = result.channels().stream().anyMatch(c -> !c.positions().isEmpty());
        int width = Math.max(7, result.channels().stream().mapToInt(c -> c.channel().length()).max().orElse(0));
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %12s  %6s  %14s  %6s",
                "channel", "conversions", "share", "value", "share"));
        if (markov) {
            header.append(String.format(Locale.ROOT, "  %8s  %8s", "removal", "value rm"));
        }
        if (positions) {
            header.append("  by touch position (1st, 2nd, …)");
        }
        out.println(header);
        for (ChannelCredit c : result.channels()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %12s  %6s  %14s  %6s",
                    c.channel(), number(c.conversions()), percent(c.conversions(), result.totalConversions()),
                    number(c.value()), percent(c.value(), result.totalValue())));
            if (markov) {
                line.append(String.format(Locale.ROOT, "  %8.4f  %8.4f", c.removalEffect().orElse(0),
                        c.valueRemovalEffect().orElse(0)));
            }
            if (positions) {
                List<Double> first = c.positions().subList(0, Math.min(6, c.positions().size()));
                line.append("  ").append(first.stream().map(AttributeCommand::number).collect(Collectors.joining(", ")));
                if (c.positions().size() > first.size()) {
                    line.append(", … (").append(c.positions().size()).append(" positions; --format json for all)");
                }
            }
            out.println(line);
        }
        for (String note : result.notes()) {
            out.println();
            out.println("Note: " + note);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%,.2f", value);
    }

    private static String percent(double part, double whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * part / whole);
    }
}
