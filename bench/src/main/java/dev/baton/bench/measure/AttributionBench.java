package dev.baton.bench.measure;

import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.attribution.Journeys;
import dev.baton.measure.attribution.PathColumns;
import dev.baton.measure.attribution.PathsCsv;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run-attribution [--runs 5] [--jar app/target/baton.jar]}: attribution on a million
 * path rows, two ways.
 *
 * <ul>
 *   <li>PathData ×100: ChannelAttribution's 10,000 rows (read from ../shared, GPL-3, never copied)
 *       written 100 times, 12 channels, 5,408 distinct paths;</li>
 *   <li>generated: 1,000,000 rows from {@link PathsGenerator} (seed 42), 12 channels, 1–12 touches,
 *       over 500,000 distinct paths.</li>
 * </ul>
 *
 * For each: reading the CSV into distinct journeys, then each model on them, in this JVM after two
 * warm-up rounds (medians of the runs); and the whole {@code baton attribute} command as a user
 * runs it, a fresh {@code java -jar} each time, output to a file (median wall clock, and the CPU
 * time the child used, from /proc on Linux). Run it alone: on a loaded machine the wall clock grows
 * with the load, which is printed, while CPU times stay comparable.
 */
public final class AttributionBench {

    private record Case(String model, int order) {
        String[] args() {
            return order > 1 ? new String[] {"--model", model, "--order", String.valueOf(order)}
                    : new String[] {"--model", model};
        }

        String label() {
            return model + (order > 1 ? " order " + order : "");
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path jar = Path.of("app/target/baton.jar");
        Path pathData = Path.of("../shared/datasets/attribution/PathData.csv");
        for (int i = 0; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--jar" -> jar = Path.of(args[i + 1]);
                case "--path-data" -> pathData = Path.of(args[i + 1]);
                default -> { }
            }
        }
        Path dir = Files.createTempDirectory("baton-attribution");
        try {
            if (Files.isRegularFile(pathData)) {
                Path repeated = dir.resolve("pathdata-x100.csv");
                PathsGenerator.repeat(pathData, repeated, 100);
                run("PathData x100", repeated, List.of(new Case("markov", 1), new Case("markov", 3),
                        new Case("first-touch", 1), new Case("linear", 1), new Case("shapley-rate", 1)), runs, jar);
            } else {
                System.out.println("PathData.csv not found at " + pathData + ": PathData x100 skipped");
            }
            Path generated = dir.resolve("generated-1m.csv");
            PathsGenerator.generate(generated, 1_000_000, 12, 42);
            run("generated 1M", generated, List.of(new Case("markov", 1), new Case("markov", 3),
                    new Case("first-touch", 1), new Case("linear", 1), new Case("position-based", 1),
                    new Case("shapley", 1), new Case("shapley-rate", 1)), runs, jar);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static void run(String name, Path file, List<Case> cases, int runs, Path jar) throws Exception {
        double[] read = new double[runs];
        double[] readCpu = new double[runs];
        Journeys journeys = null;
        for (int r = -2; r < runs; r++) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            journeys = PathsCsv.read(file, PathColumns.DEFAULTS);
            if (r >= 0) {
                read[r] = (System.nanoTime() - t0) / 1e9;
                readCpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            }
        }
        System.out.printf(Locale.ROOT, "%n%s: %,d rows, %,d distinct paths, %d channels, %,d bytes%n", name,
                journeys.rows(), journeys.distinctPaths(), journeys.channels().size(), Files.size(file));
        System.out.printf(Locale.ROOT, "  load average %.1f%n", ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "  %-22s wall %.3f s  cpu %.3f s  %s%n", "read + fold", median(read),
                median(readCpu), Arrays.toString(round(read)));
        for (Case c : cases) {
            AttributionModel model = AttributionModel.byId(c.model()).orElseThrow();
            double[] compute = new double[runs];
            double[] computeCpu = new double[runs];
            for (int r = -2; r < runs; r++) {
                long t0 = System.nanoTime();
                long c0 = THREADS.getCurrentThreadCpuTime();
                Attribution.run(model, journeys, AttributionOptions.DEFAULTS.withOrder(c.order()));
                if (r >= 0) {
                    compute[r] = (System.nanoTime() - t0) / 1e9;
                    computeCpu[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
                }
            }
            String whole = "";
            if (Files.isRegularFile(jar)) {
                double[] wall = new double[runs];
                double[] cpu = new double[runs];
                for (int r = 0; r < runs; r++) {
                    double before = childrenCpu();
                    wall[r] = command(jar, file, c.args());
                    cpu[r] = childrenCpu() - before;
                }
                whole = String.format(Locale.ROOT, "   command wall %.2f s  cpu %.2f s  %s", median(wall), median(cpu),
                        Arrays.toString(round(wall)));
            }
            // compute cpu: this thread only; Markov solves its removals on the common pool as well
            System.out.printf(Locale.ROOT, "  %-22s wall %.4f s  cpu %.4f s%s%n", c.label(), median(compute),
                    median(computeCpu), whole);
        }
    }

    /** Seconds for {@code java -jar baton.jar attribute --paths FILE ARGS --format json}, a fresh JVM. */
    private static double command(Path jar, Path file, String[] args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", jar.toString(), "attribute", "--paths",
                file.toString(), "--format", "json"));
        command.addAll(List.of(args));
        File out = File.createTempFile("attribution", ".json");
        try {
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(out).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            int code = process.waitFor();
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + code);
            }
            return seconds;
        } finally {
            Files.deleteIfExists(out.toPath());
        }
    }

    /** CPU seconds of this JVM's finished child processes (Linux /proc; NaN elsewhere). */
    private static double childrenCpu() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command name: state is field 3, so cutime (16) and cstime (17) are at 13 and 14
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 1000) / 1000.0).toArray();
    }
}
