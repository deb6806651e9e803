package dev.baton.plan.rcpsp;

import dev.baton.plan.schedule.Project;

/**
 * A single-mode RCPSP instance as read from a PSPLIB {@code .sm} file. Job number {@code j} of the
 * file (1 = the dummy source, {@code jobs()} = the dummy sink) is activity {@code j - 1} of the
 * project.
 *
 * @param horizon the horizon the file states (an upper bound on the makespan), or 0 if it states none
 */
public record RcpspInstance(String name, Project project, int horizon) {

    public int jobs() {
        return project.size();
    }

    /** The file's job number of an activity. */
    public static int job(int activity) {
        return activity + 1;
    }
}
