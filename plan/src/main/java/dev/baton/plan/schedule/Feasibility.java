package dev.baton.plan.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The independent check of a schedule against the project's hard rules. It shares no code with
 * the schedule builders (they use a remaining-capacity profile; this sums demands period by period
 * from the starts alone), so a builder bug cannot hide itself. Tests and the CLI both run it: a
 * schedule that fails it is never shown as a result.
 */
public final class Feasibility {

    /** Overloads beyond this many are counted, not described, so a broken schedule still gets a short report. */
    private static final int DESCRIBED = 20;

    private Feasibility() {
    }

    /** The verdict on one schedule: every broken rule, each with its sentence. */
    public record Report(List<Violation> violations) {

        public Report {
            violations = List.copyOf(violations);
        }

        public boolean feasible() {
            return violations.isEmpty();
        }

        /** One line: "feasible" or the first violations. */
        public String summary() {
            if (feasible()) {
                return "feasible";
            }
            List<String> first = violations.stream().limit(3).map(Violation::message).toList();
            return violations.size() + " broken rule(s): " + String.join("; ", first)
                    + (violations.size() > 3 ? "; …" : "");
        }
    }

    public static Report check(Schedule schedule) {
        return check(schedule.project(), schedule.starts());
    }

    public static Report check(Project p, int[] starts) {
        if (starts.length != p.size()) {
            throw new IllegalArgumentException(p.name() + ": " + starts.length + " starts for " + p.size() + " activities");
        }
        List<Violation> found = new ArrayList<>();
        int end = 0;
        for (int j = 0; j < p.size(); j++) {
            int earliest = Math.max(0, p.release(j));
            if (starts[j] < earliest) {
                found.add(new Violation(Violation.Kind.EARLY_START, p.label(j) + " starts at " + starts[j]
                        + (p.release(j) > 0 ? ", before its release at " + p.release(j) : ", before period 0"), j, -1,
                        -1, starts[j], -1));
            }
            for (int s : p.successors(j)) {
                if (starts[s] < starts[j] + p.duration(j)) {
                    found.add(new Violation(Violation.Kind.PRECEDENCE, p.label(s) + " starts at " + starts[s] + " but its "
                            + "predecessor " + p.label(j) + " finishes at " + (starts[j] + p.duration(j)), s, j, -1, -1, -1));
                }
            }
            long finish = (long) starts[j] + p.duration(j);
            if (p.deadline(j) != Project.NO_DEADLINE && finish > p.deadline(j)) {
                found.add(new Violation(Violation.Kind.DEADLINE, p.label(j) + " finishes at " + finish
                        + ", after its deadline " + p.deadline(j), j, -1, -1, p.deadline(j), (int) finish - 1));
            }
            end = (int) Math.max(end, finish);
        }
        if (found.stream().noneMatch(v -> v.kind() == Violation.Kind.EARLY_START)) {
            capacity(p, starts, end, found);
        }
        return new Report(found);
    }

    /** Usage of every resource in every period, summed from the starts; overloaded runs of periods reported once. */
    private static void capacity(Project p, int[] starts, int end, List<Violation> found) {
        int described = 0;
        for (int k = 0; k < p.resources(); k++) {
            long[] usage = new long[end + 1];
            for (int j = 0; j < p.size(); j++) {
                for (int t = starts[j]; t < starts[j] + p.duration(j); t++) {
                    usage[t] += p.demand(j, k);
                }
            }
            int t = 0;
            while (t < end) {
                if (usage[t] <= p.capacity().at(k, t)) {
                    t++;
                    continue;
                }
                int from = t;
                long peak = 0;
                int capacityThen = p.capacity().at(k, t);
                while (t < end && usage[t] > p.capacity().at(k, t)) {
                    peak = Math.max(peak, usage[t]);
                    t++;
                }
                int to = t - 1;
                List<String> who = new ArrayList<>();
                for (int j = 0; j < p.size(); j++) {
                    if (p.demand(j, k) > 0 && starts[j] <= to && starts[j] + p.duration(j) > from) {
                        who.add(p.label(j));
                    }
                }
                String message = described++ < DESCRIBED
                        ? p.resourceName(k) + " is over capacity in " + (from == to ? "period " + from
                                : "periods " + from + "–" + to) + ": uses up to " + peak + " of " + capacityThen
                                + " (" + String.join(", ", who) + ")"
                        : p.resourceName(k) + " is over capacity in periods " + from + "–" + to;
                found.add(new Violation(Violation.Kind.CAPACITY, message, -1, -1, k, from, to));
            }
        }
    }
}
