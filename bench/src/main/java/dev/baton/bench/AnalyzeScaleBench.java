package dev.baton.bench;

import dev.baton.engine.jsonl.EventLogJsonl;
import dev.baton.insight.simulation.DebtRates;
import dev.baton.insight.simulation.SimulationSettings;
import dev.baton.insight.simulation.SimulationTruth;
import dev.baton.insight.simulation.Simulator;
import dev.baton.model.OperatingModel;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The whole {@code baton analyze} command at one, ten and thirty million events, each run a fresh
 * JVM of the packaged jar under GNU time: wall clock, CPU (user + system), CPU per event and peak
 * resident set, the load average before each run, and the medians per size. The logs are the B2B
 * SaaS example simulated over 52 weeks (42,500 / 435,000 / 1,305,000 items), written once into
 * {@code --dir} and reused (never into the repository). What it shows: whether the CPU time per
 * event stays flat as the log grows, and the memory the analysis needs at a fixed heap. The JVM's
 * start and compilation are a fixed cost (measured on a 1,000-item log, "startup"), so the CPU per
 * event is also shown beyond it.
 *
 * <pre>
 *   bench/run-analyze-scale              (a 1,000-item log for the start-up cost, 1M and 10M × 3 runs, 30M × 1, -Xmx512m)
 *   bench/run-analyze-scale --sizes 1M --runs 5 --xmx 256m
 *   bench/run-analyze-scale --buckets 1                      (the whole log in memory, as before)
 * </pre>
 */
public final class AnalyzeScaleBench {

    private static final Map<String, Integer> ITEMS = new LinkedHashMap<>();

    static {
        ITEMS.put("startup", 1_000);
        ITEMS.put("1M", 42_500);
        ITEMS.put("10M", 435_000);
        // Three copies of the 10M log (items renamed), as simulating 1.3 million items takes long.
        ITEMS.put("30M", 3 * 435_000);
    }

    private record Run(double wall, double cpu, long rssKb, String load) {
    }

    private AnalyzeScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sizes = List.of("startup", "1M", "10M", "30M");
        int runs = 3;
        int runsLargest = 1;
        String xmx = "512m";
        String buckets = null;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path jar = Path.of("app/target/baton.jar");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = List.of(args[++i].split(","));
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--runs-largest" -> runsLargest = Integer.parseInt(args[++i]);
                case "--xmx" -> xmx = args[++i];
                case "--buckets" -> buckets = args[++i];
                case "--dir" -> dir = Path.of(args[++i]);
                case "--jar" -> jar = Path.of(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i] + "; see the class comment of AnalyzeScaleBench");
                    System.exit(2);
                }
            }
        }
        if (!Files.isExecutable(Path.of("/usr/bin/time"))) {
            System.err.println("needs GNU time at /usr/bin/time (apt-get install time) for each run's CPU and peak RSS");
            System.exit(2);
        }
        ValidationReport report = ModelValidation.validate(Path.of("examples/b2b-saas.yaml"));
        if (!report.valid()) {
            throw new IllegalStateException("run from the repository root");
        }
        OperatingModel model = report.model();
        Map<String, Double> perEvent = new LinkedHashMap<>();
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (String size : sizes) {
            Integer items = ITEMS.get(size);
            if (items == null) {
                throw new IllegalArgumentException("sizes are " + ITEMS.keySet() + ", not " + size);
            }
            Path log = dir.resolve("baton-scale-" + items + ".jsonl");
            long events = simulated(model, items, log);
            int n = size.equals(sizes.get(sizes.size() - 1)) && sizes.size() > 1 ? runsLargest : runs;
            List<Run> all = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                Run run = run(jar, log, xmx, buckets);
                all.add(run);
                System.out.printf(Locale.ROOT, "%s run %d: %,d events, wall %.1f s, CPU %.1f s (%.2f µs/event), peak RSS %,d MB,"
                        + " load before %s%n", size, r + 1, events, run.wall, run.cpu, run.cpu * 1e6 / events,
                        run.rssKb >> 10, run.load);
            }
            double wall = median(all.stream().map(Run::wall).toList());
            double cpu = median(all.stream().map(Run::cpu).toList());
            double rss = median(all.stream().map(r -> (double) (r.rssKb >> 10)).toList());
            medians.put(size, new double[] {cpu, events});
            if (!size.equals("startup")) {
                perEvent.put(size, cpu * 1e6 / events);
            }
            System.out.printf(Locale.ROOT, "%s median of %d: wall %.1f s, CPU %.1f s, %.2f µs CPU/event, peak RSS %.0f MB"
                    + " (-Xmx%s)%n", size, n, wall, cpu, cpu * 1e6 / events, rss, xmx);
        }
        if (perEvent.size() > 1) {
            List<String> keys = new ArrayList<>(perEvent.keySet());
            String first = keys.get(0);
            String last = keys.get(keys.size() - 1);
            System.out.printf(Locale.ROOT, "CPU per event, %s / %s: %.2f%n", last, first, perEvent.get(last) / perEvent.get(first));
            // The JVM's start and compilation cost the same whatever the log: without them, the
            // CPU each event adds (the run of a 1,000-item log stands for that fixed part).
            double[] fixed = medians.get("startup");
            if (fixed != null) {
                Map<String, Double> net = new LinkedHashMap<>();
                keys.forEach(k -> net.put(k, (medians.get(k)[0] - fixed[0]) * 1e6 / (medians.get(k)[1] - fixed[1])));
                net.forEach((k, v) -> System.out.printf(Locale.ROOT, "%s: %.2f µs CPU/event beyond the %.1f s of a"
                        + " 1,000-item log%n", k, v, fixed[0]));
                System.out.printf(Locale.ROOT, "CPU per event beyond start-up, %s / %s: %.2f%n", last, first,
                        net.get(last) / net.get(first));
            }
        }
    }

    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("\"position\":(\\d+)");
    private static final java.util.regex.Pattern STREAM = java.util.regex.Pattern.compile("\"stream\":\"([^\"]*)\"");

    /** The simulated log, written once (reused when present); its number of events. */
    private static long simulated(OperatingModel model, int items, Path log) throws IOException {
        if (Files.isRegularFile(log)) {
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.count();
            }
        }
        if (items == ITEMS.get("30M")) {
            // Copy k of each event of the 10M log: its item renamed "~k", its position 3 × p + k.
            Path ten = log.resolveSibling("baton-scale-" + ITEMS.get("10M") + ".jsonl");
            simulated(model, ITEMS.get("10M"), ten);
            Path partial = log.resolveSibling(log.getFileName() + ".part");
            long events = 0;
            try (var out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                for (int k = 0; k < 3; k++) {
                    int copy = k;
                    try (var lines = Files.lines(ten, StandardCharsets.UTF_8)) {
                        for (String line : (Iterable<String>) lines::iterator) {
                            String renamed = STREAM.matcher(line).replaceFirst(m -> "\"stream\":\""
                                    + java.util.regex.Matcher.quoteReplacement(m.group(1)) + "~" + copy + "\"");
                            out.write(POSITION.matcher(renamed).replaceFirst(m -> "\"position\":"
                                    + (Long.parseLong(m.group(1)) * 3 + copy)));
                            out.write('\n');
                            events++;
                        }
                    }
                }
            }
            Files.move(partial, log);
            return events;
        }
        Path partial = log.resolveSibling(log.getFileName() + ".part");
        SimulationTruth truth;
        try (EventLogJsonl.Writer writer = EventLogJsonl.Writer.create(partial)) {
            truth = Simulator.run(model, new SimulationSettings(items, 1, SimulationSettings.DEFAULT_START, 52,
                    DebtRates.DEFAULT), writer::write);
        }
        Files.move(partial, log);
        System.out.printf(Locale.ROOT, "simulated %,d items, %,d events, %,d MB of JSONL: %s%n", truth.items(), truth.events(),
                Files.size(log) >> 20, log);
        return truth.events();
    }

    /** One {@code baton analyze --format json} in a fresh JVM, timed by GNU time. */
    private static Run run(Path jar, Path log, String xmx, String buckets) throws IOException, InterruptedException {
        String load = Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        Path times = Files.createTempFile("baton-scale-time", ".txt");
        List<String> command = new ArrayList<>(List.of("/usr/bin/time", "-o", times.toString(), "-f", "%e %U %S %M",
                "java", "-Xmx" + xmx, "-jar", jar.toString(), "analyze", "--model", "examples/b2b-saas.yaml",
                "--log", log.toString(), "--format", "json", "--out", "/dev/null"));
        if (buckets != null) {
            command.addAll(List.of("--buckets", buckets));
        }
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("baton analyze failed: " + String.join(" ", command));
        }
        String[] f = Files.readString(times).trim().split("\\s+");
        Files.delete(times);
        return new Run(Double.parseDouble(f[0]), Double.parseDouble(f[1]) + Double.parseDouble(f[2]), Long.parseLong(f[3]), load);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
