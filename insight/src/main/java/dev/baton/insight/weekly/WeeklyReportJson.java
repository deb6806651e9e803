package dev.baton.insight.weekly;

import dev.baton.insight.debt.DebtReportJson;
import dev.baton.insight.weekly.WeeklyReport.Line;
import dev.baton.insight.weekly.WeeklyReport.Section;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report as plain maps and lists in a stable key order, for {@code --format json}
 * (documented in docs/weekly-report.md). Instants are ISO-8601 in UTC; scores and values are
 * rounded to six decimals.
 */
public final class WeeklyReportJson {

    private WeeklyReportJson() {
    }

    public static Map<String, Object> toMap(WeeklyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("log", r.log());
        Map<String, Object> audience = new LinkedHashMap<>();
        audience.put("kind", r.audience().kind());
        audience.put("id", r.audience().id());
        audience.put("name", r.audience().name());
        m.put("audience", audience);
        Map<String, Object> week = new LinkedHashMap<>();
        week.put("week", r.week().key());
        week.put("zone", WeeklyWords.zone(r.week().zone()));
        week.put("start", r.week().start().toString());
        week.put("end", r.week().end().toString());
        m.put("week", week);
        m.put("items", r.items());
        for (Section s : r.sections()) {
            m.put(s.id(), s.lines().stream().map(WeeklyReportJson::line).toList());
        }
        m.put("debt", r.debt() == null ? null : debt(r.debt()));
        return m;
    }

    private static Object line(Line l) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("item", l.item());
        x.put("title", l.title());
        x.put("kind", l.kind());
        x.put("at", l.at() == null ? null : l.at().toString());
        x.put("people", l.people());
        x.put("text", l.text());
        x.put("detail", l.detail());
        return x;
    }

    private static Object debt(WeeklyReport.DebtChange d) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("score", DebtReportJson.round(d.after()));
        x.put("band", d.band());
        x.put("previousWeek", d.previousWeek());
        x.put("previousScore", d.before() == null ? null : DebtReportJson.round(d.before()));
        x.put("change", d.before() == null ? null : DebtReportJson.round(d.change()));
        x.put("components", d.components().stream().map(c -> {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("id", c.id());
            y.put("title", c.title());
            y.put("before", c.before() == null ? null : DebtReportJson.round(c.before()));
            y.put("after", DebtReportJson.round(c.after()));
            return (Object) y;
        }).toList());
        return x;
    }
}
