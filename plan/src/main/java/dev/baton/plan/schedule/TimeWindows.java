package dev.baton.plan.schedule;

/**
 * Earliest and latest starts from the precedences and releases alone (the critical-path method,
 * resources ignored). The latest times are taken against the critical-path length, so an
 * activity's slack is how far it can slip without lengthening the project when resources are
 * unlimited.
 */
public record TimeWindows(int[] earliestStart, int[] latestStart, int length) {

    public static TimeWindows of(Project p) {
        int n = p.size();
        int[] es = new int[n];
        int length = 0;
        for (int j : p.topological) {
            int t = p.release[j];
            for (int q : p.predecessors[j]) {
                t = Math.max(t, es[q] + p.duration[q]);
            }
            es[j] = t;
            length = Math.max(length, t + p.duration[j]);
        }
        int[] ls = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int j = p.topological[i];
            int finish = length;
            for (int s : p.successors[j]) {
                finish = Math.min(finish, ls[s]);
            }
            ls[j] = finish - p.duration[j];
        }
        return new TimeWindows(es, ls, length);
    }

    public int earliestFinish(Project p, int j) {
        return earliestStart[j] + p.duration(j);
    }

    public int latestFinish(Project p, int j) {
        return latestStart[j] + p.duration(j);
    }

    public int slack(int j) {
        return latestStart[j] - earliestStart[j];
    }
}
