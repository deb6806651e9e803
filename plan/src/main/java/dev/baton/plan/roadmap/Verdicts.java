package dev.baton.plan.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The reason for each initiative's place, computed against the finished plan without the solver
 * (so the greedy packer's and the solver's plans explain themselves the same way): missing effort,
 * a dependency left out, a window closed by a deadline, or the binding function and quarter, with
 * the person-days that would make it fit and the lower-value planned initiative that could move.
 */
public final class Verdicts {

    private final Plan plan;
    private final Instance in;
    private final java.util.Map<String, EffortSuggestions.Suggestion> suggestions;

    private Verdicts(Plan plan) {
        this.plan = plan;
        this.in = plan.instance();
        this.suggestions = EffortSuggestions.of(in.roadmap());
    }

    public static List<Verdict> of(Plan plan) {
        Verdicts v = new Verdicts(plan);
        List<Verdict> list = new ArrayList<>();
        for (int i = 0; i < v.in.size(); i++) {
            list.add(v.verdict(i));
        }
        return list;
    }

    private Quarter q(int index) {
        return in.roadmap().quarters().get(0).plus(index);
    }

    private Verdict verdict(int i) {
        Initiative it = in.initiative(i);
        if (plan.planned(i)) {
            int end = plan.end(i);
            if (in.deadline(i) != Instance.NONE && end > in.deadline(i)) {
                Reason r = capacityReason(i, Math.max(0, lowerStart(i)), in.deadline(i) - in.length(i) + 1);
                return new Verdict(it.id(), Verdict.Status.LATE, q(plan.start(i)), q(end),
                        it.label() + " ends in " + q(end) + ", after its soft deadline " + it.deadline().quarter()
                                + (r == null ? "." : ": " + r.sentence), r == null ? "" : r.remedy);
            }
            String pinned = in.pinned(i) == plan.start(i) ? " (committed)" : "";
            return new Verdict(it.id(), Verdict.Status.PLANNED, q(plan.start(i)), q(end),
                    it.label() + " is planned " + q(plan.start(i)) + (end > plan.start(i) ? "–" + q(end) : "") + pinned + ".", "");
        }
        if (!it.estimated()) {
            EffortSuggestions.Suggestion s = suggestions.get(it.id());
            return out(it, it.label() + " has no effort estimate, so it is not planned: the planner does not invent one.",
                    "Give its person-days per function per quarter (effort: {content: [20, 10]})."
                            + (s == null ? "" : " " + s.sentence() + " Plan with it: --use-suggestions."));
        }
        if (in.pinned(i) != Instance.NONE) {
            return out(it, it.label() + " is committed to " + it.committed() + " but runs outside "
                    + q(0) + "–" + q(in.quarters() - 1) + ".", "Commit it to a quarter inside the plan.");
        }
        for (int d : in.deps(i)) {
            if (!plan.planned(d)) {
                return out(it, it.label() + " depends on " + in.initiative(d).label() + ", which is not planned.",
                        "Make room for " + in.initiative(d).label() + " first (see its verdict).");
            }
        }
        int lo = lowerStart(i);
        int hi = GreedyPacker.latestStart(in, i);
        if (lo > hi) {
            int len = in.length(i);
            String after = lo > in.earliest(i) ? "its dependencies end in " + q(lo - 1)
                    : "it cannot start before " + q(lo);
            if (in.hardDeadline(i) != Instance.NONE && lo + len - 1 > in.hardDeadline(i)) {
                return out(it, it.label() + " cannot end by its hard deadline " + it.deadline().quarter() + ": it takes "
                        + quarters(len) + " and " + after + ".", "Move the deadline to " + q(lo + len - 1)
                        + " or shorten its effort profile.");
            }
            return out(it, it.label() + " takes " + quarters(len) + " and " + after + ", so it would run past "
                    + q(in.quarters() - 1) + ".", "Plan further ahead or start its dependencies earlier.");
        }
        Reason r = capacityReason(i, lo, hi);
        return out(it, r.sentence, r.remedy);
    }

    private static Verdict out(Initiative it, String reason, String remedy) {
        return new Verdict(it.id(), Verdict.Status.OUT, null, null, reason, remedy);
    }

    private static String quarters(int n) {
        return n == 1 ? "one quarter" : n + " quarters";
    }

    private int lowerStart(int i) {
        int lo = in.earliest(i);
        for (int d : in.deps(i)) {
            lo = Math.max(lo, plan.planned(d) ? plan.end(d) + 1 : lo);
        }
        return lo;
    }

    private record Reason(String sentence, String remedy) {
    }

    /**
     * Over the starts lo..hi, the one short of the fewest person-days; its largest shortfall is the
     * binding one. Null when there is no start to look at.
     */
    private Reason capacityReason(int i, int lo, int hi) {
        int best = -1;
        long bestShort = Long.MAX_VALUE;
        for (int s = Math.max(0, lo); s <= Math.min(hi, in.quarters() - in.length(i)); s++) {
            long total = 0;
            for (int f = 0; f < in.functions(); f++) {
                for (int k = 0; k < in.effort(i)[f].length; k++) {
                    total += Math.max(0, in.effort(i)[f][k] - Math.max(0, freeWithout(i, f, s + k)));
                }
            }
            if (total < bestShort) {
                bestShort = total;
                best = s;
            }
        }
        if (best < 0) {
            return null;
        }
        Initiative it = in.initiative(i);
        List<int[]> shorts = new ArrayList<>();
        int bf = -1;
        int bq = -1;
        int bshort = -1;
        for (int f = 0; f < in.functions(); f++) {
            for (int k = 0; k < in.effort(i)[f].length; k++) {
                int need = in.effort(i)[f][k];
                int free = Math.max(0, freeWithout(i, f, best + k));
                if (need > free) {
                    shorts.add(new int[] {f, best + k, need - free});
                    if (need - free > bshort) {
                        bshort = need - free;
                        bf = f;
                        bq = best + k;
                    }
                }
            }
        }
        if (bf < 0) {
            // Room exists: the solver chose otherwise for value elsewhere (never the packer's case).
            return new Reason(it.label() + " would fit from " + q(best) + " but was left for higher-value work.",
                    "Raise its value or commit it to " + q(best) + ".");
        }
        String fn = in.roadmap().capacity().functions().get(bf);
        int need = in.need(i, bf, best, bq);
        int free = Math.max(0, freeWithout(i, bf, bq));
        int cap = in.capacity(bf, bq);
        int used = cap - freeWithout(i, bf, bq);
        String sentence = cap == 0
                ? fn + " has no capacity in " + q(bq) + ": " + it.label() + " needs " + need + " person-days of " + fn + "."
                : String.format(Locale.ROOT, "%s is at %d%% in %s: %s needs %d person-days of %s, %d %s free.", fn,
                Math.round(100.0 * (used + need) / cap), q(bq), it.label(), need, fn, free, free == 1 ? "is" : "are");
        if (shorts.size() > 1) {
            sentence = sentence.substring(0, sentence.length() - 1) + " (and " + (shorts.size() - 1) + " more shortfall"
                    + (shorts.size() > 2 ? "s" : "") + ").";
        }
        List<String> adds = new ArrayList<>();
        for (int[] s : shorts) {
            adds.add(s[2] + " more person-days of " + in.roadmap().capacity().functions().get(s[0]) + " in " + q(s[1]));
        }
        String remedy = "It would fit from " + q(best) + " with " + String.join(", ", adds);
        int mover = mover(i, shorts);
        if (mover >= 0) {
            Initiative m = in.initiative(mover);
            remedy += ", or if " + m.label() + " (value " + number(m.value()) + ", planned " + q(plan.start(mover))
                    + ") moved out of the way";
        }
        return new Reason(sentence, remedy + ".");
    }

    /** Free person-days of f in q if i itself were not in the plan. */
    private int freeWithout(int i, int f, int q) {
        int free = plan.free(f, q);
        return plan.planned(i) ? free + in.need(i, f, plan.start(i), q) : free;
    }

    /** The lowest-value planned initiative, of lower value than i, whose removal covers every shortfall. */
    private int mover(int i, List<int[]> shorts) {
        int best = -1;
        for (int j = 0; j < in.size(); j++) {
            if (j == i || !plan.planned(j) || in.value(j) >= in.value(i) || in.pinned(j) == plan.start(j)) {
                continue;
            }
            boolean covers = true;
            for (int[] s : shorts) {
                if (in.need(j, s[0], plan.start(j), s[1]) < s[2]) {
                    covers = false;
                    break;
                }
            }
            if (covers && (best < 0 || in.value(j) < in.value(best))) {
                best = j;
            }
        }
        return best;
    }

    public static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
