package dev.baton.plan.rcpsp;

import dev.baton.plan.schedule.Budget;
import dev.baton.plan.schedule.Feasibility;
import dev.baton.plan.schedule.Method;
import dev.baton.plan.schedule.Result;
import dev.baton.plan.schedule.Scheduling;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The RCPSP check in one call: schedule a PSPLIB instance with one of the {@link Method}s and check
 * the schedule independently ({@link Feasibility}) before anyone sees it.
 */
public final class Rcpsp {

    private Rcpsp() {
    }

    /** The schedule of an instance, its bounds, and the independent check's verdict. */
    public record Solution(RcpspInstance instance, Result result, Feasibility.Report check) {

        public int makespan() {
            return result.makespan();
        }

        public int lowerBound() {
            return result.bounds().best();
        }

        /** Start of every job by its number in the file ("1" … "n"), in job order. */
        public Map<String, Integer> startsByJob() {
            Map<String, Integer> starts = new LinkedHashMap<>();
            for (int j = 0; j < instance.jobs(); j++) {
                starts.put(Integer.toString(RcpspInstance.job(j)), result.schedule().start(j));
            }
            return starts;
        }
    }

    public static Solution solve(RcpspInstance instance, Method method, Budget budget) {
        Result result = Scheduling.solve(instance.project(), method, budget);
        return new Solution(instance, result, Feasibility.check(result.schedule()));
    }
}
