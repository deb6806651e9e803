package dev.baton.scale;

import dev.baton.insight.conformance.Conformance;
import dev.baton.insight.conformance.ConformanceJson;
import dev.baton.insight.conformance.NetFile;
import dev.baton.insight.debt.DebtReportJson;
import dev.baton.insight.debt.Scope;
import dev.baton.insight.discovery.DiscoveryJson;
import dev.baton.insight.pnml.PnmlException;
import dev.baton.measure.attribution.AttributionJson;
import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.attribution.AttributionResult;
import dev.baton.measure.attribution.PathColumns;
import dev.baton.scale.attribution.ScaleAttribution;
import dev.baton.scale.conformance.ScaleConformance;
import dev.baton.scale.debt.ScaleDebt;
import dev.baton.scale.discovery.ScaleDiscovery;
import dev.baton.scale.log.ParquetLog;
import dev.baton.scale.log.ScaleLog;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The entry point of baton-scale.jar for {@code spark-submit} (docs/scale.md): the analyses of
 * {@code baton analyze}, {@code baton discover}, {@code baton attribute} (--paths, or --touchpoints with --crm) and
 * {@code baton funnel} (--touchpoints with --crm) as Spark jobs, and the log written as Parquet.
 * Also {@code baton conformance --format json} as a Spark job.
 * Like the CLI it is a function {@code run(args, out, err)} returning the exit code: 0 done, 1 bad
 * input (said what and where), 2 usage.
 */
public final class ScaleMain {

    public static final int OK = 0;
    public static final int INVALID = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT = """
            Usage: spark-submit --class dev.baton.scale.ScaleMain baton-scale.jar COMMAND [OPTIONS]
              analyze --model MODEL.yaml --log LOG [--from DATE] [--to DATE] [--source S,...] [--out FILE.json]
                      [--partitions N]
              discover --log LOG [--out FILE.json] [--partitions N]
              attribute --paths PATHS.csv --model MODEL [--order K] [--half-life TOUCHES] [--path-column NAME]
                        [--separator SEP] [--conversions NAME] [--value NAME] [--nulls NAME] [--out FILE.json]
              attribute --touchpoints FILE_OR_DIR --crm DIR_OR_FILE --model MODEL [--mapping MAP.yaml]
                        [--per account|person] [--conversion created|won] [--lookback 90d] [--order K]
                        [--half-life TOUCHES] [--out FILE.json] [--partitions N]
              funnel --touchpoints FILE_OR_DIR --crm DIR_OR_FILE [--mapping MAP.yaml] [--model MODEL.yaml]
                     [--by campaign|channel|segment|quarter|none] [--per account|person] [--conversion created|won]
                     [--lookback 90d] [--format json] [--out FILE.json] [--partitions N]
              export-parquet --log LOG.jsonl --out DIR
              conformance --net NET.pnml|MODEL.yaml --log LOG [--work-type ID] [--method alignments|token-replay]
                          [--format json] [--out FILE.json] [--partitions N]
            LOG is Baton's JSONL (.jsonl, .jsonl.gz, or a directory of parts) or the Parquet export-parquet writes,
            on any file system Hadoop reads (file:, hdfs:, s3a:, abfs:, gs:). JSON equals baton's --format json.""";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private static final Map<String, Set<String>> OPTIONS = Map.of(
            "analyze", Set.of("--model", "--log", "--out", "--partitions", "--from", "--to", "--source"),
            "discover", Set.of("--log", "--out", "--partitions"),
            "attribute", Set.of("--paths", "--model", "--order", "--half-life", "--path-column", "--separator",
                    "--conversions", "--value", "--nulls", "--out", "--partitions", "--touchpoints", "--crm", "--mapping",
                    "--per", "--conversion", "--lookback"),
            "funnel", Set.of("--touchpoints", "--crm", "--mapping", "--model", "--by", "--per", "--conversion",
                    "--lookback", "--format", "--out", "--partitions"),
            "export-parquet", Set.of("--log", "--out"),
            "conformance", Set.of("--net", "--log", "--work-type", "--method", "--format", "--out", "--partitions"));

    private ScaleMain() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new PrintStream(System.out, true, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new PrintStream(System.err, true, StandardCharsets.UTF_8), true);
        int code;
        if (args.length == 0 || !OPTIONS.containsKey(args[0])) {
            code = run(args, null, out, err);
        } else {
            SparkSession spark = SparkSession.builder().appName("baton " + args[0]).getOrCreate();
            try {
                code = run(args, spark, out, err);
            } finally {
                spark.stop();
            }
        }
        System.exit(code);
    }

    /** Runs one command on {@code spark} (not touched for a usage error). */
    public static int run(String[] args, SparkSession spark, PrintWriter out, PrintWriter err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).println(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        String command = args[0];
        Set<String> known = OPTIONS.get(command);
        if (known == null) {
            return usage(err, "unknown command '" + command + "'; expected analyze, discover, attribute, funnel, "
                    + "conformance or export-parquet");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!known.contains(args[i])) {
                return usage(err, command + ": unknown option '" + args[i] + "'; expected one of " + String.join(", ",
                        known.stream().sorted().toList()));
            }
            if (i + 1 >= args.length) {
                return usage(err, command + ": " + args[i] + " needs a value");
            }
            if (options.put(args[i], args[++i]) != null) {
                return usage(err, command + ": " + args[i - 1] + " given twice");
            }
        }
        try {
            return switch (command) {
                case "analyze" -> analyze(options, spark, out, err);
                case "discover" -> discover(options, spark, out, err);
                case "attribute" -> attribute(options, spark, out, err);
                case "funnel" -> funnel(options, spark, out, err);
                case "conformance" -> conformance(options, spark, out, err);
                default -> exportParquet(options, spark, err);
            };
        } catch (ScaleProblem e) {
            err.println(e.getMessage());
            return INVALID;
        } catch (IOException e) {
            err.println("baton-scale " + command + ": cannot write: " + e.getMessage());
            return INVALID;
        }
    }

    private static int analyze(Map<String, String> options, SparkSession spark, PrintWriter out, PrintWriter err)
            throws IOException {
        String log = options.get("--log");
        String model = options.get("--model");
        if (log == null || model == null) {
            return usage(err, "analyze: --model MODEL.yaml and --log LOG are required");
        }
        Integer partitions = partitions(options, err);
        if (partitions == null) {
            return USAGE;
        }
        Scope scope;
        try {
            String sources = options.get("--source");
            scope = Scope.parse("--from", options.get("--from"), "--to", options.get("--to"),
                    sources == null ? List.of() : List.of(sources.split(",")));
        } catch (IllegalArgumentException e) {
            return usage(err, "analyze: " + e.getMessage());
        }
        Path modelFile = Path.of(model);
        if (!Files.isRegularFile(modelFile)) {
            err.println(model + ": error: no such file (the model is read by the driver, from its file system)");
            return INVALID;
        }
        String text = Files.readString(modelFile, StandardCharsets.UTF_8);
        ScaleLog read = Inputs.log(spark, log);
        var report = ScaleDebt.report(read, model, text, scope, partitions == 0 ? Inputs.partitions(spark) : partitions);
        write(DebtReportJson.toMap(report), options.get("--out"), out);
        return OK;
    }

    private static int discover(Map<String, String> options, SparkSession spark, PrintWriter out, PrintWriter err)
            throws IOException {
        String log = options.get("--log");
        if (log == null) {
            return usage(err, "discover: --log LOG is required");
        }
        Integer partitions = partitions(options, err);
        if (partitions == null) {
            return USAGE;
        }
        ScaleLog read = Inputs.log(spark, log);
        write(DiscoveryJson.processMap(ScaleDiscovery.processMap(read, partitions == 0 ? Inputs.partitions(spark)
                : partitions)), options.get("--out"), out);
        return OK;
    }

    private static int attribute(Map<String, String> options, SparkSession spark, PrintWriter out, PrintWriter err)
            throws IOException {
        String paths = options.get("--paths");
        String modelId = options.get("--model");
        if (options.containsKey("--touchpoints") || options.containsKey("--crm")) {
            return attributeTouchpoints(options, spark, out, err);
        }
        for (String touchOnly : List.of("--mapping", "--per", "--conversion", "--lookback")) {
            if (options.containsKey(touchOnly)) {
                return usage(err, "attribute: " + touchOnly + " applies to --touchpoints and --crm, not to --paths");
            }
        }
        if (paths == null || modelId == null) {
            return usage(err, "attribute: --paths PATHS.csv and --model MODEL are required (or --touchpoints "
                    + "FILE_OR_DIR and --crm DIR_OR_FILE to cut the journeys from touchpoints and CRM exports)");
        }
        Chosen chosen = chosen(modelId, options, err);
        if (chosen == null) {
            return USAGE;
        }
        AttributionModel model = chosen.model();
        AttributionOptions attribution = chosen.options();
        String separator = options.getOrDefault("--separator", PathColumns.DEFAULTS.separator());
        if (separator.isEmpty()) {
            return usage(err, "attribute: --separator must not be empty");
        }
        PathColumns d = PathColumns.DEFAULTS;
        ScaleAttribution.Columns columns = new ScaleAttribution.Columns(options.getOrDefault("--path-column", d.path()),
                options.getOrDefault("--conversions", d.conversions()), options.getOrDefault("--value", d.value()),
                options.getOrDefault("--nulls", d.nulls()), separator, options.containsKey("--value"),
                options.containsKey("--nulls"));
        Inputs.requireExists(spark, paths, "a CSV file");
        var result = ScaleAttribution.run(spark, paths, columns, model, attribution);
        write(AttributionJson.result(result), options.get("--out"), out);
        return OK;
    }

    /** {@code attribute --touchpoints … --crm …}: the journeys cut on Spark, then the model as {@code baton attribute} runs it. */
    private static int attributeTouchpoints(Map<String, String> options, SparkSession spark, PrintWriter out,
                                            PrintWriter err) throws IOException {
        String touchpoints = options.get("--touchpoints");
        String crm = options.get("--crm");
        String modelId = options.get("--model");
        if (touchpoints == null || crm == null || modelId == null) {
            return usage(err, "attribute: --touchpoints FILE_OR_DIR, --crm DIR_OR_FILE and --model MODEL are required");
        }
        for (String pathsOnly : List.of("--paths", "--path-column", "--separator", "--conversions", "--value", "--nulls")) {
            if (options.containsKey(pathsOnly)) {
                return usage(err, "attribute: " + pathsOnly + " reads journeys already cut; give --paths alone, or "
                        + "--touchpoints and --crm instead");
            }
        }
        Chosen chosen = chosen(modelId, options, err);
        if (chosen == null) {
            return USAGE;
        }
        AttributionModel model = chosen.model();
        AttributionOptions attribution = chosen.options();
        Integer partitions = partitions(options, err);
        if (partitions == null) {
            return USAGE;
        }
        var journeyOptions = journeyOptions(options, "attribute", err);
        if (journeyOptions == null) {
            return USAGE;
        }
        var journeys = dev.baton.scale.outcome.ScaleJourneys.journeys(spark, List.of(Path.of(crm)), touchpoints,
                options.containsKey("--mapping") ? Path.of(options.get("--mapping")) : null, journeyOptions,
                partitions == 0 ? Inputs.partitions(spark) : partitions);
        if (journeys.rows() == 0) {
            err.println("baton attribute: no journey has a touch: the touchpoints reach no account or person of the CRM "
                    + "records (see 'baton funnel journeys' for what was not matched)");
            return INVALID;
        }
        AttributionResult result;
        try {
            result = Attribution.run(model, journeys, attribution);
        } catch (IllegalArgumentException e) {
            err.println("baton attribute: " + e.getMessage());
            return INVALID;
        }
        write(AttributionJson.result(result), options.get("--out"), out);
        return OK;
    }

    /**
     * {@code funnel --touchpoints … --crm …}: what the funnel takes from the touches found on Spark,
     * then the funnel as {@code baton funnel --format json} computes and writes it.
     */
    private static int funnel(Map<String, String> options, SparkSession spark, PrintWriter out, PrintWriter err)
            throws IOException {
        String touchpoints = options.get("--touchpoints");
        String crm = options.get("--crm");
        if (touchpoints == null || crm == null) {
            return usage(err, "funnel: --touchpoints FILE_OR_DIR and --crm DIR_OR_FILE are required");
        }
        if (!jsonOnly("funnel", options, err)) {
            return USAGE;
        }
        String by = options.getOrDefault("--by", "campaign").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        if (!List.of("CAMPAIGN", "CHANNEL", "SEGMENT", "QUARTER", "NONE").contains(by)) {
            return usage(err, "funnel: --by takes campaign, channel, segment, quarter or none, found '"
                    + options.get("--by") + "'" + (by.equals("WORK_TYPE") ? " (the split by work type reads the event "
                    + "log: run it with baton funnel)" : ""));
        }
        var journeyOptions = journeyOptions(options, "funnel", err);
        Integer partitions = journeyOptions == null ? null : partitions(options, err);
        if (partitions == null) {
            return USAGE;
        }
        String model = options.get("--model");
        String modelText = null;
        if (model != null) {
            if (!Files.isRegularFile(Path.of(model))) {
                err.println(model + ": error: no such file (the model is read by the driver, from its file system)");
                return INVALID;
            }
            modelText = Files.readString(Path.of(model), StandardCharsets.UTF_8);
        }
        var result = dev.baton.scale.outcome.ScaleFunnel.funnel(spark, List.of(Path.of(crm)), touchpoints,
                options.containsKey("--mapping") ? Path.of(options.get("--mapping")) : null, model, modelText,
                journeyOptions, dev.baton.measure.funnel.Dimension.valueOf(by),
                partitions == 0 ? Inputs.partitions(spark) : partitions);
        var json = dev.baton.measure.funnel.FunnelJson.report(result.report(), options.getOrDefault("--per", "account"),
                options.getOrDefault("--conversion", "created"), result.files(), result.notes());
        if (result.metrics() != null) {
            json.put("metrics", dev.baton.measure.metric.MetricJson.report(result.metrics()));
        }
        write(json, options.get("--out"), out);
        return OK;
    }

    /** How journeys are cut ({@code --per}, {@code --conversion}, {@code --lookback}, as baton's), or null with the usage problem said. */
    private static dev.baton.measure.journey.JourneyOptions journeyOptions(Map<String, String> options, String command,
                                                                          PrintWriter err) {
        String per = options.getOrDefault("--per", "account");
        String conversion = options.getOrDefault("--conversion", "created");
        if (!per.equals("account") && !per.equals("person")) {
            usage(err, command + ": --per takes account or person, found '" + per + "'");
            return null;
        }
        if (!conversion.equals("created") && !conversion.equals("won")) {
            usage(err, command + ": --conversion takes created or won, found '" + conversion + "'");
            return null;
        }
        String lookback = options.getOrDefault("--lookback", "90d");
        var window = dev.baton.measure.mapping.OutcomeMappingReader.duration(lookback);
        if (window.isEmpty()) {
            usage(err, command + ": --lookback: expected a duration such as 90d, 12w or 36h (at most 366 days), "
                    + "found '" + lookback + "'");
            return null;
        }
        return new dev.baton.measure.journey.JourneyOptions(per.equals("person")
                ? dev.baton.measure.journey.TouchIndex.By.PERSON : dev.baton.measure.journey.TouchIndex.By.ACCOUNT,
                conversion.equals("won") ? dev.baton.measure.journey.JourneyOptions.Conversion.WON
                        : dev.baton.measure.journey.JourneyOptions.Conversion.CREATED, window.get());
    }

    private record Chosen(AttributionModel model, AttributionOptions options) {
    }

    /** The model and its options, or null with the usage problem said. */
    private static Chosen chosen(String modelId, Map<String, String> options, PrintWriter err) {
        AttributionModel model = AttributionModel.byId(modelId).orElse(null);
        if (model == null) {
            usage(err, "attribute: unknown model '" + modelId + "'; expected one of "
                    + String.join(", ", AttributionModel.ids()));
            return null;
        }
        Integer order;
        Double halfLife;
        try {
            order = options.containsKey("--order") ? Integer.valueOf(options.get("--order")) : null;
            halfLife = options.containsKey("--half-life") ? Double.valueOf(options.get("--half-life")) : null;
        } catch (NumberFormatException e) {
            usage(err, "attribute: --order takes a whole number and --half-life a number of touches");
            return null;
        }
        if (order != null && (model != AttributionModel.MARKOV || order < 1)) {
            usage(err, "attribute: --order applies to the markov model only and must be 1 or more");
            return null;
        }
        if (halfLife != null && (model != AttributionModel.TIME_DECAY || !(halfLife > 0 && halfLife < Double.POSITIVE_INFINITY))) {
            usage(err, "attribute: --half-life applies to the time-decay model only and must be a positive number");
            return null;
        }
        return new Chosen(model, new AttributionOptions(order == null ? 1 : order, halfLife == null ? 1 : halfLife));
    }

    /** {@code baton conformance --format json}: the net read by the driver as the CLI reads it, the variants counted on Spark. */
    private static int conformance(Map<String, String> options, SparkSession spark, PrintWriter out, PrintWriter err)
            throws IOException {
        String net = options.get("--net");
        String log = options.get("--log");
        if (net == null || log == null) {
            return usage(err, "conformance: --net NET.pnml|MODEL.yaml and --log LOG are required");
        }
        if (!jsonOnly("conformance", options, err)) {
            return USAGE;
        }
        String methodName = options.getOrDefault("--method", Conformance.Method.ALIGNMENTS.id());
        Conformance.Method method = Conformance.Method.of(methodName).orElse(null);
        if (method == null) {
            return usage(err, "conformance: --method: expected token-replay or alignments, found '" + methodName + "'");
        }
        Integer partitions = partitions(options, err);
        if (partitions == null) {
            return USAGE;
        }
        NetFile flow;
        try {
            flow = NetFile.read(Path.of(net), options.get("--work-type"));
        } catch (PnmlException | NetFile.Refused e) {
            err.println(e.getMessage());
            return INVALID;
        }
        ScaleLog read = Inputs.log(spark, log);
        var result = ScaleConformance.check(read, flow, method, partitions == 0 ? Inputs.partitions(spark) : partitions);
        write(ConformanceJson.result(result), options.get("--out"), out);
        return OK;
    }

    private static int exportParquet(Map<String, String> options, SparkSession spark, PrintWriter err) {
        String log = options.get("--log");
        String target = options.get("--out");
        if (log == null || target == null) {
            return usage(err, "export-parquet: --log LOG.jsonl and --out DIR are required");
        }
        if (Inputs.exists(spark, target)) {
            err.println(target + ": error: already exists; export-parquet writes a new directory and replaces nothing");
            return INVALID;
        }
        long events = ParquetLog.write(spark, Inputs.log(spark, log), target);
        err.println("baton-scale export-parquet: wrote " + events + " events to " + target);
        return OK;
    }

    /** Whether {@code --format} is absent or json, the one format baton-scale writes; else says so (usage). */
    private static boolean jsonOnly(String command, Map<String, String> options, PrintWriter err) {
        String format = options.getOrDefault("--format", "json");
        if (format.equals("json")) {
            return true;
        }
        usage(err, command + ": --format takes json only (baton-scale writes the JSON of baton " + command
                + " --format json), found '" + format + "'");
        return false;
    }

    private static Integer partitions(Map<String, String> options, PrintWriter err) {
        if (!options.containsKey("--partitions")) {
            return 0;
        }
        try {
            int n = Integer.parseInt(options.get("--partitions"));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        usage(err, "--partitions must be a whole number of 1 or more, found '" + options.get("--partitions") + "'");
        return null;
    }

    private static void write(Object json, String file, PrintWriter out) throws IOException {
        String text = JSON.writeValueAsString(json);
        if (file == null) {
            out.println(text);
            out.flush();
        } else {
            Files.writeString(Path.of(file), text + "\n", StandardCharsets.UTF_8);
        }
    }

    private static int usage(PrintWriter err, String problem) {
        err.println("baton-scale " + problem);
        err.println("Try 'baton-scale --help' for more information.");
        return USAGE;
    }

    /** The commands, for the usage text and tests. */
    static List<String> commands() {
        return OPTIONS.keySet().stream().sorted().toList();
    }
}
