package dev.baton.plan.roadmap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The roadmap as arrays, indexed by initiative, function and quarter, for the packer, the solver
 * and the checks: {@code effort[i][f][k]} person-days in the k-th quarter of i, {@code earliest[i]}
 * and {@code deadline[i]} as quarter indexes (deadline = last quarter it may end in, or
 * {@link #NONE}), {@code pinned[i]} the committed start or {@link #NONE}.
 */
public final class Instance {

    public static final int NONE = Integer.MIN_VALUE;

    final Roadmap roadmap;
    final int n;
    final int functions;
    final int quarters;
    final int[][][] effort;
    final int[] length;
    final int[][] deps;
    final int[] earliest;
    final int[] deadline;
    final boolean[] hard;
    final int[] pinned;
    final long[] value;
    final Map<String, Integer> index = new HashMap<>();

    public Instance(Roadmap roadmap) {
        this.roadmap = roadmap;
        List<Initiative> list = roadmap.initiatives();
        n = list.size();
        functions = roadmap.capacity().functions().size();
        quarters = roadmap.quarters().size();
        effort = new int[n][functions][];
        length = new int[n];
        deps = new int[n][];
        earliest = new int[n];
        deadline = new int[n];
        hard = new boolean[n];
        pinned = new int[n];
        value = new long[n];
        for (int i = 0; i < n; i++) {
            index.put(list.get(i).id(), i);
        }
        Quarter first = roadmap.quarters().get(0);
        for (int i = 0; i < n; i++) {
            Initiative it = list.get(i);
            length[i] = it.length();
            for (int f = 0; f < functions; f++) {
                int[] e = it.effort().get(roadmap.capacity().functions().get(f));
                effort[i][f] = e == null ? new int[0] : e;
            }
            deps[i] = it.dependsOn().stream().filter(index::containsKey).mapToInt(index::get).toArray();
            earliest[i] = it.earliest() == null ? 0 : Math.max(0, first.until(it.earliest()));
            deadline[i] = it.deadline() == null ? NONE : first.until(it.deadline().quarter());
            hard[i] = it.deadline() != null && it.deadline().hard();
            pinned[i] = it.committed() == null ? NONE : first.until(it.committed());
            value[i] = Math.round(it.value() * 100);
        }
    }

    public Roadmap roadmap() {
        return roadmap;
    }

    public int size() {
        return n;
    }

    public int quarters() {
        return quarters;
    }

    public int functions() {
        return functions;
    }

    public Initiative initiative(int i) {
        return roadmap.initiatives().get(i);
    }

    public int indexOf(String id) {
        return index.getOrDefault(id, -1);
    }

    /** Person-days of function f that i needs in absolute quarter q when it starts in s. */
    public int need(int i, int f, int s, int q) {
        int k = q - s;
        int[] e = effort[i][f];
        return k >= 0 && k < e.length ? e[k] : 0;
    }

    public int[][] effort(int i) {
        return effort[i];
    }

    public int length(int i) {
        return length[i];
    }

    public int[] deps(int i) {
        return deps[i];
    }

    public int earliest(int i) {
        return earliest[i];
    }

    /** The last quarter index i may end in under a hard deadline, else {@link #NONE}. */
    public int hardDeadline(int i) {
        return hard[i] ? deadline[i] : NONE;
    }

    public int deadline(int i) {
        return deadline[i];
    }

    public int pinned(int i) {
        return pinned[i];
    }

    /** The value in hundredths, so that scores stay whole numbers. */
    public long value(int i) {
        return value[i];
    }

    public int capacity(int f, int q) {
        return roadmap.capacity().of(f, q);
    }

    public boolean estimated(int i) {
        return roadmap.initiatives().get(i).estimated();
    }
}
