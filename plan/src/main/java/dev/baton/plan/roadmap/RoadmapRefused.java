package dev.baton.plan.roadmap;

import dev.baton.model.problem.Problem;
import java.util.List;

/** An initiatives or scenario file that cannot be planned: every problem, each with its line and column. */
public final class RoadmapRefused extends Exception {

    private final transient List<Problem> problems;

    public RoadmapRefused(List<Problem> problems) {
        super(problems.isEmpty() ? "refused" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
