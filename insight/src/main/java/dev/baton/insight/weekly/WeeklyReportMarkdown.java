package dev.baton.insight.weekly;

import dev.baton.insight.weekly.WeeklyReport.Line;
import dev.baton.insight.weekly.WeeklyReport.Section;

/**
 * The report as Markdown to paste into Slack, an email or a wiki: a heading, then one bold title
 * and one bullet per line for each section, the debt change last. Plain enough to read as text.
 * An item is named by its id, linked to its page when a base URL is given.
 */
public final class WeeklyReportMarkdown {

    /** How many component changes the debt section lists; the JSON has them all. */
    static final int COMPONENTS_SHOWN = 3;

    private WeeklyReportMarkdown() {
    }

    /** Every line of every section; for a small team's week. */
    public static String render(WeeklyReport r, String baseUrl) {
        return render(r, baseUrl, 0);
    }

    /**
     * @param baseUrl the web app's address ({@code https://baton.acme.com}) for item links, or null for none
     * @param linesPerSection at most this many lines per section, then how many more there are (0: all).
     *        A report pasted into Slack is read when it is short; the HTML and JSON keep every line.
     */
    public static String render(WeeklyReport r, String baseUrl, int linesPerSection) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(WeeklyWords.heading(r)).append('\n');
        md.append(WeeklyWords.subtitle(r)).append('\n');
        for (Section s : r.sections()) {
            md.append('\n').append("**").append(s.title()).append(" (").append(s.lines().size()).append(")**\n");
            if (s.lines().isEmpty()) {
                md.append("- none\n");
            }
            int shown = linesPerSection > 0 ? Math.min(linesPerSection, s.lines().size()) : s.lines().size();
            for (Line l : s.lines().subList(0, shown)) {
                md.append(line(l, r, baseUrl)).append('\n');
            }
            if (shown < s.lines().size()) {
                md.append("- …and ").append(s.lines().size() - shown).append(" more (the HTML and JSON reports list every line)\n");
            }
        }
        md.append("\n**Debt**\n");
        if (r.debt() == null) {
            md.append("- ").append(WeeklyWords.NO_DEBT).append('\n');
        } else {
            md.append("- ").append(WeeklyWords.debt(r.debt())).append('\n');
            r.debt().components().stream().limit(COMPONENTS_SHOWN)
                    .forEach(c -> md.append("- ").append(WeeklyWords.component(c)).append('\n'));
        }
        return md.toString();
    }

    /** "- `post-1` Ten pricing myths: moved from Draft to Edit by Ana Silva · Tue 6 Jan 10:00 — "reason"". */
    static String line(Line l, WeeklyReport r, String baseUrl) {
        String item = baseUrl == null ? "`" + l.item() + "`" : "[" + l.item() + "](" + WeeklyWords.itemLink(baseUrl, l.item()) + ")";
        return "- " + item + (l.title() == null || l.title().isBlank() ? "" : " " + plain(l.title())) + ": " + plain(l.text())
                + (l.at() == null ? "" : " · " + WeeklyWords.when(l.at(), r.week().zone()))
                + (l.detail() == null ? "" : " — \"" + plain(l.detail()) + "\"");
    }

    /** Text on one line, with the characters Markdown would read as formatting escaped. */
    private static String plain(String text) {
        return text.replaceAll("\\s+", " ").strip().replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
    }
}
