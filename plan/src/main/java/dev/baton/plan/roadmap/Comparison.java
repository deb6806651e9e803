package dev.baton.plan.roadmap;

import java.util.ArrayList;
import java.util.List;

/**
 * A scenario's plan beside the base plan: value delivered per quarter (an initiative delivers its
 * value in the quarter it ends), utilisation per function and quarter, and every initiative that
 * moved, with why.
 */
public record Comparison(String scenario, double[] baseValueByQuarter, double[] scenarioValueByQuarter,
                         double[][] baseUtilisation, double[][] scenarioUtilisation, List<Move> moved) {

    /** One initiative whose place changed; quarters are null when not planned. */
    public record Move(String id, Quarter from, Quarter to, String why) {
    }

    public static Comparison of(Scenario scenario, Planner.Result base, Planner.Result changed) {
        Plan b = base.plan();
        Plan s = changed.plan();
        List<Move> moved = new ArrayList<>();
        for (int i = 0; i < b.instance().size(); i++) {
            Initiative it = b.instance().initiative(i);
            int j = s.instance().indexOf(it.id());
            Quarter from = b.planned(i) ? quarter(b, b.start(i)) : null;
            Quarter to = j >= 0 && s.planned(j) ? quarter(s, s.start(j)) : null;
            if (java.util.Objects.equals(from, to)) {
                continue;
            }
            String why = scenario.touches(it.id());
            if (why == null) {
                why = to == null ? changed.verdicts().get(j).reason()
                        : from == null ? "it fits now: the scenario freed or added capacity"
                        : to.compareTo(from) > 0 ? "it waits for capacity taken by work the scenario moved ahead"
                        : "it starts earlier: the scenario freed capacity in " + to;
            }
            moved.add(new Move(it.id(), from, to, why));
        }
        return new Comparison(scenario.name(), valueByQuarter(b), valueByQuarter(s), utilisation(b), utilisation(s),
                List.copyOf(moved));
    }

    private static Quarter quarter(Plan p, int index) {
        return p.instance().roadmap().quarters().get(index);
    }

    public static double[] valueByQuarter(Plan p) {
        double[] v = new double[p.instance().quarters()];
        for (int i = 0; i < p.instance().size(); i++) {
            if (p.planned(i) && p.end(i) < v.length) {
                v[p.end(i)] += p.instance().initiative(i).value();
            }
        }
        return v;
    }

    /** Used over capacity per function and quarter; 0 where there is no capacity and no use. */
    public static double[][] utilisation(Plan p) {
        Instance in = p.instance();
        double[][] u = new double[in.functions()][in.quarters()];
        for (int f = 0; f < in.functions(); f++) {
            for (int q = 0; q < in.quarters(); q++) {
                int cap = in.capacity(f, q);
                u[f][q] = cap == 0 ? (p.used(f, q) == 0 ? 0 : 1) : (double) p.used(f, q) / cap;
            }
        }
        return u;
    }
}
