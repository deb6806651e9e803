package dev.baton.scale.bench;

import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.jsonl.EventCodec;
import dev.baton.engine.batch.ImportBatches;
import dev.baton.engine.jsonl.JsonlBatches;
import dev.baton.insight.debt.DebtAnalysis;
import dev.baton.insight.debt.ModelHistory;
import dev.baton.insight.debt.Scope;
import dev.baton.insight.discovery.Discovery;
import dev.baton.insight.tools.PeopleAcrossTools;
import dev.baton.insight.log.EventLogs;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.Simulator;
import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.attribution.PathColumns;
import dev.baton.measure.attribution.PathsCsv;
import dev.baton.model.validation.ModelValidation;
import dev.baton.scale.attribution.ScaleAttribution;
import dev.baton.scale.debt.ScaleDebt;
import dev.baton.scale.discovery.ScaleDiscovery;
import dev.baton.scale.log.ScaleLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The scale module's benchmark (scale/run-bench, docs/scale.md): data generated into /tmp, the
 * single-machine code and the Spark job on {@code local[2]} run on it, medians of wall and CPU time.
 * <pre>
 *   generate-log FILE EVENTS       a simulated log (content-team, 2,000 items) repeated with renamed streams
 *   generate-paths FILE TOUCHES    random PathData rows, seed 42, until TOUCHES touchpoints
 *   discover FILE RUNS             baton discover's process map: single machine, then Spark
 *   analyze FILE RUNS [MODEL]      baton analyze's debt report (content-team by default): single machine, then Spark
 *   attribute FILE RUNS [MODEL]    baton attribute --paths: Spark only (say -Xmx: the driver's heap)
 *   attribute-single FILE RUNS [MODEL]
 *   generate-touchpoints DIR ACCOUNTS TOUCHES   DIR/crm and DIR/touchpoints (two files of TOUCHES rows), seed 42
 *   attribute-touchpoints DIR RUNS [MODEL]      baton attribute --touchpoints --crm: single machine, then Spark
 *   funnel-touchpoints DIR RUNS [BY]            baton funnel --touchpoints --crm --format json (by campaign): single machine, then Spark
 * </pre>
 */
public final class ScaleBench {

    private ScaleBench() {
    }

    public static void main(String[] args) throws IOException {
        switch (args[0]) {
            case "generate-log" -> generateLog(Path.of(args[1]), Long.parseLong(args[2]));
            case "generate-paths" -> generatePaths(Path.of(args[1]), Long.parseLong(args[2]));
            case "discover" -> discover(args[1], Integer.parseInt(args[2]));
            case "phases" -> phases(args[1], Integer.parseInt(args[2]));
            case "analyze" -> analyze(args[1], Integer.parseInt(args[2]), args.length > 3 ? args[3] : "examples/content-team.yaml", true);
            case "analyze-spark" -> analyze(args[1], Integer.parseInt(args[2]), args.length > 3 ? args[3] : "examples/content-team.yaml", false);
            case "attribute" -> attribute(args[1], Integer.parseInt(args[2]), args.length > 3 ? args[3] : "markov", true);
            case "attribute-single" -> attribute(args[1], Integer.parseInt(args[2]), args.length > 3 ? args[3] : "markov", false);
            case "generate-touchpoints" -> dev.baton.scale.TouchpointData.write(Path.of(args[1], "crm"),
                    Path.of(args[1], "touchpoints"), Integer.parseInt(args[2]), Integer.parseInt(args[3]), 42);
            case "attribute-touchpoints" -> attributeTouchpoints(Path.of(args[1]), Integer.parseInt(args[2]),
                    args.length > 3 ? args[3] : "markov");
            case "funnel-touchpoints" -> funnelTouchpoints(Path.of(args[1]), Integer.parseInt(args[2]),
                    args.length > 3 ? args[3] : "campaign");
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    static void generateLog(Path out, long events) throws IOException {
        var model = ModelValidation.validate(Path.of("examples/content-team.yaml")).model();
        List<RecordedEvent> base = new ArrayList<>();
        Simulator.run(model, new SimulationSettings(2000, 1, SimulationSettings.DEFAULT_START, 13, DebtRates.DEFAULT),
                base::add);
        EventCodec codec = new EventCodec();
        long written = 0;
        long lastPosition = base.get(base.size() - 1).position();
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (int copy = 0; written < events; copy++) {
                for (RecordedEvent e : base) {
                    if (written == events) {
                        break;
                    }
                    RecordedEvent renamed = new RecordedEvent(e.position() + copy * lastPosition,
                            copy == 0 ? e.stream() : e.stream() + "~" + copy, e.version(), e.at(), e.actor(), e.workType(),
                            e.modelVersion(), e.commandId(), e.event(), e.eventId(), e.batch());
                    w.write(codec.encode(renamed));
                    w.write('\n');
                    written++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "wrote %,d events (%d base events per copy) to %s (%,d MB)%n", written, base.size(),
                out, Files.size(out) >> 20);
    }

    static void generatePaths(Path out, long touchpoints) throws IOException {
        String[] channels = {"search", "social", "email", "events", "display", "partner", "webinar", "direct"};
        Random random = new Random(42);
        long touches = 0;
        long rows = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("path,total_conversions,total_conversion_value,total_null\n");
            StringBuilder line = new StringBuilder();
            while (touches < touchpoints) {
                int n = 1 + random.nextInt(6);
                line.setLength(0);
                for (int t = 0; t < n; t++) {
                    line.append(t == 0 ? "" : " > ").append(channels[random.nextInt(channels.length)]);
                }
                boolean converted = random.nextInt(10) == 0;
                line.append(',').append(converted ? 1 : 0).append(',').append(converted ? 100 + random.nextInt(900) : 0)
                        .append(',').append(converted ? 0 : 1).append('\n');
                w.write(line.toString());
                touches += n;
                rows++;
            }
        }
        System.out.printf(Locale.ROOT, "wrote %,d rows with %,d touchpoints to %s (%,d MB)%n", rows, touches, out,
                Files.size(out) >> 20);
    }

    /** The partitions of the case shuffle ({@code -Dpartitions=N} in JAVA_OPTS): 4, or more for a larger log, as its cases are in memory a partition at a time. */
    static final int PARTITIONS = Integer.getInteger("partitions", 4);

    static void discover(String file, int runs) {
        measure("single machine: Discovery.processMap(EventLogs.read)", runs,
                () -> Discovery.processMap(EventLogs.read(Path.of(file))).events());
        SparkSession spark = spark();
        measure("Spark local[2]: ScaleDiscovery.processMap", runs,
                () -> ScaleDiscovery.processMap(ScaleLog.read(spark, file), PARTITIONS).events());
        spark.stop();
    }

    /** Where a job's time goes: reading, the shuffle (which also sends batch events to every partition), the reading of cases. */
    static void phases(String file, int runs) {
        SparkSession spark = spark();
        measure("read lines", runs, () -> spark.read().textFile(file).count());
        measure("ScaleLog.read: lines, blank ones out, as text", runs,
                () -> ScaleLog.read(spark, file).lines().count());
        ScaleLog log = ScaleLog.read(spark, file);
        measure("cases (shuffle, sort, grouping)", runs, () -> log.cases(4).count());
        measure("cases and their lines", runs, () -> log.cases(4).map(c -> (long) c.lines().size()).reduce(Long::sum));
        spark.stop();
    }

    static void analyze(String file, int runs, String modelFile, boolean alsoSingle) throws IOException {
        String text = Files.readString(Path.of(modelFile));
        var validation = ModelValidation.validate(modelFile, text);
        Path log = Path.of(file);
        if (alsoSingle) {
            single(log, runs, validation);
        }
        SparkSession spark = spark();
        measure("Spark local[2]: ScaleDebt.report", runs,
                () -> ScaleDebt.report(ScaleLog.read(spark, file), modelFile, text, PARTITIONS).items());
        spark.stop();
    }

    private static void single(Path log, int runs, dev.baton.model.validation.ValidationReport validation) {
        measure("single machine: DebtAnalysis.analyze (baton analyze)", runs, () -> {
            try {
                DebtAnalysis.EventSource all = DebtAnalysis.jsonl(log);
                var retracted = JsonlBatches.batches(log).retracted();
                return DebtAnalysis.analyze(ModelHistory.of(validation.model()), validation.warnings(),
                        log.getFileName().toString(), sink -> all.forEach(ImportBatches.standing(retracted, sink)),
                        Scope.ALL, new PeopleAcrossTools(validation.model(), java.util.Map.of())).items();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static void attribute(String file, int runs, String model, boolean onSpark) {
        AttributionModel chosen = AttributionModel.byId(model).orElseThrow();
        System.out.printf(Locale.ROOT, "driver heap (-Xmx): %,d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        if (onSpark) {
            SparkSession spark = spark();
            measure("Spark local[2]: ScaleAttribution.run " + model, runs, () -> ScaleAttribution.run(spark, file,
                    ScaleAttribution.Columns.of(PathColumns.DEFAULTS), chosen, AttributionOptions.DEFAULTS).paths());
            spark.stop();
        } else {
            measure("single machine: Attribution.run(PathsCsv.read) " + model, runs, () -> {
                try {
                    return Attribution.run(chosen, PathsCsv.read(Path.of(file), PathColumns.DEFAULTS),
                            AttributionOptions.DEFAULTS).paths();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    static void attributeTouchpoints(Path dir, int runs, String model) {
        AttributionModel chosen = AttributionModel.byId(model).orElseThrow();
        var options = new dev.baton.measure.journey.JourneyOptions(dev.baton.measure.journey.TouchIndex.By.ACCOUNT,
                dev.baton.measure.journey.JourneyOptions.Conversion.CREATED, java.time.Duration.ofDays(90));
        Path crm = dir.resolve("crm");
        Path touchpoints = dir.resolve("touchpoints");
        measure("single machine: CrmReader, TouchIndex, Journeys, Attribution.run " + model, runs, () -> {
            try {
                return Attribution.run(chosen, dev.baton.scale.TouchpointData.singleMachine(List.of(crm, touchpoints),
                        null, options), AttributionOptions.DEFAULTS).paths();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        SparkSession spark = spark();
        measure("Spark local[2]: ScaleJourneys, Attribution.run " + model, runs, () -> Attribution.run(chosen,
                dev.baton.scale.outcome.ScaleJourneys.journeys(spark, List.of(crm), touchpoints.toString(), null,
                        options, 4), AttributionOptions.DEFAULTS).paths());
        spark.stop();
    }

    /** The funnel's JSON on one machine (the files read as the CLI reads them) and on Spark; the two are checked equal. */
    static void funnelTouchpoints(Path dir, int runs, String by) {
        var dimension = dev.baton.measure.funnel.Dimension.valueOf(by.toUpperCase(Locale.ROOT));
        var options = dev.baton.measure.journey.JourneyOptions.DEFAULT;
        Path crm = dir.resolve("crm");
        Path touchpoints = dir.resolve("touchpoints");
        Object[] single = new Object[1];
        measure("single machine: CrmReader, TouchIndex, Funnel.compute by " + by, runs, () -> {
            try {
                single[0] = dev.baton.scale.TouchpointData.singleMachineFunnel(List.of(crm), List.of(touchpoints), null,
                        options, dimension);
                return ((java.util.Map<?, ?>) single[0]).get("groups") instanceof List<?> g ? g.size() + " groups" : "";
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        SparkSession spark = spark();
        Object[] spread = new Object[1];
        measure("Spark local[2]: ScaleFunnel by " + by, runs, () -> {
            var r = dev.baton.scale.outcome.ScaleFunnel.funnel(spark, List.of(crm), touchpoints.toString(), null, null, null, options,
                    dimension, 4);
            spread[0] = dev.baton.measure.funnel.FunnelJson.report(r.report(), "account", "created", r.files(), r.notes());
            return r.report().groups().size() + " groups";
        });
        spark.stop();
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        // The file names differ (Hadoop's and the CLI's spelling of one directory), the figures must not.
        String a = json.valueToTree(single[0]).toString().replace(touchpoints.toString(), "");
        String b = json.valueToTree(spread[0]).toString().replace(touchpoints.toString(), "");
        System.out.println(a.equals(b) ? "the JSON of both is the same" : "the JSON differs (numbers may in the last bits): "
                + a.length() + " and " + b.length() + " characters");
    }

    private static SparkSession spark() {
        long start = System.nanoTime();
        SparkSession spark = SparkSession.builder().master("local[2]").appName("baton-scale-bench")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        System.out.printf(Locale.ROOT, "Spark session started in %.2f s%n", (System.nanoTime() - start) / 1e9);
        return spark;
    }

    private static void measure(String what, int runs, Supplier<Object> work) {
        double[] wall = new double[runs];
        double[] cpu = new double[runs];
        long peak = 0;
        Object result = null;
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int r = 0; r < runs; r++) {
            System.gc();
            resetPeaks();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            result = work.get();
            wall[r] = (System.nanoTime() - start) / 1e9;
            cpu[r] = (os.getProcessCpuTime() - cpuStart) / 1e9;
            peak = Math.max(peak, peakHeap());
            System.out.printf(Locale.ROOT, "  run %d: %.2f s wall, %.2f s CPU%n", r + 1, wall[r], cpu[r]);
        }
        System.out.printf(Locale.ROOT, "%s -> %s: median %.2f s wall, %.2f s CPU (%d runs); peak heap %,d MB%n", what,
                result, median(wall), median(cpu), runs, peak >> 20);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
