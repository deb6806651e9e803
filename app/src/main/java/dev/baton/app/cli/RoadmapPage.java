package dev.baton.app.cli;

import dev.baton.plan.roadmap.Comparison;
import dev.baton.plan.roadmap.Plan;
import dev.baton.plan.roadmap.Roadmap;
import dev.baton.plan.roadmap.Verdict;
import java.util.Locale;

/**
 * The roadmap as one self-contained HTML page: a Gantt of initiatives per quarter and a capacity
 * heat map per function and quarter, both inline SVG (nothing is downloaded), then the verdicts.
 */
final class RoadmapPage {

    private RoadmapPage() {
    }

    static String html(RoadmapReport report) {
        Roadmap r = report.roadmap();
        Plan p = report.plan();
        int nq = r.quarters().size();
        int label = 220;
        int col = 110;
        int row = 22;
        StringBuilder s = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Roadmap</title>"
                + "<style>body{font:14px system-ui,sans-serif;margin:24px}svg text{font:12px system-ui,sans-serif}"
                + "td,th{padding:4px 8px;text-align:left}</style></head><body>");
        s.append("<h1>Roadmap ").append(r.quarters().get(0)).append("–").append(r.quarters().get(nq - 1)).append("</h1>");
        s.append("<p>").append(p.plannedCount()).append(" of ").append(r.initiatives().size())
                .append(" initiatives planned, value ").append(RoadmapReport.num(p.plannedValue())).append(" of ")
                .append(RoadmapReport.num(report.total())).append(".</p><h2>Gantt</h2>");
        int n = r.initiatives().size();
        s.append(String.format(Locale.ROOT, "<svg id=\"gantt\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Gantt\">",
                label + col * nq, row * (n + 1)));
        header(s, r, label, col);
        for (int i = 0; i < n; i++) {
            int y = row * (i + 1);
            s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 15, esc(r.initiatives().get(i).title())));
            if (p.planned(i)) {
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"16\" rx=\"3\" fill=\"#3b7dd8\">"
                                + "<title>%s</title></rect>", label + col * p.start(i) + 2, y + 3,
                        col * (p.end(i) - p.start(i) + 1) - 4, esc(report.base().verdicts().get(i).reason())));
            } else {
                s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#b3261e\">not planned</text>", label + 4, y + 15));
            }
        }
        s.append("</svg><h2>Capacity heat map</h2>");
        int nf = r.capacity().functions().size();
        s.append(String.format(Locale.ROOT, "<svg id=\"heatmap\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"Capacity heat map\">",
                label + col * nq, row * (nf + 1)));
        header(s, r, label, col);
        double[][] u = Comparison.utilisation(p);
        for (int f = 0; f < nf; f++) {
            int y = row * (f + 1);
            s.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 15, esc(r.capacity().functions().get(f))));
            for (int q = 0; q < nq; q++) {
                double x = Math.min(1, u[f][q]);
                int red = (int) (255 - 40 * x);
                int other = (int) (245 - 200 * x);
                s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"20\" fill=\"rgb(%d,%d,%d)\">"
                                + "<title>%d of %d person-days</title></rect><text x=\"%d\" y=\"%d\">%s</text>",
                        label + col * q + 1, y + 1, col - 2, red, other, other, p.used(f, q), r.capacity().of(f, q),
                        label + col * q + 8, y + 15, PlanCommand.pct(u[f][q])));
            }
        }
        s.append("</svg><h2>What does not fit, and why</h2><table><tr><th>Initiative</th><th>Reason</th><th>What would make it fit</th></tr>");
        for (Verdict v : report.base().verdicts()) {
            if (v.status() != Verdict.Status.PLANNED) {
                s.append("<tr><td>").append(esc(v.id())).append("</td><td>").append(esc(v.reason())).append("</td><td>")
                        .append(esc(v.remedy())).append("</td></tr>");
            }
        }
        s.append("</table>");
        if (report.comparison() != null) {
            s.append("<h2>Scenario: ").append(esc(report.comparison().scenario())).append("</h2><ul>");
            report.comparison().moved().forEach(m -> s.append("<li>").append(esc(m.id())).append(": ")
                    .append(m.from() == null ? "not planned" : m.from()).append(" → ")
                    .append(m.to() == null ? "not planned" : m.to()).append(" (").append(esc(m.why())).append(")</li>"));
            s.append("</ul>");
        }
        return s.append("</body></html>").toString();
    }

    private static void header(StringBuilder s, Roadmap r, int label, int col) {
        for (int q = 0; q < r.quarters().size(); q++) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"15\">%s</text>", label + col * q + 8, r.quarters().get(q)));
        }
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
