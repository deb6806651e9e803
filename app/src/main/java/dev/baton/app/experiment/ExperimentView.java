package dev.baton.app.experiment;

import dev.baton.app.json.ExperimentJson;
import dev.baton.app.json.Json;
import dev.baton.insight.experiment.ExperimentRhythm;
import dev.baton.measure.experiment.Comparison;
import dev.baton.measure.experiment.ExperimentResult;
import dev.baton.measure.experiment.Method;
import dev.baton.measure.experiment.MetricResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An experiment item's latest upload analysed, as the API answers it and the page shows it: the
 * upload, then the analysis of {@code baton experiment analyze --format json} for one experiment
 * (SRM first, every metric × arm, BH-adjusted p, guardrails), then the verdicts in words.
 */
public record ExperimentView(StoredResults.Upload upload, ExperimentResult result) {

    public static ExperimentView of(StoredResults.Upload upload) {
        return new ExperimentView(upload, upload.data().analyze(upload.item(), upload.looks() - 1));
    }

    public boolean srmMismatch() {
        return result.srm() != null && result.srm().mismatch();
    }

    public boolean sequential() {
        return result.settings().method() == Method.SEQUENTIAL;
    }

    /** The verdicts: the SRM first when it failed, then each comparison's sentence. */
    public List<String> verdicts() {
        List<String> out = new ArrayList<>();
        if (srmMismatch()) {
            out.add(String.format(Locale.ROOT, "The split of units is not the one planned (SRM p = %.2g): the assignment "
                    + "or the tracking is broken, so none of the results below can be trusted until that is explained.",
                    result.srm().pValue()));
        }
        for (MetricResult m : result.metrics()) {
            for (Comparison c : m.comparisons()) {
                out.add(m.metric() + ", " + c.arm() + ": " + (c.summary() != null ? c.summary() : c.explanation()));
            }
        }
        return out;
    }

    /** One line of the results table, its figures as text (no NaN: a figure that does not apply is "—"). */
    public record Row(String metric, String kind, String arm, String baselineMean, String armMean, String lift, String ci,
                      String pValue, String pAdjusted, String chanceToWin, boolean significant, String verdict) {
    }

    public List<Row> rows() {
        boolean relative = result.settings().relative();
        List<Row> rows = new ArrayList<>();
        for (MetricResult m : result.metrics()) {
            for (Comparison c : m.comparisons()) {
                Double p = c.pValueAdjusted() != null ? c.pValueAdjusted() : c.pValue();
                boolean significant = p != null ? p < result.settings().alpha()
                        : c.chanceToWin() != null && (c.chanceToWin() > 0.95 || c.chanceToWin() < 0.05);
                rows.add(new Row(m.metric(), m.kind(), c.arm(), number(c.baselineMean()), number(c.armMean()),
                        effect(c.expected(), relative),
                        c.ci() == null ? "—" : "[" + (c.ci().low() == null ? "−∞" : effect(c.ci().low(), relative)) + ", "
                                + (c.ci().high() == null ? "∞" : effect(c.ci().high(), relative)) + "]",
                        probability(c.pValue()), probability(c.pValueAdjusted()),
                        c.chanceToWin() == null ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * c.chanceToWin()),
                        significant, c.summary() != null ? c.summary() : c.explanation()));
            }
        }
        return rows;
    }

    private static String effect(Double v, boolean relative) {
        if (v == null) {
            return "—";
        }
        return relative ? String.format(Locale.ROOT, "%+.2f%%", 100 * v) : String.format(Locale.ROOT, "%+.4g", v);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    private static String probability(Double p) {
        return p == null ? "—" : p < 1e-4 ? String.format(Locale.ROOT, "%.1e", p) : String.format(Locale.ROOT, "%.4f", p);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("item", upload.item());
        json.put("upload", Json.ordered("id", upload.id(), "format", upload.format(), "file", upload.file(),
                "summary", upload.summary(), "rows", upload.data().rows(), "recordedBy", upload.recordedBy(),
                "recordedAt", upload.recordedAt().toString(), "looks", upload.looks()));
        Map<String, Object> many = ExperimentJson.many(List.of(result), upload.data().notes());
        Map<String, Object> experiment = ((List<Map<String, Object>>) many.get("experiments")).get(0);
        json.put("srm", experiment.get("srm"));
        json.put("method", many.get("method"));
        json.put("difference", many.get("difference"));
        json.put("alpha", many.get("alpha"));
        json.put("arms", experiment.get("arms"));
        json.put("pValueAdjustment", experiment.get("pValueAdjustment"));
        json.put("metrics", experiment.get("metrics"));
        json.put("warnings", experiment.get("warnings"));
        json.put("notes", upload.data().notes());
        json.put("verdicts", verdicts());
        return json;
    }

    /** ECharts option: per metric and arm the interval of the difference, the estimate marked. */
    public String chart() {
        List<String> labels = new ArrayList<>();
        List<Object> low = new ArrayList<>();
        List<Object> span = new ArrayList<>();
        List<Object> point = new ArrayList<>();
        boolean relative = result.settings().relative();
        double scale = relative ? 100 : 1;
        for (MetricResult m : result.metrics()) {
            for (Comparison c : m.comparisons()) {
                if (c.expected() == null || c.ci() == null || c.ci().low() == null || c.ci().high() == null) {
                    continue;
                }
                labels.add(m.metric() + " · " + c.arm());
                low.add(round(c.ci().low() * scale));
                span.add(round((c.ci().high() - c.ci().low()) * scale));
                point.add(round(c.expected() * scale));
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 160, "right", 30, "top", 30, "bottom", 30));
        option.put("xAxis", Map.of("type", "value", "name", relative ? "lift, %" : "difference"));
        option.put("yAxis", Map.of("type", "category", "data", labels));
        option.put("series", List.of(
                Map.of("type", "bar", "stack", "ci", "data", low, "itemStyle", Map.of("color", "transparent"),
                        "silent", true),
                Map.of("type", "bar", "stack", "ci", "name", "interval", "data", span,
                        "itemStyle", Map.of("color", "#9ec5fe"),
                        "markLine", Map.of("symbol", "none", "data", List.of(Map.of("xAxis", 0)),
                                "lineStyle", Map.of("color", "#555"))),
                Map.of("type", "scatter", "name", "estimate", "data", point, "itemStyle", Map.of("color", "#0b5ed7"))));
        return Json.write(option);
    }

    /** The rhythm as the API answers it. */
    public static Map<String, Object> rhythm(ExperimentRhythm.Rhythm r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total", r.total());
        json.put("started", r.started());
        json.put("decided", r.decided());
        json.put("decidedByData", r.decidedByData());
        json.put("stopped", r.stopped());
        json.put("shareDecidedByData", r.shareDecidedByData());
        json.put("shareDecidedWithoutData", r.shareDecidedWithoutData());
        json.put("shareStopped", r.shareStopped());
        json.put("medianDaysToDecision", r.medianDaysToDecision());
        json.put("sentence", r.sentence());
        json.put("months", r.months().stream().map(m -> Json.ordered("month", m.month(), "team", m.team(),
                "started", m.started(), "decided", m.decided(), "stopped", m.stopped())).toList());
        json.put("experiments", r.experiments().stream().map(e -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("item", e.item());
            x.put("title", e.title());
            x.put("team", e.team());
            x.put("outcome", e.outcome());
            x.put("createdAt", e.createdAt().toString());
            x.put("startedAt", e.startedAt() == null ? null : e.startedAt().toString());
            x.put("resultsAt", e.resultsAt() == null ? null : e.resultsAt().toString());
            x.put("decidedAt", e.decidedAt() == null ? null : e.decidedAt().toString());
            x.put("stoppedAt", e.stoppedAt() == null ? null : e.stoppedAt().toString());
            x.put("daysToDecision", e.daysToDecision());
            return x;
        }).toList());
        return json;
    }

    /** Chart of the rhythm: started, decided and stopped per month (all teams). */
    public static String rhythmChart(ExperimentRhythm.Rhythm r) {
        Map<String, int[]> perMonth = new java.util.TreeMap<>();
        r.months().forEach(m -> {
            int[] c = perMonth.computeIfAbsent(m.month(), k -> new int[3]);
            c[0] += m.started();
            c[1] += m.decided();
            c[2] += m.stopped();
        });
        List<String> months = new ArrayList<>(perMonth.keySet());
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 40, "right", 20, "top", 30, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", months));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        String[] names = {"started", "decided", "stopped"};
        List<Object> series = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int k = i;
            series.add(Map.of("type", "bar", "name", names[i], "data", months.stream().map(m -> perMonth.get(m)[k]).toList()));
        }
        option.put("series", series);
        return Json.write(option);
    }

    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
