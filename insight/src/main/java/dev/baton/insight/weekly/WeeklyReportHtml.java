package dev.baton.insight.weekly;

import static dev.baton.insight.picture.FlowSvg.esc;

import dev.baton.insight.weekly.WeeklyReport.Line;
import dev.baton.insight.weekly.WeeklyReport.Section;

/**
 * The report as one self-contained HTML page (inline CSS, nothing fetched when it is opened), for
 * an email or a file; {@link #body} is the same content without the page around it, for the web
 * app to place in its own layout. Each line links its item to {@code /items/{id}}.
 */
public final class WeeklyReportHtml {

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1d2330;margin:0;background:#f6f7f9}
            main{max-width:960px;margin:0 auto;padding:24px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:22px 0 8px;border-bottom:1px solid #dde1e7;padding-bottom:4px}
            .muted{color:#667085}ul{padding-left:20px}li{margin:3px 0}a{color:#1f5fbf}
            .kind{font-size:11px;border-radius:4px;padding:1px 5px;background:#eef0f3;color:#475467}
            .bad{background:#fde8e7;color:#b42318}.good{background:#e7f6ec;color:#127a3a}
            """;

    private WeeklyReportHtml() {
    }

    /** The whole page. @param baseUrl the web app's address for item links, or null for links relative to the site */
    public static String render(WeeklyReport r, String baseUrl) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>" + esc(WeeklyWords.heading(r))
                + "</title><style>" + CSS + "</style></head><body><main>\n" + body(r, baseUrl) + "</main></body></html>\n";
    }

    /** The report's content: heading, sections, debt. */
    public static String body(WeeklyReport r, String baseUrl) {
        StringBuilder h = new StringBuilder(8_000);
        h.append("<h1>").append(esc(WeeklyWords.heading(r))).append("</h1>\n<div class=\"muted\">")
                .append(esc(WeeklyWords.subtitle(r))).append("</div>\n");
        for (Section s : r.sections()) {
            h.append("<h2 id=\"").append(s.id()).append("\">").append(esc(s.title())).append(" <span class=\"muted\">(")
                    .append(s.lines().size()).append(")</span></h2>\n<ul>");
            if (s.lines().isEmpty()) {
                h.append("<li class=\"muted\">none</li>");
            }
            for (Line l : s.lines()) {
                h.append("<li><span class=\"kind ").append(tone(l.kind())).append("\">").append(esc(l.kind()))
                        .append("</span> <a href=\"").append(esc(WeeklyWords.itemLink(baseUrl, l.item()))).append("\">")
                        .append(esc(l.item())).append("</a>");
                if (l.title() != null && !l.title().isBlank()) {
                    h.append(' ').append(esc(l.title()));
                }
                h.append(": ").append(esc(l.text()));
                if (l.at() != null) {
                    h.append(" <span class=\"muted\">· ").append(esc(WeeklyWords.when(l.at(), r.week().zone()))).append("</span>");
                }
                if (l.detail() != null) {
                    h.append(" — <q>").append(esc(l.detail())).append("</q>");
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<h2 id=\"debt\">Debt</h2>\n<ul>");
        if (r.debt() == null) {
            h.append("<li class=\"muted\">").append(esc(WeeklyWords.NO_DEBT)).append("</li>");
        } else {
            h.append("<li>").append(esc(WeeklyWords.debt(r.debt()))).append("</li>");
            r.debt().components().forEach(c -> h.append("<li>").append(esc(WeeklyWords.component(c))).append("</li>"));
        }
        h.append("</ul>\n");
        return h.toString();
    }

    /** Colours what went wrong red and what was done green; the rest stays grey. */
    private static String tone(String kind) {
        return switch (kind) {
            case "completed", "granted" -> "good";
            case "sent-back", "blocked", "breached", "overdue", "denied", "rejected" -> "bad";
            default -> "";
        };
    }
}
