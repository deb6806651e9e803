package dev.baton.app.cli;

import dev.baton.plan.roadmap.Comparison;
import dev.baton.plan.roadmap.Initiative;
import dev.baton.plan.roadmap.Plan;
import dev.baton.plan.roadmap.Planner;
import dev.baton.plan.roadmap.Quarter;
import dev.baton.plan.roadmap.Rebalance;
import dev.baton.plan.roadmap.Roadmap;
import dev.baton.plan.roadmap.Verdict;
import dev.baton.app.json.RoadmapJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code baton plan} shows, as text and as JSON: the plan, the verdicts, the scenario, the bottlenecks. */
record RoadmapReport(Roadmap roadmap, Planner.Result base, Comparison comparison,
                     List<Rebalance.Bottleneck> bottlenecks, List<Rebalance.Addition> additions, int top) {

    Plan plan() {
        return base.plan();
    }

    double total() {
        return roadmap.initiatives().stream().mapToDouble(Initiative::value).sum();
    }

    void text(PrintWriter out) {
        Plan p = plan();
        out.printf(Locale.ROOT, "Roadmap %s–%s: %d of %d initiatives planned, value %s of %s (greedy packer: %s); %s%n",
                roadmap.quarters().get(0), roadmap.quarters().get(roadmap.quarters().size() - 1), p.plannedCount(),
                roadmap.initiatives().size(), num(p.plannedValue()), num(total()), num(base.greedyValue()),
                base.planner() == Planner.TIMEFOLD ? "improved by local search" : "greedy packer only");
        out.println("Capacity from " + roadmap.capacity().source() + ".");
        out.println();
        for (int q = 0; q < roadmap.quarters().size(); q++) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < roadmap.initiatives().size(); i++) {
                if (p.planned(i) && p.start(i) <= q && q <= p.end(i)) {
                    names.add(roadmap.initiatives().get(i).title());
                }
            }
            out.println(roadmap.quarters().get(q) + ": " + (names.isEmpty() ? "—" : String.join(", ", names)));
        }
        out.println();
        out.println("Utilisation (person-days used / capacity):");
        double[][] u = Comparison.utilisation(p);
        for (int f = 0; f < roadmap.capacity().functions().size(); f++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-14s", roadmap.capacity().functions().get(f)));
            for (int q = 0; q < roadmap.quarters().size(); q++) {
                row.append(String.format(Locale.ROOT, " %4d/%-4d %4s", p.used(f, q), roadmap.capacity().of(f, q),
                        PlanCommand.pct(u[f][q])));
            }
            out.println(row);
        }
        out.println();
        out.println("Not planned or late:");
        boolean any = false;
        for (Verdict v : base.verdicts()) {
            if (v.status() != Verdict.Status.PLANNED) {
                out.println("  " + v.reason() + (v.remedy().isEmpty() ? "" : " " + v.remedy()));
                any = true;
            }
        }
        if (!any) {
            out.println("  nothing: every initiative is planned in time.");
        }
        out.println();
        out.println("Bottlenecks: " + String.join("; ", bottlenecks.stream()
                .map(b -> b.quarter() + " " + b.function() + " " + PlanCommand.pct(b.load())).toList()));
        out.println("For the top " + top + " to fit, add: " + (additions.isEmpty() ? "nothing (they fit)"
                : String.join(", ", additions.stream().map(a -> a.days() + " person-days of " + a.function() + " in "
                + a.quarter()).toList())));
        if (comparison != null) {
            out.println();
            out.println("Scenario '" + comparison.scenario() + "' against the base plan:");
            for (int q = 0; q < roadmap.quarters().size(); q++) {
                out.printf(Locale.ROOT, "  value delivered %s: %s -> %s%n", roadmap.quarters().get(q),
                        num(comparison.baseValueByQuarter()[q]), num(comparison.scenarioValueByQuarter()[q]));
            }
            for (Comparison.Move m : comparison.moved()) {
                out.println("  moved " + m.id() + ": " + where(m.from()) + " -> " + where(m.to()) + " (" + m.why() + ")");
            }
            if (comparison.moved().isEmpty()) {
                out.println("  nothing moved");
            }
        }
    }

    private static String where(Quarter q) {
        return RoadmapJson.placed(q);
    }

    static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    Map<String, Object> json() {
        return RoadmapJson.of(roadmap, base, comparison, bottlenecks, additions, top);
    }
}
