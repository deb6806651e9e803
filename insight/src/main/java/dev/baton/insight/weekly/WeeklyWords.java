package dev.baton.insight.weekly;

import dev.baton.insight.weekly.WeeklyReport.ComponentChange;
import dev.baton.insight.weekly.WeeklyReport.DebtChange;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The words every rendering of a weekly report shares (Markdown, HTML, a web page): its heading,
 * its period, times on the week's clock, and the debt change as sentences. One place, so that the
 * email and the page never say the same week two ways.
 */
public final class WeeklyWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    private WeeklyWords() {
    }

    /** "Weekly status: Writers (team), 2026-W02". */
    public static String heading(WeeklyReport r) {
        Audience a = r.audience();
        String who = a.kind().equals("everyone") ? "everyone" : a.name() + " (" + a.kind() + ")";
        return "Weekly status: " + who + ", " + r.week().key();
    }

    /** "Lumen Labs content team · Mon 5 Jan to Sun 11 Jan 2026 (UTC) · 4 items · log.jsonl". */
    public static String subtitle(WeeklyReport r) {
        Week w = r.week();
        return r.model() + " · " + DAY.format(w.monday()) + " to " + DAY_YEAR.format(w.sunday()) + " (" + zone(w.zone())
                + ") · " + r.items() + (r.items() == 1 ? " item" : " items") + " · " + r.log();
    }

    /** The zone as typed ("Europe/Berlin"), and UTC as "UTC" rather than "Z". */
    public static String zone(ZoneId zone) {
        return zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId();
    }

    /** "Tue 6 Jan 10:00" on the week's clock. */
    public static String when(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** "Debt score 34 (high) at the week's end, up 5 from 29 at the end of 2026-W01". */
    public static String debt(DebtChange d) {
        String now = String.format(Locale.ROOT, "Debt score %.0f (%s) at the week's end", d.after(), d.band());
        if (d.before() == null) {
            return now + ", nothing to compare at the end of " + d.previousWeek();
        }
        long change = Math.round(d.after()) - Math.round(d.before());
        String how = change == 0 ? "unchanged from" : (change > 0 ? "up " : "down ") + Math.abs(change) + " from";
        return String.format(Locale.ROOT, "%s, %s %.0f at the end of %s", now, how, d.before(), d.previousWeek());
    }

    /** "Rework: 20% → 33%", or "Rework: 33% (not measured before)". */
    public static String component(ComponentChange c) {
        return c.title() + ": " + (c.before() == null ? percent(c.after()) + " (not measured before)"
                : percent(c.before()) + " → " + percent(c.after()));
    }

    /** The item's page: {@code /items/{id}}, after the web app's address when one is given. */
    public static String itemLink(String baseUrl, String item) {
        return (baseUrl == null ? "" : baseUrl.replaceAll("/+$", "")) + "/items/"
                + java.net.URLEncoder.encode(item, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What to say when a report's items had nothing to score by the week's end. */
    public static final String NO_DEBT = "No debt score: none of the report's items had an event by the week's end";

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }
}
