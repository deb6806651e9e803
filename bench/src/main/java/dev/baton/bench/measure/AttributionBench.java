package dev.baton.bench.measure;

import dev.baton.measure.attribution.Attribution;
import dev.baton.measure.attribution.AttributionModel;
import dev.baton.measure.attribution.AttributionOptions;
import dev.baton.measure.attribution.Journeys;
import dev.baton.measure.attribution.PathColumns;
import dev.baton.measure.attribution.PathsCsv;
import java.io.File;
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
 * runs it, a fresh {@code java -jar} each time, output to a file (median wall clock). Run it alone.
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

    private static void run(String name, Path file, List<Case> cases, int runs, Path jar) throws Exception {
        double[] read = new double[runs];
        Journeys journeys = null;
        for (int r = -2; r < runs; r++) {
            long t0 = System.nanoTime();
            journeys = PathsCsv.read(file, PathColumns.DEFAULTS);
            if (r >= 0) {
                read[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        System.out.printf(Locale.ROOT, "%n%s: %,d rows, %,d distinct paths, %d channels, %,d bytes%n", name,
                journeys.rows(), journeys.distinctPaths(), journeys.channels().size(), Files.size(file));
        System.out.printf(Locale.ROOT, "  read + fold into distinct paths   median %.3f s  %s%n", median(read),
                Arrays.toString(round(read)));
        for (Case c : cases) {
            AttributionModel model = AttributionModel.byId(c.model()).orElseThrow();
            double[] compute = new double[runs];
            for (int r = -2; r < runs; r++) {
                long t0 = System.nanoTime();
                Attribution.run(model, journeys, AttributionOptions.DEFAULTS.withOrder(c.order()));
                if (r >= 0) {
                    compute[r] = (System.nanoTime() - t0) / 1e9;
                }
            }
            String whole = "";
            if (Files.isRegularFile(jar)) {
                double[] wall = new double[runs];
                for (int r = 0; r < runs; r++) {
                    wall[r] = command(jar, file, c.args());
                }
                whole = String.format(Locale.ROOT, "   whole command median %.2f s %s", median(wall),
                        Arrays.toString(round(wall)));
            }
            System.out.printf(Locale.ROOT, "  %-22s compute median %.4f s%s%n", c.label(), median(compute), whole);
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
