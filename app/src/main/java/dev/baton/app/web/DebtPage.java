package dev.baton.app.web;

import dev.baton.app.json.Json;
import dev.baton.engine.Engine;
import dev.baton.engine.event.EventStore;
import dev.baton.engine.item.WorkItem;
import dev.baton.engine.item.WorkItemId;
import dev.baton.engine.event.RecordedEvent;
import dev.baton.engine.rights.Names;
import dev.baton.engine.version.ModelVersion;
import dev.baton.engine.version.ModelVersions;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.DebtReport.ComponentResult;
import dev.baton.insight.debt.DebtReport.Edge;
import dev.baton.insight.debt.DebtReport.FlowComparison;
import dev.baton.insight.debt.DebtReport.Group;
import dev.baton.insight.debt.Dimension;
import dev.baton.insight.debt.Evidence;
import dev.baton.insight.debt.Scope;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import dev.baton.insight.debt.FlowComparisonPicture;
import dev.baton.insight.picture.FlowSvg;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The debt dashboard: the score of the orchestration-debt report on the server's own event log,
 * its components with their weekly trend, hours lost and top actions, AI readiness per work type,
 * the phase assessment, and per work type the declared flow beside the actual one with the
 * deviations in red. Every figure is the report's ({@link DebtReports}), the same as
 * {@code baton analyze --format json} gives for the same events; nothing is recomputed here.
 */
@Controller
class DebtPage {

    /** Pieces of evidence listed on a component's drill-down page. */
    static final int EVIDENCE_SHOWN = 50;

    private final DebtReports reports;
    private final ModelVersions versions;
    private final EventStore store;
    private final Engine engine;

    DebtPage(DebtReports reports, ModelVersions versions, EventStore store, Engine engine) {
        this.reports = reports;
        this.versions = versions;
        this.store = store;
        this.engine = engine;
    }

    record ComponentRow(String id, String title, String value, double percent, String weight, boolean measured,
                        String hours, String summary, String formula, long evidence) {
    }

    record FlowView(String workType, String name, long cases, String declared, String actual, List<String> deviations) {
    }

    record GroupRow(String key, String score, String hours) {
    }

    record ActionRow(String component, String text, String hours) {
    }

    /** What the dashboard is filtered by, as typed; {@code on} when any filter applies. */
    record Filter(String from, String to, String source, boolean on) {
    }

    /**
     * The dashboard, of the whole log or of a period and source ({@code ?from=2026-04-01&to=...&source=jira}),
     * as {@code baton analyze --from --to --source} computes it. A filter that cannot be read is
     * said on the page, which then shows the whole log.
     */
    @GetMapping("/debt")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     @RequestParam(required = false) String source, Model page, HttpServletResponse response) {
        Scope scope = Scope.ALL;
        try {
            scope = Scope.parse("from", from, "to", to, source == null ? List.of() : List.of(source.split(",")));
        } catch (IllegalArgumentException e) {
            page.addAttribute("filterError", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        page.addAttribute("filter", new Filter(from == null ? "" : from, to == null ? "" : to, source == null ? "" : source,
                !scope.all()));
        DebtReports.Snapshot snapshot = scope.all() ? reports.current() : reports.scoped(scope);
        DebtReport r = snapshot.report();
        page.addAttribute("allSources", reports.current().report().sources().stream()
                .map(DebtReport.SourceCoverage::source).toList());
        ModelVersion current = PageAdvice.current(versions);
        OperatingModel model = current.model();
        page.addAttribute("r", r);
        page.addAttribute("snapshot", snapshot);
        page.addAttribute("refreshing", reports.refreshing());
        page.addAttribute("score", one(r.score()));
        page.addAttribute("hours", whole(r.costHours()));
        page.addAttribute("capacity", whole(r.capacityHours()));
        page.addAttribute("capacityShare", r.capacityHours() <= 0 ? "0%"
                : Math.round(100 * r.costHours() / r.capacityHours()) + "%");
        page.addAttribute("sources", sources(r));
        page.addAttribute("components", r.components().stream().map(DebtPage::row).toList());
        page.addAttribute("actions", r.actions().stream().map(a -> new ActionRow(a.component(), a.text(), whole(a.hours())))
                .toList());
        page.addAttribute("trend", trend(r));
        page.addAttribute("weeks", groups(r, Dimension.WEEK));
        page.addAttribute("byWorkType", groups(r, Dimension.WORK_TYPE));
        page.addAttribute("byFunction", groups(r, Dimension.FUNCTION));
        page.addAttribute("flows", r.flows().stream().map(f -> flow(model, f)).toList());
        page.addAttribute("tools", ToolSwitchingCard.of(r.toolSwitching()));
        page.addAttribute("meetings", MeetingLoadCard.of(r.meetings(), model));
        return "debt";
    }

    @GetMapping("/debt/components/{id}")
    String component(@PathVariable String id, Model page) {
        DebtReport r = reports.current().report();
        ModelVersion current = PageAdvice.current(versions);
        ComponentResult c = r.components().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new PageAdvice.NotFound("The debt report has no component '" + id + "'."));
        page.addAttribute("c", row(c));
        page.addAttribute("details", c.details().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), one(e.getValue()))).toList());
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Evidence e : c.evidence().subList(0, Math.min(EVIDENCE_SHOWN, c.evidence().size()))) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("item", e.item());
            // Work-in-progress evidence is about a person's day, the rest about an item: named by its title.
            boolean person = "wip".equals(id);
            row.put("person", person);
            row.put("title", person ? Names.person(current.model(), e.item())
                    : engine.item(new WorkItemId(e.item())).map(WorkItem::title).orElse(e.item()));
            row.put("note", e.note());
            row.put("weight", one(e.weight()));
            row.put("events", e.positions().stream().limit(6).map(p -> event(current.model(), p)).toList());
            evidence.add(row);
        }
        page.addAttribute("evidence", evidence);
        page.addAttribute("evidenceTotal", c.evidenceTotal());
        return "debt-component";
    }

    /** The event at a position of the log, as a timeline sentence. */
    private String event(OperatingModel model, long position) {
        List<RecordedEvent> found = store.readAll(position - 1, 1);
        if (found.isEmpty() || found.get(0).position() != position) {
            return "event " + position;
        }
        EventSentences.Line line = EventSentences.of(model, found.get(0));
        return "#" + position + " " + String.format(Locale.ROOT, "%tF %<tR", java.util.Date.from(line.at())) + " "
                + line.actor() + " " + line.sentence() + (line.detail() == null ? "" : ": " + line.detail());
    }

    /** "jira 25 items, records no owners, intake requests; baton 420 items", or nothing when Baton records it all. */
    private static String sources(DebtReport r) {
        if (r.sources().size() <= 1 && r.sources().stream().allMatch(s -> s.doesNotRecord().isEmpty())) {
            return "";
        }
        return String.join("; ", r.sources().stream().map(s -> s.source() + " " + s.items() + " items"
                + (s.doesNotRecord().isEmpty() ? "" : ", records no " + String.join(", ", s.doesNotRecord()))).toList());
    }

    private static ComponentRow row(ComponentResult c) {
        return new ComponentRow(c.id(), c.title(), c.measured() ? one(c.value() * 100) : "not measured",
                c.measured() ? Math.max(0, Math.min(100, c.value() * 100)) : 0, one(c.weight()), c.measured(),
                whole(c.costHours()), c.summary(), c.formula(), c.evidenceTotal());
    }

    /** The weekly trend as an ECharts option: the score and each measured component, ×100. */
    static String trend(DebtReport r) {
        List<Group> observed = r.breakdowns().getOrDefault(Dimension.WEEK, List.of());
        // Weeks far apart (an old import beside this quarter) are not one line: a gap between them,
        // labelled with how long it is, breaks it.
        List<Group> weeks = new ArrayList<>();
        for (Group g : observed) {
            if (!weeks.isEmpty()) {
                long apart = dev.baton.insight.debt.Weeks.between(weeks.get(weeks.size() - 1).key(), g.key());
                if (apart > 1) {
                    weeks.add(new Group("… " + (apart - 1) + " weeks …", Double.NaN, 0, Map.of()));
                }
            }
            weeks.add(g);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "bottom", 0));
        option.put("grid", Map.of("left", 40, "right", 20, "top", 20, "bottom", 60));
        option.put("xAxis", Map.of("type", "category", "data", weeks.stream().map(Group::key).toList()));
        option.put("yAxis", Map.of("type", "value", "min", 0, "max", 100));
        List<Object> series = new ArrayList<>();
        Map<String, Object> score = new LinkedHashMap<>(Map.of("name", "Debt score", "type", "line",
                "lineStyle", Map.of("width", 4), "data", weeks.stream()
                        .map(g -> Double.isNaN(g.score()) ? (Object) "-" : round(g.score())).toList()));
        // Each model change as a dashed line at its week, so that a jump there is read with it in mind.
        List<Object> changes = r.modelChanges().stream()
                .filter(c -> weeks.stream().anyMatch(g -> g.key().equals(c.week())))
                .map(c -> (Object) Map.of("xAxis", c.week(), "name", "model v" + c.version() + " (" + c.date() + ")"))
                .toList();
        if (!changes.isEmpty()) {
            score.put("markLine", Map.of("symbol", "none", "silent", true, "lineStyle", Map.of("type", "dashed"),
                    "label", Map.of("formatter", "{b}"), "data", changes));
        }
        series.add(score);
        for (ComponentResult c : r.components()) {
            if (c.measured()) {
                series.add(Map.of("name", c.title(), "type", "line", "symbol", "none",
                        "data", weeks.stream().map(g -> g.values().containsKey(c.id())
                                ? round(g.values().get(c.id()) * 100) : null).map(v -> v == null ? "-" : (Object) v)
                                .toList()));
            }
        }
        option.put("series", series);
        return Json.write(option);
    }

    private static List<GroupRow> groups(DebtReport r, Dimension d) {
        return r.breakdowns().getOrDefault(d, List.of()).stream()
                .map(g -> new GroupRow(g.key(), one(g.score()), whole(g.costHours()))).toList();
    }

    /** Declared flow (from the model) beside the actual one (from the report's comparison). */
    private static FlowView flow(OperatingModel model, FlowComparison f) {
        WorkType type = model.workType(f.workType()).orElse(null);
        String name = type == null ? f.workType() : Names.workType(type);
        String declared = type == null ? "" : ModelPage.declaredFlow(model, type);
        List<String> deviations = new ArrayList<>();
        for (Edge e : f.actual()) {
            if (!e.declared()) {
                deviations.add((type == null ? e.from() : Names.stage(type, e.from())) + " → "
                        + (type == null ? e.to() : Names.stage(type, e.to())) + ": " + e.count() + " times");
            }
        }
        String actual = FlowComparisonPicture.actual(f, "Actual flow of " + name,
                stage -> type == null ? stage : Names.stage(type, stage),
                stage -> type == null || type.stage(stage).isEmpty() ? "deviation"
                        : type.stage(stage).get().kind() == null ? null : type.stage(stage).get().kind().id(),
                FlowSvg.FIT_WIDTH);
        return new FlowView(f.workType(), name, f.cases(), declared, actual, deviations);
    }

    static String one(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String whole(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
