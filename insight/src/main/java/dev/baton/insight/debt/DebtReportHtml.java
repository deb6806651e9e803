package dev.baton.insight.debt;

import dev.baton.insight.debt.DebtReport.Action;
import dev.baton.insight.debt.DebtReport.ComponentResult;
import dev.baton.insight.debt.DebtReport.Condition;
import dev.baton.insight.debt.DebtReport.Edge;
import dev.baton.insight.debt.DebtReport.FlowComparison;
import dev.baton.insight.debt.DebtReport.Group;
import dev.baton.insight.debt.DebtReport.Phase;
import dev.baton.insight.debt.DebtReport.WorkTypeReadiness;
import dev.baton.model.DebtSettings;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page: inline CSS and SVG drawn here, no script or font
 * fetched at view time, so it can be mailed to a CMO or opened offline. Sections: score and cost,
 * component bars, top actions, weekly trend, declared beside actual flow per work type,
 * breakdowns, AI readiness, phases, and the evidence tables.
 */
public final class DebtReportHtml {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
            main{max-width:1180px;margin:0 auto;padding:24px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 10px;border-bottom:1px solid #dde1e7;padding-bottom:4px}
            h3{font-size:15px;margin:16px 0 6px}.muted{color:#667085}
            .cards{display:flex;gap:16px;flex-wrap:wrap}.card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:14px 18px}
            .big{font-size:40px;font-weight:700}.bars td{padding:3px 8px;vertical-align:middle}
            .bar{background:#eef0f3;width:260px;height:14px;border-radius:7px;overflow:hidden}
            .bar span{display:block;height:100%;border-radius:7px}
            table{border-collapse:collapse;background:#fff}th,td{border-bottom:1px solid #eceff3;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f0f2f5;font-weight:600}td.num,th.num{text-align:right}
            .pass{color:#127a3a;font-weight:700}.fail{color:#b42318;font-weight:700}
            .flows{display:flex;flex-direction:column;gap:12px}.flow{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:8px;overflow-x:auto}h4{margin:0 0 4px;font-size:13px;color:#667085}
            details{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:6px 12px;margin:6px 0}summary{cursor:pointer;font-weight:600}
            code{font-size:12px;color:#475467}
            """;

    /** The inside of a flow's box: main's 1180 px less its padding and the box's. */
    private static final int FLOW_WIDTH = 1110;

    private DebtReportHtml() {
    }

    public static String render(DebtReport r) {
        StringBuilder h = new StringBuilder(64_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>Orchestration debt — ").append(esc(r.model())).append("</title><style>").append(CSS)
                .append("</style></head><body><main>\n");
        h.append("<h1>Orchestration debt — ").append(esc(r.model())).append("</h1>");
        h.append("<div class=\"muted\">").append(esc(r.log())).append(": ")
                .append(String.format(Locale.ROOT, "%,d items, %,d events", r.items(), r.events()));
        if (r.from() != null) {
            h.append(", ").append(esc(r.from().substring(0, 10))).append(" to ").append(esc(r.to().substring(0, 10)));
        }
        h.append("</div>\n");
        h.append("<div class=\"cards\" style=\"margin-top:14px\">")
                .append(card("Debt score", String.format(Locale.ROOT, "%.0f", r.score()), r.band()
                        + ": weighted mean of the components × 100"))
                .append(card("Cost", String.format(Locale.ROOT, "%,.0f h", r.costHours()), String.format(Locale.ROOT,
                        "person-hours lost, of %,.0f h of declared capacity in this period", r.capacityHours())))
                .append(card("Phases", r.phases().completed() + " of 4", "completed"))
                .append(card("AI-ready work types", r.aiReadiness().stream().filter(WorkTypeReadiness::ready).count()
                        + " of " + r.aiReadiness().size(), "every condition passes"))
                .append("</div>\n");
        h.append("<p>").append(esc(r.scoreMeaning())).append("</p>\n");

        h.append("<h2>Components</h2><table class=\"bars\"><tr><th>component</th><th>value</th><th class=\"num\"></th>")
                .append("<th class=\"num\">weight</th><th class=\"num\">cost (h)</th><th>what it shows</th></tr>\n");
        for (ComponentResult c : r.components()) {
            double v = c.measured() ? c.value() : 0;
            h.append("<tr><td><a href=\"#").append(c.id()).append("\">").append(esc(c.title())).append("</a><br><code>")
                    .append(c.id()).append("</code></td><td><div class=\"bar\" role=\"img\" aria-label=\"")
                    .append(pct(v)).append("\"><span style=\"width:").append(String.format(Locale.ROOT, "%.1f", 100 * v))
                    .append("%;background:").append(color(v)).append("\"></span></div></td><td class=\"num\">")
                    .append(c.measured() ? pct(v) : "n/a").append("</td><td class=\"num\">").append(num(c.weight()))
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,.0f", c.costHours()))
                    .append("</td><td>").append(esc(c.summary())).append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2>Top actions</h2><ol>");
        for (Action a : r.actions()) {
            h.append("<li><strong>").append(String.format(Locale.ROOT, "%,.0f h", a.hours())).append("</strong> — ")
                    .append(esc(a.text())).append(" <code>").append(a.component()).append("</code></li>");
        }
        h.append("</ol>\n");

        h.append("<h2>Weekly trend</h2>").append(trend(r.breakdowns().get(Dimension.WEEK), r.modelChanges()))
                .append('\n');

        h.append("<h2>Declared flow beside actual flow</h2><p class=\"muted\">Above: the stage changes the model ")
                .append("declares. Below: the changes items actually made, thicker when more frequent; red ones are not ")
                .append("in the declared flow.</p>\n");
        for (FlowComparison f : r.flows()) {
            if (f.stages().isEmpty()) {
                continue;
            }
            h.append("<h3>").append(esc(f.workType())).append(" <span class=\"muted\">(").append(f.cases()).append(" cases")
                    .append(f.logFitness() == null ? "" : String.format(Locale.ROOT, ", alignment fitness %.3f, %.0f%% of cases fit",
                            f.logFitness(), f.percentageFittingTraces()))
                    .append(")</span></h3>");
            if (!f.deviations().isEmpty()) {
                h.append("<ul class=\"muted\">");
                f.deviations().forEach(d -> h.append("<li>").append(esc(d)).append("</li>"));
                h.append("</ul>");
            }
            java.util.Set<String> declaredStages = new java.util.HashSet<>();
            f.declared().forEach(e -> {
                declaredStages.add(e.from());
                declaredStages.add(e.to());
            });
            java.util.function.Function<String, String> kind = s -> declaredStages.contains(s) ? null : "deviation";
            h.append("<div class=\"flows\"><div class=\"flow\"><h4>declared</h4>")
                    .append(FlowComparisonPicture.declared(f, "Declared flow of " + f.workType(), s -> s, kind, FLOW_WIDTH))
                    .append("</div><div class=\"flow\"><h4>actual</h4>")
                    .append(FlowComparisonPicture.actual(f, "Actual flow of " + f.workType(), s -> s, kind, FLOW_WIDTH))
                    .append("</div></div>\n");
        }

        h.append(dev.baton.insight.tools.ToolSwitchingHtml.section(r.toolSwitching()));

        h.append("<h2>Breakdowns</h2>");
        for (Dimension d : List.of(Dimension.WORK_TYPE, Dimension.FUNCTION, Dimension.TEAM, Dimension.PERSON, Dimension.STAGE)) {
            h.append(breakdown(d, r.breakdowns().get(d)));
        }

        h.append("<h2>AI readiness</h2><table><tr><th>work type</th><th>ready</th>");
        List<WorkTypeReadiness> readiness = r.aiReadiness();
        if (!readiness.isEmpty()) {
            for (Condition c : readiness.get(0).conditions()) {
                h.append("<th>").append(esc(c.title())).append("</th>");
            }
        }
        h.append("</tr>");
        for (WorkTypeReadiness w : readiness) {
            h.append("<tr><td>").append(esc(w.workType())).append("</td><td>").append(mark(w.ready())).append("</td>");
            for (Condition c : w.conditions()) {
                h.append("<td>").append(mark(c.pass())).append(" <span class=\"muted\">").append(esc(c.reason()))
                        .append("</span></td>");
            }
            h.append("</tr>");
        }
        h.append("</table>\n");

        h.append("<h2>Phases</h2><p><strong>Next step:</strong> ").append(esc(r.phases().nextStep())).append("</p><ol>");
        for (Phase p : r.phases().phases()) {
            h.append("<li>").append(mark(p.complete())).append(" <strong>").append(esc(p.title())).append("</strong><ul>");
            for (Condition c : p.checks()) {
                h.append("<li>").append(mark(c.pass())).append(' ').append(esc(c.title())).append(": ")
                        .append(esc(c.reason())).append("</li>");
            }
            h.append("</ul></li>");
        }
        h.append("</ol>\n");

        h.append("<h2>Evidence</h2><p class=\"muted\">Positions are the events' <code>position</code> in the log.</p>");
        for (ComponentResult c : r.components()) {
            h.append("<details id=\"").append(c.id()).append("\"><summary>").append(esc(c.title())).append(" — ")
                    .append(c.evidenceTotal()).append(" piece(s) of evidence</summary><p><strong>Formula:</strong> ")
                    .append(esc(c.formula())).append("</p><p class=\"muted\">");
            for (Map.Entry<String, Double> d : c.details().entrySet()) {
                h.append(esc(d.getKey())).append(" = ").append(num(d.getValue())).append("; ");
            }
            h.append("</p>");
            if (!c.evidence().isEmpty()) {
                h.append("<table><tr><th>item</th><th>events</th><th>what they show</th></tr>");
                for (Evidence e : c.evidence()) {
                    h.append("<tr><td>").append(esc(e.item())).append("</td><td><code>")
                            .append(esc(e.positions().toString())).append("</code></td><td>").append(esc(e.note()))
                            .append("</td></tr>");
                }
                h.append("</table>");
                if (c.evidenceTotal() > c.evidence().size()) {
                    h.append("<p class=\"muted\">The ").append(c.evidence().size()).append(" heaviest of ")
                            .append(c.evidenceTotal()).append(" shown; the JSON report lists the same.</p>");
                }
            }
            h.append("</details>\n");
        }
        h.append("<p class=\"muted\">Made by baton analyze. Formulas and cost assumptions: docs/debt.md.</p>");
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static String breakdown(Dimension d, List<Group> groups) {
        if (groups.isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<details><summary>By ").append(d.id()).append(" (").append(groups.size())
                .append(")</summary><table><tr><th>").append(d.id()).append("</th><th class=\"num\">score</th><th class=\"num\">cost (h)</th>");
        for (String id : DebtSettings.COMPONENTS) {
            h.append("<th class=\"num\">").append(id).append("</th>");
        }
        h.append("</tr>");
        groups.stream().sorted((a, b) -> Double.compare(b.costHours(), a.costHours())).forEach(g -> {
            h.append("<tr><td>").append(esc(g.key())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%.0f", g.score())).append("</td><td class=\"num\">")
                    .append(String.format(Locale.ROOT, "%,.0f", g.costHours())).append("</td>");
            for (String id : DebtSettings.COMPONENTS) {
                Double v = g.values().get(id);
                h.append("<td class=\"num\">").append(v == null ? "" : pct(v)).append("</td>");
            }
            h.append("</tr>");
        });
        return h.append("</table></details>\n").toString();
    }

    /** The weekly score as a line over the weeks, with a dot and label per week. */
    private static String trend(List<Group> weeks, List<DebtReport.ModelChange> changes) {
        if (weeks.isEmpty()) {
            return "<p class=\"muted\">No weeks to show.</p>";
        }
        int w = 900;
        int h = 200;
        int left = 40;
        int bottom = 30;
        double step = weeks.size() == 1 ? 0 : (w - left - 20.0) / (weeks.size() - 1);
        StringBuilder points = new StringBuilder();
        StringBuilder dots = new StringBuilder();
        for (int i = 0; i < weeks.size(); i++) {
            double x = left + i * step;
            double y = 10 + (h - bottom - 10) * (1 - weeks.get(i).score() / 100);
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#3056d3\"><title>%s: %.0f</title></circle>",
                    x, y, esc(weeks.get(i).key()), weeks.get(i).score()));
            if (weeks.size() <= 20 || i % Math.max(1, weeks.size() / 12) == 0) {
                dots.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\" fill=\"#667085\">%s</text>",
                        x, h - 10, esc(weeks.get(i).key().substring(Math.max(0, weeks.get(i).key().length() - 3)))));
            }
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"weekly debt score\" style=\"background:#fff;border:1px solid #dde1e7;border-radius:8px\">", w, h));
        for (int v = 0; v <= 100; v += 25) {
            double y = 10 + (h - bottom - 10) * (1 - v / 100.0);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eceff3\"/>"
                    + "<text x=\"8\" y=\"%.1f\" font-size=\"10\" fill=\"#667085\">%d</text>", left, w - 10, y, y, y + 3, v));
        }
        // A model change is a dashed line at its week: the score before and after it is measured
        // against different versions for new work, so a jump there is read with that in mind.
        for (DebtReport.ModelChange c : changes) {
            int at = -1;
            for (int i = 0; i < weeks.size(); i++) {
                if (weeks.get(i).key().equals(c.week())) {
                    at = i;
                }
            }
            if (at >= 0) {
                double x = left + at * step;
                s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"10\" y2=\"%d\" stroke=\"#b54708\" "
                        + "stroke-dasharray=\"4 3\"><title>model version %d from %s</title></line>"
                        + "<text x=\"%.1f\" y=\"20\" font-size=\"10\" fill=\"#b54708\">v%d</text>",
                        x, x, h - bottom, c.version(), esc(c.date()), x + 3, c.version()));
            }
        }
        s.append("<polyline fill=\"none\" stroke=\"#3056d3\" stroke-width=\"2\" points=\"").append(points).append("\"/>")
                .append(dots).append("</svg>");
        for (DebtReport.ModelChange c : changes) {
            s.append("<p class=\"muted\">Model version ").append(c.version()).append(" from ").append(esc(c.date()))
                    .append(" (").append(esc(c.week())).append("): items are measured against the version they ran under.</p>");
        }
        return s.toString();
    }

    private static String card(String title, String value, String note) {
        return "<div class=\"card\"><div class=\"muted\">" + esc(title) + "</div><div class=\"big\">" + esc(value)
                + "</div><div class=\"muted\">" + esc(note) + "</div></div>";
    }

    private static String mark(boolean pass) {
        return pass ? "<span class=\"pass\">✓</span>" : "<span class=\"fail\">✗</span>";
    }

    private static String color(double v) {
        return v < 0.15 ? "#3aa76d" : v < 0.35 ? "#e0a526" : "#d9483b";
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    static String esc(String s) {
        return dev.baton.insight.picture.FlowSvg.esc(s);
    }
}
