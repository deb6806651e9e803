package dev.baton.app.roadmap;

import dev.baton.app.json.Json;
import dev.baton.app.json.RoadmapJson;
import dev.baton.app.roadmap.EnteredInitiatives.Entered;
import dev.baton.plan.roadmap.Comparison;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.Plan;
import dev.baton.plan.roadmap.Quarter;
import dev.baton.plan.roadmap.Roadmap;
import dev.baton.plan.roadmap.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The roadmap as the API answers it and as the page shows it: JSON, table rows and the charts' ECharts options. */
public final class RoadmapView {

    private RoadmapView() {
    }

    public static Map<String, Object> entered(Entered e) {
        return Json.ordered("id", e.id(), "title", e.title(), "theme", e.theme(), "value", e.value(), "effort", e.effort(),
                "dependsOn", e.dependsOn(), "earliest", e.earliest(), "deadline", e.deadline(),
                "deadlineKind", e.deadline() == null ? null : e.deadlineKind(), "enteredBy", e.enteredBy(),
                "enteredAt", e.enteredAt().toString(), "updatedAt", e.updatedAt().toString());
    }

    /** The plan module's JSON of the plan, with where each initiative comes from, the hash to publish it by, and the published plan. */
    public static Map<String, Object> plan(Roadmaps.Planned p) {
        Map<String, Object> json = new LinkedHashMap<>(RoadmapJson.of(p.board().roadmap(), p.result(), null,
                p.bottlenecks(), p.additions(), Roadmaps.TOP));
        json.remove("scenario"); // compared by POST /api/v1/roadmap/scenarios, beside the published plan
        json.put("sources", p.board().sources().values().stream().map(s -> Json.ordered("id", s.id(), "title", s.title(),
                "workItem", s.item(), "workType", s.workType(), "entered", s.entered(), "effortMissing", s.effortMissing(),
                "valueFrom", s.valueFrom(), "effortFrom", s.effortFrom())).toList());
        json.put("assumptions", CapacityAssumptions.json(p.board().assumptions()));
        json.put("suggestions", p.board().suggestions().values().stream().map(s -> Json.ordered("id", s.id(),
                "effort", s.effort(), "basedOn", s.basedOn(), "theme", s.theme(), "sentence", s.sentence())).toList());
        json.put("search", Json.ordered("seed", Roadmaps.SEARCH.seed(), "steps", Roadmaps.SEARCH.steps()));
        json.put("hash", p.hash());
        json.put("published", p.board().published() == null ? null : published(p.board().published(), null));
        return json;
    }

    public static Map<String, Object> published(Roadmaps.Published p, Long position) {
        Map<String, String> starts = new LinkedHashMap<>();
        p.starts().forEach((id, q) -> starts.put(id, q.toString()));
        Map<String, Object> json = Json.ordered("quarters", p.quarters(), "starts", starts, "plannedValue", p.plannedValue(),
                "hash", p.hash(), "publishedBy", p.by(), "right", p.right(), "publishedAt", p.at().toString());
        if (position != null) {
            json.put("event", Json.ordered("type", "RoadmapPublished", "stream", dev.baton.engine.roadmap.RoadmapEvent.STREAM,
                    "version", p.version(), "position", position));
        }
        return json;
    }

    /** A scenario beside the published plan (or the current plan while none is published). */
    public static Map<String, Object> comparison(Roadmaps.Planned p, Comparison c) {
        Map<String, Object> json = Json.ordered("against", p.board().published() == null ? "current" : "published",
                "quarters", p.board().roadmap().quarters().stream().map(Quarter::toString).toList());
        json.putAll(RoadmapJson.scenario(p.board().roadmap().capacity().functions(), c));
        return json;
    }

    /** One line of the page's plan table. */
    public record Row(String id, String title, String source, String status, String start, String end, double value,
                      String valueFrom, boolean effortMissing, String suggested, String reason, String remedy) {
    }

    public static List<Row> rows(Roadmaps.Planned p) {
        List<Row> rows = new ArrayList<>();
        Roadmap r = p.board().roadmap();
        for (int i = 0; i < r.initiatives().size(); i++) {
            Initiative it = r.initiatives().get(i);
            Verdict v = p.result().verdicts().get(i);
            Roadmaps.Source s = p.board().sources().get(it.id());
            rows.add(new Row(it.id(), it.title(), (s.item() ? "work item (" + s.workType() + ")" : "entered")
                            + (s.effortFrom() == null || "entered".equals(s.effortFrom()) ? "" : "; effort: " + s.effortFrom()),
                    v.status().name().toLowerCase(Locale.ROOT), v.start() == null ? "—" : v.start().toString(),
                    v.end() == null ? "—" : v.end().toString(), it.value(), s.valueFrom(), s.effortMissing(),
                    p.board().suggestions().containsKey(it.id()) ? p.board().suggestions().get(it.id()).effortText() : null,
                    v.reason(), v.remedy()));
        }
        return rows;
    }

    /** A function's use of one quarter. */
    public record Cell(int used, int capacity, long percent) {
    }

    /** One function's line of the capacity table. */
    public record Load(String function, List<Cell> cells) {
    }

    public static List<Load> loads(Roadmaps.Planned p) {
        Roadmap r = p.board().roadmap();
        Plan plan = p.result().plan();
        double[][] u = Comparison.utilisation(plan);
        List<Load> loads = new ArrayList<>();
        for (int f = 0; f < r.capacity().functions().size(); f++) {
            List<Cell> cells = new ArrayList<>();
            for (int q = 0; q < r.quarters().size(); q++) {
                cells.add(new Cell(plan.used(f, q), r.capacity().of(f, q), Math.round(100 * u[f][q])));
            }
            loads.add(new Load(r.capacity().functions().get(f), cells));
        }
        return loads;
    }

    /** The Gantt: quarters along x, one line per planned initiative, a cell per quarter it runs (late ones marked). */
    public static String gantt(Roadmaps.Planned p) {
        Roadmap r = p.board().roadmap();
        Plan plan = p.result().plan();
        List<String> names = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        for (int i = 0; i < r.initiatives().size(); i++) {
            if (!plan.planned(i)) {
                continue;
            }
            int row = names.size();
            names.add(r.initiatives().get(i).title());
            int late = p.result().verdicts().get(i).status() == Verdict.Status.LATE ? 2 : 1;
            for (int q = plan.start(i); q <= plan.end(i) && q < r.quarters().size(); q++) {
                data.add(List.of(q, row, late));
            }
        }
        return Json.write(Json.ordered(
                "grid", Json.ordered("left", 160, "right", 20, "top", 30, "bottom", 50),
                "tooltip", Json.ordered("position", "top"),
                "xAxis", Json.ordered("type", "category", "data", quarterNames(r), "position", "top",
                        "splitArea", Json.ordered("show", true)),
                "yAxis", Json.ordered("type", "category", "data", names, "inverse", true),
                "visualMap", Json.ordered("type", "piecewise", "orient", "horizontal", "left", "center", "bottom", 0,
                        "pieces", List.of(Json.ordered("value", 1, "label", "planned", "color", "#2f6fb0"),
                                Json.ordered("value", 2, "label", "late (after its soft deadline)", "color", "#c0392b"))),
                "series", List.of(Json.ordered("name", "Roadmap", "type", "heatmap", "data", data,
                        "itemStyle", Json.ordered("borderColor", "#fff", "borderWidth", 2)))));
    }

    /** The capacity heat map: function × quarter, coloured by utilisation (used / capacity, %). */
    public static String heat(Roadmaps.Planned p) {
        Roadmap r = p.board().roadmap();
        List<Object> data = new ArrayList<>();
        List<Load> loads = loads(p);
        for (int f = 0; f < loads.size(); f++) {
            for (int q = 0; q < r.quarters().size(); q++) {
                data.add(List.of(q, f, loads.get(f).cells().get(q).percent()));
            }
        }
        return Json.write(Json.ordered(
                "grid", Json.ordered("left", 120, "right", 20, "top", 10, "bottom", 60),
                "tooltip", Json.ordered("position", "top"),
                "xAxis", Json.ordered("type", "category", "data", quarterNames(r), "splitArea", Json.ordered("show", true)),
                "yAxis", Json.ordered("type", "category", "data", r.capacity().functions(), "inverse", true),
                "visualMap", Json.ordered("min", 0, "max", 120, "calculable", false, "orient", "horizontal", "left", "center",
                        "bottom", 0, "text", List.of("120%", "0%"),
                        "inRange", Json.ordered("color", List.of("#f1f7ee", "#f6d365", "#c0392b"))),
                "series", List.of(Json.ordered("name", "Utilisation %", "type", "heatmap", "data", data,
                        "label", Json.ordered("show", true, "formatter", "{@[2]}%")))));
    }

    private static List<String> quarterNames(Roadmap r) {
        return r.quarters().stream().map(Quarter::toString).toList();
    }

    /** One quarter of a comparison: value delivered in the published plan and in the scenario. */
    public record ValueRow(String quarter, double published, double scenario) {
    }

    /** A function in one quarter of a comparison: utilisation (%) published and in the scenario. */
    public record UseRow(String function, String quarter, long published, long scenario) {
    }

    public static List<ValueRow> values(Roadmaps.Planned p, Comparison c) {
        List<ValueRow> rows = new ArrayList<>();
        for (int q = 0; q < p.board().roadmap().quarters().size(); q++) {
            rows.add(new ValueRow(p.board().roadmap().quarters().get(q).toString(), c.baseValueByQuarter()[q],
                    c.scenarioValueByQuarter()[q]));
        }
        return rows;
    }

    public static List<UseRow> uses(Roadmaps.Planned p, Comparison c) {
        List<UseRow> rows = new ArrayList<>();
        List<String> functions = p.board().roadmap().capacity().functions();
        for (int f = 0; f < functions.size(); f++) {
            for (int q = 0; q < p.board().roadmap().quarters().size(); q++) {
                rows.add(new UseRow(functions.get(f), p.board().roadmap().quarters().get(q).toString(),
                        Math.round(100 * c.baseUtilisation()[f][q]), Math.round(100 * c.scenarioUtilisation()[f][q])));
            }
        }
        return rows;
    }
}
