package dev.baton.measure.experiment.input;

import dev.baton.measure.experiment.ArmStatistic;
import dev.baton.measure.experiment.ExperimentAnalysis;
import dev.baton.measure.experiment.Proportion;
import dev.baton.measure.experiment.SampleMean;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Results exports of other tools re-read as sufficient statistics, so that Baton can re-analyse
 * them (another method, the guardrails, Benjamini–Hochberg) — one row per metric × variation.
 * <ul>
 * <li>GrowthBook's "Export CSV" of an experiment's results (front-end
 * {@code ResultsDownloadButton}): {@code metric, variation, users, totalValue, perUserValue,
 * perUserValueStdDev, …}, with an optional first column per dimension value. n = users,
 * sum = totalValue, Σx² = sd²(n − 1) + sum²/n, so the variance is the exported standard deviation
 * squared (for a binomial metric that is p(1 − p), as gbstats). A dimension column makes each of
 * its values an experiment of its own.</li>
 * <li>Optimizely's results CSV: columns are matched by name, case-insensitively — metric
 * ("Metric Name", "Metric", "Event Name"), variation ("Variation Name", "Variation"), visitors
 * ("Visitors", "Unique Visitors", "Sample Size"), conversions or value ("Unique Conversions",
 * "Conversions", "Total Conversions", "Numerator", "Total Value", "Value"), optional standard
 * deviation ("Standard Deviation", "Std Dev"), optional experiment ("Experiment Name",
 * "Experiment ID", "Experiment") and baseline flag ("Baseline", "Is Baseline"). Without a
 * standard deviation a metric is read as a conversion rate (conversions ≤ visitors); other
 * numeric metrics need one. This layout follows Optimizely's documentation of its results page;
 * it was not checked against a real export.</li>
 * </ul>
 * CUPED and ratio metrics lose their extra sums in these exports: they are re-analysed as plain
 * per-user means, and the notes say so.
 */
public final class ResultsCsv {

    private ResultsCsv() {
    }

    public static UnitData growthBook(Path file) throws IOException, InputRefused {
        return read(file, GROWTHBOOK);
    }

    public static UnitData optimizely(Path file) throws IOException, InputRefused {
        return read(file, OPTIMIZELY);
    }

    private record Columns(String tool, List<String> metric, List<String> variation, List<String> users,
                           List<String> sum, List<String> stddev, List<String> experiment, List<String> baseline,
                           boolean dimensionFirst) {
    }

    static final Columns GROWTHBOOK = new Columns("GrowthBook", List.of("metric"), List.of("variation"),
            List.of("users"), List.of("totalvalue"), List.of("peruservaluestddev"), List.of(), List.of(), true);
    static final Columns OPTIMIZELY = new Columns("Optimizely", List.of("metric name", "metric", "event name"),
            List.of("variation name", "variation"), List.of("visitors", "unique visitors", "sample size"),
            List.of("unique conversions", "conversions", "total conversions", "numerator", "total value", "value"),
            List.of("standard deviation", "std dev", "stddev"), List.of("experiment name", "experiment id",
            "experiment"), List.of("baseline", "is baseline"), false);

    private static UnitData read(Path file, Columns columns) throws IOException, InputRefused {
        List<InputError> errors = new ArrayList<>();
        // experiment → metric → variation → row statistics
        Map<String, Map<String, Map<String, double[]>>> data = new LinkedHashMap<>();
        Map<String, String> baselines = new LinkedHashMap<>();
        long rows = 0;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            Map<String, Integer> index = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
            }
            Integer metric = find(index, columns.metric());
            Integer variation = find(index, columns.variation());
            Integer users = find(index, columns.users());
            Integer sum = find(index, columns.sum());
            Integer stddev = find(index, columns.stddev());
            Integer experiment = find(index, columns.experiment());
            Integer baseline = find(index, columns.baseline());
            if (columns.dimensionFirst() && experiment == null && metric != null && metric > 0) {
                experiment = 0;
            }
            Map<String, List<String>> needed = new LinkedHashMap<>();
            needed.put("metric", columns.metric());
            needed.put("variation", columns.variation());
            needed.put("users", columns.users());
            needed.put("conversions or value", columns.sum());
            needed.forEach((what, names) -> {
                if (find(index, names) == null) {
                    errors.add(new InputError(1, 0, "", "expected a " + what + " column (" + String.join(", ", names)
                            + ") in a " + columns.tool() + " results export, found " + String.join(",", header)));
                }
            });
            if (!errors.isEmpty()) {
                throw new InputRefused(errors);
            }
            for (CSVRecord record : parser) {
                rows++;
                int line = (int) parser.getCurrentLineNumber();
                String metricName = record.get(metric).strip();
                String variationName = record.get(variation).strip();
                String experimentId = experiment == null ? "experiment" : record.get(experiment).strip();
                Double n = number(record, users, line, header, errors);
                Double total = number(record, sum, line, header, errors);
                Double sd = stddev == null || record.get(stddev).isBlank() || record.get(stddev).equals("null")
                        ? null : number(record, stddev, line, header, errors);
                if (n == null || total == null || (stddev != null && sd == null && !record.get(stddev).isBlank()
                        && !record.get(stddev).equals("null"))) {
                    continue;
                }
                if (n < 0 || n != Math.rint(n)) {
                    errors.add(new InputError(line, 0, header.get(users), "expected a whole number of users, found "
                            + record.get(users)));
                    continue;
                }
                if (sd == null && stddev == null && total > n) {
                    errors.add(new InputError(line, 0, header.get(sum), "expected conversions at most the visitors ("
                            + (long) (double) n + ") without a standard deviation column, found " + record.get(sum)
                            + ": a numeric metric needs its standard deviation to be re-analysed"));
                    continue;
                }
                double[] stats = {n, total, sd == null ? Double.NaN : sd};
                Map<String, double[]> arms = data.computeIfAbsent(experimentId, k -> new LinkedHashMap<>())
                        .computeIfAbsent(metricName, k -> new LinkedHashMap<>());
                if (arms.put(variationName, stats) != null) {
                    errors.add(new InputError(line, 0, header.get(variation), "expected one row per metric and "
                            + "variation, found '" + variationName + "' of '" + metricName + "' again"));
                }
                if (baseline != null && truthy(record.get(baseline))) {
                    baselines.put(experimentId, variationName);
                }
            }
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new InputRefused(new InputError(0, 0, "", "expected a " + columns.tool() + " results CSV, found: "
                    + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InputRefused(errors);
        }
        return assemble(data, baselines, rows, columns);
    }

    private static UnitData assemble(Map<String, Map<String, Map<String, double[]>>> data,
                                     Map<String, String> baselines, long rows, Columns columns) {
        List<String> notes = new ArrayList<>();
        notes.add("re-analysed from a " + columns.tool() + " results export: every metric as a per-user mean (or a"
                + " conversion rate); CUPED and ratio adjustments are not in the export and are not applied");
        List<UnitData.ExperimentData> experiments = new ArrayList<>();
        for (var e : data.entrySet()) {
            List<String> arms = new ArrayList<>();
            for (Map<String, double[]> metric : e.getValue().values()) {
                metric.keySet().stream().filter(a -> !arms.contains(a)).forEach(arms::add);
            }
            String first = baselines.getOrDefault(e.getKey(), arms.get(0));
            arms.remove(first);
            arms.add(0, first);
            if (arms.size() < 2) {
                notes.add("experiment " + e.getKey() + ": only one variation: not analysed");
                continue;
            }
            List<ExperimentAnalysis.MetricInput> metrics = new ArrayList<>();
            List<Long> users = null;
            for (var m : e.getValue().entrySet()) {
                if (!m.getValue().keySet().containsAll(arms)) {
                    notes.add("experiment " + e.getKey() + ", metric " + m.getKey()
                            + ": not every variation has a row: not analysed");
                    continue;
                }
                List<ArmStatistic> stats = new ArrayList<>();
                for (String arm : arms) {
                    double[] s = m.getValue().get(arm);
                    long n = (long) s[0];
                    if (Double.isNaN(s[2])) {
                        stats.add(new Proportion(n, s[1]));
                    } else {
                        double ss = n == 0 ? 0 : s[2] * s[2] * (n - 1) + s[1] * s[1] / n;
                        stats.add(new SampleMean(n, s[1], ss));
                    }
                }
                if (users == null) {
                    users = stats.stream().map(ArmStatistic::n).toList();
                }
                metrics.add(new ExperimentAnalysis.MetricInput(m.getKey(), stats));
            }
            if (!metrics.isEmpty()) {
                experiments.add(new UnitData.ExperimentData(e.getKey(), List.copyOf(arms), users, List.copyOf(metrics)));
            }
        }
        return new UnitData(List.copyOf(experiments), rows, List.copyOf(notes));
    }

    private static Integer find(Map<String, Integer> index, List<String> names) {
        return names.stream().map(index::get).filter(i -> i != null).findFirst().orElse(null);
    }

    private static boolean truthy(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("yes") || v.equals("1") || v.equals("baseline");
    }

    /** A number as exports print them: thousands separators are tolerated. */
    private static Double number(CSVRecord record, int column, int line, List<String> header,
                                 List<InputError> errors) {
        String text = column < record.size() ? record.get(column).strip() : "";
        String cleaned = text.replace(",", "").replace("\u00a0", "");
        try {
            double v = Double.parseDouble(cleaned);
            if (Double.isFinite(v) && !cleaned.isEmpty() && !cleaned.matches(".*[a-zA-Z&&[^eE]].*")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // below
        }
        errors.add(new InputError(line, 0, header.get(column), "expected a number, found '" + text + "'"));
        return null;
    }
}
