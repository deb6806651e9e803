package dev.baton.app.json;

import dev.baton.plan.roadmap.Comparison;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.Plan;
import dev.baton.plan.roadmap.Planner;
import dev.baton.plan.roadmap.Quarter;
import dev.baton.plan.roadmap.Rebalance;
import dev.baton.plan.roadmap.Roadmap;
import dev.baton.plan.roadmap.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A roadmap's plan as JSON, the same for {@code baton plan --format json} and the server's
 * {@code /api/v1/roadmap/plan}: quarters, value planned, every initiative's verdict, capacity and
 * utilisation per function and quarter, bottlenecks, what the top N need, and a scenario beside it.
 */
public final class RoadmapJson {

    private RoadmapJson() {
    }

    public static Map<String, Object> of(Roadmap roadmap, Planner.Result base, Comparison comparison,
                                         List<Rebalance.Bottleneck> bottlenecks, List<Rebalance.Addition> additions, int top) {
        Plan p = base.plan();
        List<Object> items = new ArrayList<>();
        for (Verdict v : base.verdicts()) {
            items.add(Json.ordered("id", v.id(), "status", v.status().name().toLowerCase(Locale.ROOT),
                    "start", where(v.start()), "end", where(v.end()), "reason", v.reason(), "remedy", v.remedy()));
        }
        Map<String, Object> capacity = new LinkedHashMap<>();
        double[][] u = Comparison.utilisation(p);
        for (int f = 0; f < roadmap.capacity().functions().size(); f++) {
            List<Object> qs = new ArrayList<>();
            for (int q = 0; q < roadmap.quarters().size(); q++) {
                qs.add(Json.ordered("quarter", roadmap.quarters().get(q).toString(), "capacity", roadmap.capacity().of(f, q),
                        "used", p.used(f, q), "utilisation", share(u[f][q])));
            }
            capacity.put(roadmap.capacity().functions().get(f), qs);
        }
        return Json.ordered(
                "quarters", roadmap.quarters().stream().map(Quarter::toString).toList(),
                "planner", base.planner().name().toLowerCase(Locale.ROOT),
                "plannedValue", p.plannedValue(), "greedyValue", base.greedyValue(),
                "totalValue", roadmap.initiatives().stream().mapToDouble(Initiative::value).sum(),
                "planned", p.plannedCount(), "initiatives", items, "capacity", capacity,
                "capacitySource", roadmap.capacity().source(),
                "bottlenecks", bottlenecks.stream().map(b -> Json.ordered("quarter", b.quarter().toString(),
                        "function", b.function(), "load", share(b.load()))).toList(),
                "toFitTop", Json.ordered("n", top, "add", additions.stream().map(a -> Json.ordered("function", a.function(),
                        "quarter", a.quarter().toString(), "days", a.days())).toList()),
                "scenario", comparison == null ? null : scenario(roadmap.capacity().functions(), comparison));
    }

    /** A scenario beside its base: value delivered per quarter, utilisation per function and quarter, what moved and why. */
    public static Map<String, Object> scenario(List<String> functions, Comparison c) {
        Map<String, Object> utilisation = new LinkedHashMap<>();
        for (int f = 0; f < functions.size(); f++) {
            utilisation.put(functions.get(f), Json.ordered("base", shares(c.baseUtilisation()[f]),
                    "scenario", shares(c.scenarioUtilisation()[f])));
        }
        return Json.ordered("name", c.scenario(),
                "valueByQuarter", Json.ordered("base", c.baseValueByQuarter(), "scenario", c.scenarioValueByQuarter()),
                "utilisation", utilisation,
                "moved", c.moved().stream().map(m -> Json.ordered("id", m.id(), "from", placed(m.from()),
                        "to", placed(m.to()), "why", m.why())).toList());
    }

    /** A quarter, or "not planned". */
    public static String placed(Quarter q) {
        return q == null ? "not planned" : q.toString();
    }

    private static String where(Quarter q) {
        return q == null ? null : q.toString();
    }

    private static double share(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static List<Double> shares(double[] row) {
        List<Double> list = new ArrayList<>(row.length);
        for (double v : row) {
            list.add(share(v));
        }
        return list;
    }
}
