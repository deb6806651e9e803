package dev.baton.app.outcome.web;

import dev.baton.app.json.Json;
import dev.baton.app.outcome.CampaignOutcomes;
import dev.baton.app.outcome.OutcomeImports;
import dev.baton.app.outcome.OutcomeReports;
import dev.baton.measure.attribution.AttributionResult;
import dev.baton.measure.funnel.FunnelReport;
import dev.baton.measure.identity.Unmatched;
import dev.baton.measure.metric.MetricReport;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Outcomes page (/outcomes): the funnel of the stored CRM exports and touchpoints by campaign,
 * channel, segment or quarter (counts, conversion, median days between stages, pipeline and revenue
 * sourced and influenced), the lead handoff with its evidence, attribution by every model side by
 * side per channel (a table and a grouped bar chart), and what could not be matched. The same
 * figures as {@code GET /api/v1/outcomes/funnel} and {@code /attribution}.
 */
@Controller
class OutcomesPage {

    /** A stage row of a funnel group, formatted. */
    record StageRow(String stage, long count, String conversion, String medianDays, long daysMeasured) {
    }

    record GroupView(String key, List<StageRow> stages, String pipelineSourced, String revenueSourced,
                     long opportunitiesSourced, String pipelineInfluenced, String revenueInfluenced,
                     long opportunitiesInfluenced, String cost) {
    }

    /** A channel's share of conversions under each model, in model order. */
    record ChannelRow(String channel, List<String> shares) {
    }

    record ModelView(String id, String explanation) {
    }

    /** One period of one metric, formatted: the table's row. */
    record MetricRow(String metric, String name, String measure, String period, String actual, String target,
                     String status, String verdict, long evidence, String examples) {
    }

    private final OutcomeReports reports;
    private final ModelVersions versions;
    private final CampaignOutcomes campaigns;

    OutcomesPage(OutcomeReports reports, ModelVersions versions, CampaignOutcomes campaigns) {
        this.reports = reports;
        this.versions = versions;
        this.campaigns = campaigns;
    }

    @GetMapping("/outcomes")
    String show(@RequestParam(name = "by", required = false, defaultValue = "campaign") String by, Model page) {
        if (!OutcomeReports.BY.contains(by)) {
            page.addAttribute("byError", "There is no split by '" + by + "'; showing by campaign.");
            by = "campaign";
        }
        page.addAttribute("by", by);
        page.addAttribute("bys", OutcomeReports.BY);
        OutcomeImports.Stored stored = reports.stored();
        page.addAttribute("empty", stored.empty());
        page.addAttribute("unreadable", stored.unreadable());
        if (stored.empty()) {
            return "outcomes";
        }
        page.addAttribute("batches", stored.batches());
        FunnelReport funnel = reports.funnel(stored, by, campaigns.relabel(stored, by, versions.current()));
        page.addAttribute("funnel", funnel);
        page.addAttribute("total", group(funnel.total()));
        page.addAttribute("groups", funnel.groups().stream().map(OutcomesPage::group).toList());
        page.addAttribute("handoff", funnel.total().handoff());
        List<Unmatched> unmatched = new ArrayList<>(funnel.unmatched());
        OutcomeReports.ModelResults models = reports.attribution(stored);
        models.cut().index().unmatched().stream().filter(u -> unmatched.stream().noneMatch(v -> v.what().equals(u.what())))
                .forEach(unmatched::add);
        page.addAttribute("unmatched", unmatched);
        page.addAttribute("notes", funnel.notes());
        page.addAttribute("models", models.results().stream().map(r -> new ModelView(r.model().id(), r.explanation())).toList());
        List<ChannelRow> rows = new ArrayList<>();
        for (String channel : models.channels()) {
            rows.add(new ChannelRow(channel, models.results().stream().map(r -> percent(OutcomeReports.share(r, channel)))
                    .toList()));
        }
        page.addAttribute("channels", rows);
        page.addAttribute("journeys", models.cut().result().journeys().size());
        page.addAttribute("untouched", models.cut().result().untouched());
        page.addAttribute("chart", chart(models));
        metrics(stored, page);
        return "outcomes";
    }

    /** The model's metrics against their targets: a row per metric and period, a chart of actual ÷ target. */
    private void metrics(OutcomeImports.Stored stored, Model page) {
        Optional<ModelVersion> current = versions.current();
        page.addAttribute("metricModel", current.isPresent());
        if (current.isEmpty()) {
            return;
        }
        campaigns(stored, current.get(), page);
        MetricReport report = reports.metrics(stored, current.get().model());
        List<MetricRow> rows = new ArrayList<>();
        for (MetricReport.Measured m : report.measured()) {
            for (MetricReport.Period p : m.periods()) {
                rows.add(new MetricRow(m.metric().id(), m.metric().name(), m.metric().measure().describe() + " per "
                        + m.metric().per().id(), p.period(), p.actual() == null ? "–" : figure(p.actual()),
                        m.metric().target() == null ? "–" : figure(m.metric().target()), p.status().id(), p.verdict(),
                        p.evidence(), String.join(", ", p.examples())));
            }
        }
        page.addAttribute("metricRows", rows);
        page.addAttribute("notMeasured", report.notMeasured());
        page.addAttribute("metricChart", metricChart(report));
    }

    /** Campaigns' pipeline beside their debt: a row per linked campaign item, and what could not be linked. */
    private void campaigns(OutcomeImports.Stored stored, ModelVersion model, Model page) {
        CampaignOutcomes.Table table = campaigns.table(stored, model);
        page.addAttribute("campaignTable", table);
        page.addAttribute("campaignRows", table.rows().stream().map(CampaignOutcomes.Row::view).toList());
    }

    /**
     * An ECharts option: per metric a bar series of actual ÷ target in percent per period (for days,
     * target ÷ actual, so above 100 is always met), with the 100% line.
     */
    private static String metricChart(MetricReport report) {
        java.util.TreeSet<String> periods = new java.util.TreeSet<>();
        report.measured().forEach(m -> m.periods().forEach(p -> periods.add(p.period())));
        List<Map<String, Object>> series = new ArrayList<>();
        for (MetricReport.Measured m : report.measured()) {
            Double target = m.metric().target();
            if (target == null || target == 0) {
                continue;
            }
            Map<String, Double> byPeriod = new java.util.HashMap<>();
            for (MetricReport.Period p : m.periods()) {
                if (p.actual() != null) {
                    double ratio = m.metric().measure().lowerIsBetter() ? (p.actual() == 0 ? 100 : target / p.actual())
                            : p.actual() / target;
                    byPeriod.put(p.period(), Math.round(ratio * 1000) / 10.0);
                }
            }
            Map<String, Object> s = Json.ordered("name", m.metric().name(), "type", "bar",
                    "data", periods.stream().map(byPeriod::get).toList());
            if (series.isEmpty()) {
                s.put("markLine", Json.ordered("silent", true, "symbol", "none", "data", List.of(Map.of("yAxis", 100))));
            }
            series.add(s);
        }
        return Json.write(Json.ordered("tooltip", Map.of("trigger", "axis"),
                "legend", Json.ordered("type", "scroll", "top", 0),
                "grid", Json.ordered("top", 40, "left", 50, "right", 20, "bottom", 30),
                "xAxis", Json.ordered("type", "category", "data", List.copyOf(periods)),
                "yAxis", Json.ordered("type", "value", "name", "% of target"),
                "series", series));
    }

    private static String figure(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static GroupView group(FunnelReport.Group g) {
        List<StageRow> stages = g.stages().stream().map(s -> new StageRow(s.stage(), s.count(), percent(s.conversionToNext()),
                s.medianDaysToNext() == null ? "–" : String.format(Locale.ROOT, "%.1f", s.medianDaysToNext()),
                s.daysMeasured())).toList();
        FunnelReport.Money m = g.money();
        return new GroupView(g.key(), stages, money(m.pipelineSourced()), money(m.revenueSourced()), m.opportunitiesSourced(),
                money(m.pipelineInfluenced()), money(m.revenueInfluenced()), m.opportunitiesInfluenced(),
                g.cost() == null ? "–" : money(g.cost()));
    }

    /** An ECharts option: one bar series a model, the channels along the axis, each bar the channel's share. */
    private static String chart(OutcomeReports.ModelResults models) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (AttributionResult r : models.results()) {
            series.add(Json.ordered("name", r.model().id(), "type", "bar", "data", models.channels().stream().map(c -> {
                Double share = OutcomeReports.share(r, c);
                return share == null ? 0 : Math.round(share * 1000) / 10.0;
            }).toList()));
        }
        return Json.write(Json.ordered("tooltip", Map.of("trigger", "axis"),
                "legend", Json.ordered("type", "scroll", "top", 0),
                "grid", Json.ordered("top", 40, "left", 50, "right", 20, "bottom", 40),
                "xAxis", Json.ordered("type", "category", "data", models.channels()),
                "yAxis", Json.ordered("type", "value", "name", "% of conversions"),
                "series", series));
    }

    private static String percent(Double share) {
        return share == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static String money(double amount) {
        return String.format(Locale.ROOT, "%,.0f", amount);
    }
}
