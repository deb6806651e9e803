package dev.baton.insight.debt;

import dev.baton.insight.debt.DebtReport.ComponentResult;
import dev.baton.insight.debt.DebtReport.Condition;
import dev.baton.insight.debt.DebtReport.Edge;
import dev.baton.insight.debt.DebtReport.FlowComparison;
import dev.baton.insight.debt.DebtReport.Group;
import dev.baton.insight.debt.DebtReport.Phase;
import dev.baton.insight.debt.DebtReport.WorkTypeReadiness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as plain maps and lists in a stable key order, for {@code --format json}
 * (documented in docs/debt.md). Figures are rounded to six decimals.
 */
public final class DebtReportJson {

    private DebtReportJson() {
    }

    public static Map<String, Object> toMap(DebtReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", r.model());
        m.put("log", r.log());
        m.put("items", r.items());
        m.put("events", r.events());
        m.put("requests", r.requests());
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", r.from());
        period.put("to", r.to());
        m.put("period", period);
        m.put("score", round(r.score()));
        m.put("band", r.band());
        m.put("scoreMeaning", r.scoreMeaning());
        m.put("costHours", round(r.costHours()));
        m.put("capacityHours", round(r.capacityHours()));
        m.put("costScale", round(r.costScale()));
        m.put("sources", r.sources().stream().map(src -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("source", src.source());
            x.put("items", src.items());
            x.put("records", src.records());
            x.put("doesNotRecord", src.doesNotRecord());
            return (Object) x;
        }).toList());
        m.put("conformanceMethod", r.conformanceMethod());
        List<Object> components = new ArrayList<>();
        for (ComponentResult c : r.components()) {
            components.add(component(c));
        }
        m.put("components", components);
        m.put("topActions", r.actions().stream().map(a -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("component", a.component());
            x.put("hours", round(a.hours()));
            x.put("action", a.text());
            return (Object) x;
        }).toList());
        Map<String, Object> breakdowns = new LinkedHashMap<>();
        r.breakdowns().forEach((d, groups) -> breakdowns.put(d.id(), groups.stream().map(DebtReportJson::group).toList()));
        m.put("breakdowns", breakdowns);
        m.put("aiReadiness", r.aiReadiness().stream().map(DebtReportJson::readiness).toList());
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("completed", r.phases().completed());
        phases.put("current", r.phases().current());
        phases.put("nextStep", r.phases().nextStep());
        phases.put("phases", r.phases().phases().stream().map(DebtReportJson::phase).toList());
        m.put("phases", phases);
        m.put("modelChanges", r.modelChanges().stream().map(c -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("version", c.version());
            x.put("date", c.date());
            x.put("week", c.week());
            return (Object) x;
        }).toList());
        m.put("flows", r.flows().stream().map(DebtReportJson::flow).toList());
        m.put("toolSwitching", ToolSwitchingJson.toMap(r.toolSwitching()));
        if (r.meetings() != null && r.meetings().measured()) {
            // Only a log with meetings has the key, so reports of logs without calendars keep their bytes.
            m.put("meetings", dev.baton.insight.debt.meetings.MeetingLoadJson.toMap(r.meetings()));
        }
        return m;
    }

    private static Map<String, Object> component(ComponentResult c) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", c.id());
        x.put("title", c.title());
        x.put("value", round(c.value()));
        x.put("weight", c.weight());
        x.put("effectiveWeight", round(c.effectiveWeight()));
        x.put("measured", c.measured());
        x.put("needs", c.needs());
        x.put("coverage", round(c.coverage()));
        x.put("observations", c.observations());
        x.put("smallSample", c.smallSample());
        x.put("interval95", c.ciLow() == null ? null : List.of(round(c.ciLow()), round(c.ciHigh())));
        x.put("numerator", round(c.bad()));
        x.put("denominator", round(c.total()));
        x.put("costHours", round(c.costHours()));
        x.put("formula", c.formula());
        x.put("summary", c.summary());
        Map<String, Object> details = new LinkedHashMap<>();
        c.details().forEach((k, v) -> details.put(k, round(v)));
        x.put("details", details);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("total", c.evidenceTotal());
        evidence.put("shown", c.evidence().stream().map(e -> {
            Map<String, Object> y = new LinkedHashMap<>();
            y.put("item", e.item());
            y.put("positions", e.positions());
            y.put("note", e.note());
            return (Object) y;
        }).toList());
        x.put("evidence", evidence);
        return x;
    }

    private static Object group(Group g) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("key", g.key());
        x.put("score", round(g.score()));
        x.put("costHours", round(g.costHours()));
        Map<String, Object> values = new LinkedHashMap<>();
        g.values().forEach((k, v) -> values.put(k, round(v)));
        x.put("components", values);
        return x;
    }

    private static Object readiness(WorkTypeReadiness w) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("workType", w.workType());
        x.put("ready", w.ready());
        x.put("conditions", w.conditions().stream().map(DebtReportJson::condition).toList());
        return x;
    }

    private static Object condition(Condition c) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("id", c.id());
        x.put("title", c.title());
        x.put("pass", c.pass());
        x.put("reason", c.reason());
        return x;
    }

    private static Object phase(Phase p) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("number", p.number());
        x.put("title", p.title());
        x.put("complete", p.complete());
        x.put("checks", p.checks().stream().map(DebtReportJson::condition).toList());
        return x;
    }

    private static Object flow(FlowComparison f) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("workType", f.workType());
        x.put("cases", f.cases());
        x.put("logFitness", f.logFitness() == null ? null : round(f.logFitness()));
        x.put("percentageFittingTraces", f.percentageFittingTraces() == null ? null : round(f.percentageFittingTraces()));
        x.put("deviations", f.deviations());
        x.put("stages", f.stages());
        x.put("declared", f.declared().stream().map(DebtReportJson::edge).toList());
        x.put("actual", f.actual().stream().map(DebtReportJson::edge).toList());
        return x;
    }

    private static Object edge(Edge e) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("from", e.from());
        x.put("to", e.to());
        x.put("count", e.count());
        x.put("declared", e.declared());
        return x;
    }

    public static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
