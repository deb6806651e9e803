package dev.baton.measure.experiment.input;

import dev.baton.measure.experiment.ArmStatistic;
import dev.baton.measure.experiment.CupedRatioStatistic;
import dev.baton.measure.experiment.CupedStatistic;
import dev.baton.measure.experiment.ExperimentAnalysis;
import dev.baton.measure.experiment.Moments;
import dev.baton.measure.experiment.Proportion;
import dev.baton.measure.experiment.RatioStatistic;
import dev.baton.measure.experiment.SampleMean;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads unit-level experiment data, one row per unit, into sufficient statistics in one streaming
 * pass: {@code unit,variant,} then one column per metric, with optional {@code pre_<metric>} (CUPED
 * covariate), {@code <metric>_denominator} (ratio metric) and an experiment id column for many
 * experiments in one file. The file is split at line boundaries into one range per thread; each
 * range is folded independently and the partial sums are added in file order, so the result does
 * not depend on timing (it may differ in the last bits with another thread count).
 *
 * <p>Conventions: an empty metric field is 0 (a unit with no event, as GrowthBook fills it); a
 * metric whose values are all 0 or 1 in an experiment is a proportion; the baseline is the arm
 * named by {@link Options#baseline}, else one called "control" (any case), else the first seen;
 * units are not de-duplicated (each row counts once).
 */
public final class UnitCsv {

    /** Below this size one thread reads the whole file. */
    static final long PARALLEL_FROM = 4L << 20;

    private UnitCsv() {
    }

    /**
     * @param experimentColumn the experiment id column; null: {@code experiment} if the header has it
     * @param metrics          the metrics to analyse; empty: every metric column
     * @param baseline         the baseline arm's name; null: "control" or the first seen
     * @param threads          readers in parallel for large files
     */
    public record Options(String experimentColumn, List<String> metrics, String baseline, int threads) {

        public static Options defaults() {
            return new Options(null, List.of(), null, Runtime.getRuntime().availableProcessors());
        }
    }

    public static UnitData read(Path file, Options options) throws IOException, InputRefused {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            HeaderLine header = header(channel);
            UnitLayout layout = UnitLayout.of(header.names(), options.experimentColumn(), options.metrics(),
                    file.toString());
            int threads = size - header.end() < PARALLEL_FROM ? 1 : Math.max(1, options.threads());
            long[] bounds = bounds(channel, header.end(), size, threads);
            List<UnitChunk> chunks = fold(channel, layout, bounds);
            refuseErrors(chunks, header.names());
            return merge(chunks, layout, options.baseline());
        }
    }

    private record HeaderLine(List<String> names, long end) {
    }

    private static HeaderLine header(FileChannel channel) throws IOException, InputRefused {
        java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = 0;
        long end = -1;
        while (end < 0) {
            buffer.clear();
            int got = channel.read(buffer, position);
            if (got <= 0) {
                end = position;
                break;
            }
            for (int k = 0; k < got; k++) {
                if (buffer.get(k) == '\n') {
                    end = position + k + 1;
                    break;
                }
                line.write(buffer.get(k));
            }
            position += got;
            if (line.size() > 1 << 20) {
                throw new InputRefused(new InputError(1, 0, "", "expected a header line, found more than 1 MB "
                        + "without a line break"));
            }
        }
        String text = line.toString(StandardCharsets.UTF_8).replace("\r", "");
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InputRefused(new InputError(1, 0, "", "expected a header unit,variant,<metric>…, found an "
                    + "empty line"));
        }
        List<String> names = new ArrayList<>();
        for (String name : text.split(",", -1)) {
            String n = name.strip();
            names.add(n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1) : n);
        }
        return new HeaderLine(names, end);
    }

    /** Range starts at line starts: each nominal split moved just past the next line break. */
    private static long[] bounds(FileChannel channel, long start, long size, int threads) throws IOException {
        long[] bounds = new long[threads + 1];
        bounds[0] = start;
        bounds[threads] = size;
        ByteBuffer one = ByteBuffer.allocate(64 * 1024);
        for (int i = 1; i < threads; i++) {
            long p = Math.max(bounds[i - 1], start + (size - start) * i / threads);
            long found = size;
            while (p < size) {
                one.clear();
                int got = channel.read(one, p);
                if (got <= 0) {
                    break;
                }
                int k = 0;
                while (k < got && one.get(k) != '\n') {
                    k++;
                }
                if (k < got) {
                    found = p + k + 1;
                    break;
                }
                p += got;
            }
            bounds[i] = found;
        }
        return bounds;
    }

    private static List<UnitChunk> fold(FileChannel channel, UnitLayout layout, long[] bounds) throws IOException {
        int threads = bounds.length - 1;
        List<UnitChunk> chunks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            chunks.add(new UnitChunk(layout));
        }
        if (threads == 1) {
            chunks.get(0).read(channel, bounds[0], bounds[1]);
            return chunks;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "baton-units");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                UnitChunk chunk = chunks.get(i);
                long from = bounds[i];
                long to = bounds[i + 1];
                futures.add(pool.submit(() -> {
                    chunk.read(channel, from, to);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return chunks;
    }

    private static void refuseErrors(List<UnitChunk> chunks, List<String> header) throws InputRefused {
        List<InputError> errors = new ArrayList<>();
        long before = 1;
        long total = 0;
        for (UnitChunk chunk : chunks) {
            for (InputError e : chunk.errors) {
                if (errors.size() < UnitChunk.MAX_ERRORS) {
                    errors.add(new InputError((int) (before + e.line()), 0,
                            e.column() >= 0 ? header.get(e.column()) : "", e.message()));
                }
            }
            total += chunk.errorCount;
            before += chunk.lines;
        }
        if (total > errors.size()) {
            errors.add(new InputError(Integer.MAX_VALUE, 0, "", String.format(Locale.ROOT,
                    "… and %,d more rows refused", total - errors.size())));
        }
        if (!errors.isEmpty()) {
            throw new InputRefused(errors);
        }
    }

    private static UnitData merge(List<UnitChunk> chunks, UnitLayout layout, String baseline) {
        Map<String, Map<String, double[]>> experiments = new LinkedHashMap<>();
        long rows = 0;
        for (UnitChunk chunk : chunks) {
            for (int c = 0; c < chunk.cells.size(); c++) {
                int[] key = chunk.cellKeys.get(c);
                double[] add = chunk.cells.get(c);
                double[] into = experiments.computeIfAbsent(chunk.experiments.name(key[0]), k -> new LinkedHashMap<>())
                        .computeIfAbsent(chunk.variants.name(key[1]), k -> new double[add.length]);
                for (int i = 0; i < add.length; i++) {
                    into[i] += add[i];
                }
                rows += (long) add[0];
            }
        }
        List<String> notes = new ArrayList<>();
        for (int m = 0; m < layout.metrics.size(); m++) {
            if (layout.hasPre[m] && layout.hasDenominator[m] && !layout.hasPreDenominator[m]) {
                notes.add("metric " + layout.metrics.get(m) + ": a ratio with pre_" + layout.metrics.get(m)
                        + " but no pre_" + layout.metrics.get(m) + "_denominator; CUPED on a ratio adjusts by the "
                        + "pre-period ratio, so it is analysed without its covariate");
            }
        }
        List<UnitData.ExperimentData> result = new ArrayList<>();
        for (var e : experiments.entrySet()) {
            String id = e.getKey().isEmpty() && !layout.hasExperiment ? "experiment" : e.getKey();
            List<String> arms = new ArrayList<>(e.getValue().keySet());
            String first = baselineOf(arms, baseline, id, notes);
            arms.remove(first);
            arms.add(0, first);
            if (arms.size() < 2) {
                notes.add("experiment " + id + ": only one arm (" + first + "): nothing to compare, not analysed");
                continue;
            }
            List<Long> users = arms.stream().map(a -> (long) e.getValue().get(a)[0]).toList();
            List<ExperimentAnalysis.MetricInput> metrics = new ArrayList<>();
            for (int m = 0; m < layout.metrics.size(); m++) {
                List<double[]> cells = arms.stream().map(e.getValue()::get).toList();
                metrics.add(new ExperimentAnalysis.MetricInput(layout.metrics.get(m), statistics(cells, m, layout)));
            }
            result.add(new UnitData.ExperimentData(id, List.copyOf(arms), users, List.copyOf(metrics)));
        }
        return new UnitData(List.copyOf(result), rows, List.copyOf(notes));
    }

    private static String baselineOf(List<String> arms, String baseline, String experiment, List<String> notes) {
        if (baseline != null) {
            if (arms.contains(baseline)) {
                return baseline;
            }
            notes.add("experiment " + experiment + ": no arm named '" + baseline + "'; '" + arms.get(0)
                    + "', the first seen, is the baseline");
            return arms.get(0);
        }
        return arms.stream().filter(a -> a.equalsIgnoreCase("control")).findFirst().orElse(arms.get(0));
    }

    /** The statistics of metric m in each arm: proportion when every value is 0 or 1 in every arm. */
    private static List<ArmStatistic> statistics(List<double[]> cells, int m, UnitLayout layout) {
        int base = 1 + m * UnitChunk.SLOTS;
        boolean binary = cells.stream().allMatch(c -> c[base + 8] == 0);
        boolean binaryPre = cells.stream().allMatch(c -> c[base + 9] == 0);
        List<ArmStatistic> stats = new ArrayList<>();
        for (double[] c : cells) {
            long n = (long) c[0];
            if (layout.hasDenominator[m] && layout.hasPreDenominator[m]) {
                stats.add(new CupedRatioStatistic(n, new SampleMean(n, c[base], c[base + 1]),
                        new SampleMean(n, c[base + 5], c[base + 6]), new SampleMean(n, c[base + 2], c[base + 3]),
                        new SampleMean(n, c[base + 10], c[base + 11]),
                        new CupedRatioStatistic.Products(c[base + 4], c[base + 15], c[base + 14], c[base + 7],
                                c[base + 12], c[base + 13])));
            } else if (layout.hasDenominator[m]) {
                stats.add(new RatioStatistic(n, new SampleMean(n, c[base], c[base + 1]),
                        new SampleMean(n, c[base + 5], c[base + 6]), c[base + 7]));
            } else if (layout.hasPre[m]) {
                boolean proportions = binary && binaryPre;
                Moments post = proportions ? new Proportion(n, c[base]) : new SampleMean(n, c[base], c[base + 1]);
                Moments pre = proportions ? new Proportion(n, c[base + 2]) : new SampleMean(n, c[base + 2], c[base + 3]);
                stats.add(new CupedStatistic(n, post, pre, c[base + 4]));
            } else {
                stats.add(binary ? new Proportion(n, c[base]) : new SampleMean(n, c[base], c[base + 1]));
            }
        }
        return stats;
    }
}
