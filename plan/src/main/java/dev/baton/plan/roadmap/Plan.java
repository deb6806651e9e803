package dev.baton.plan.roadmap;

import java.util.ArrayList;
import java.util.List;

/**
 * Start quarter index per initiative ({@link #OUT} when not planned) and the person-days used
 * per function and quarter. The rules checked here are the solver's hard constraints, written a
 * second time without the solver, so that every plan shown can be checked independently.
 */
public final class Plan {

    public static final int OUT = -1;

    private final Instance in;
    private final int[] start;
    private final int[][] used;

    public Plan(Instance in, int[] start) {
        this.in = in;
        this.start = start.clone();
        used = new int[in.functions()][in.quarters()];
        for (int i = 0; i < in.size(); i++) {
            if (start[i] != OUT) {
                add(i, start[i], 1);
            }
        }
    }

    /**
     * A plan as it was decided elsewhere (a published plan): each initiative at the start quarter
     * given for its id; initiatives not named, or named with a quarter outside the instance's
     * quarters, are not planned. The plan may break rules: {@link #violations()} says which.
     */
    public static Plan of(Instance in, java.util.Map<String, Quarter> starts) {
        List<Quarter> quarters = in.roadmap().quarters();
        int[] start = new int[in.size()];
        for (int i = 0; i < start.length; i++) {
            Quarter q = starts.get(in.initiative(i).id());
            start[i] = q == null ? OUT : quarters.indexOf(q);
        }
        return new Plan(in, start);
    }

    /** Initiative id → start quarter of every planned initiative, in the instance's order. */
    public java.util.Map<String, Quarter> placements() {
        java.util.Map<String, Quarter> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < start.length; i++) {
            if (planned(i)) {
                map.put(in.initiative(i).id(), in.roadmap().quarters().get(start[i]));
            }
        }
        return map;
    }

    private void add(int i, int s, int sign) {
        for (int f = 0; f < in.functions(); f++) {
            int[] e = in.effort(i)[f];
            for (int k = 0; k < e.length; k++) {
                if (s + k < in.quarters()) {
                    used[f][s + k] += sign * e[k];
                }
            }
        }
    }

    public Instance instance() {
        return in;
    }

    public int start(int i) {
        return start[i];
    }

    public boolean planned(int i) {
        return start[i] != OUT;
    }

    public int end(int i) {
        return start[i] + in.length(i) - 1;
    }

    public int used(int f, int q) {
        return used[f][q];
    }

    public int free(int f, int q) {
        return in.capacity(f, q) - used[f][q];
    }

    public int[] starts() {
        return start.clone();
    }

    /** Value planned, in the initiatives' own units. */
    public double plannedValue() {
        double sum = 0;
        for (int i = 0; i < in.size(); i++) {
            if (planned(i)) {
                sum += in.initiative(i).value();
            }
        }
        return sum;
    }

    public int plannedCount() {
        int c = 0;
        for (int s : start) {
            c += s == OUT ? 0 : 1;
        }
        return c;
    }

    /** Every broken rule in words; empty when the plan keeps them all. */
    public List<String> violations() {
        List<String> v = new ArrayList<>();
        List<Quarter> qs = in.roadmap().quarters();
        for (int f = 0; f < in.functions(); f++) {
            for (int q = 0; q < in.quarters(); q++) {
                if (used[f][q] > in.capacity(f, q)) {
                    v.add(in.roadmap().capacity().functions().get(f) + " is over capacity in " + qs.get(q) + ": "
                            + used[f][q] + " of " + in.capacity(f, q) + " person-days");
                }
            }
        }
        for (int i = 0; i < in.size(); i++) {
            if (!planned(i)) {
                continue;
            }
            String name = in.initiative(i).label();
            if (start[i] < in.earliest(i) || end(i) >= in.quarters()) {
                v.add(name + " runs outside the quarters it may use");
            }
            if (in.hardDeadline(i) != Instance.NONE && end(i) > in.hardDeadline(i)) {
                v.add(name + " ends after its hard deadline");
            }
            for (int d : in.deps(i)) {
                if (!planned(d) || end(d) >= start[i]) {
                    v.add(name + " starts before " + in.initiative(d).label() + " is done");
                }
            }
        }
        return v;
    }
}
