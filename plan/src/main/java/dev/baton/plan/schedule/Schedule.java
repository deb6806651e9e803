package dev.baton.plan.schedule;

import java.util.Arrays;

/** A start period for every activity of a project. Whether it keeps the rules is {@link Feasibility}'s to say. */
public final class Schedule {

    private final Project project;
    private final int[] starts;
    private final int makespan;

    public Schedule(Project project, int[] starts) {
        if (starts.length != project.size()) {
            throw new IllegalArgumentException(project.name() + ": " + starts.length + " starts for " + project.size()
                    + " activities");
        }
        this.project = project;
        this.starts = starts.clone();
        int end = 0;
        for (int j = 0; j < starts.length; j++) {
            end = Math.max(end, starts[j] + project.duration[j]);
        }
        this.makespan = end;
    }

    public Project project() {
        return project;
    }

    public int start(int activity) {
        return starts[activity];
    }

    public int finish(int activity) {
        return starts[activity] + project.duration[activity];
    }

    /** The latest finish over all activities. */
    public int makespan() {
        return makespan;
    }

    public int[] starts() {
        return starts.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Schedule s && s.project == project && Arrays.equals(s.starts, starts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(starts);
    }

    @Override
    public String toString() {
        return project.name() + " makespan " + makespan + " starts " + Arrays.toString(starts);
    }
}
