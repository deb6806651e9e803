package dev.baton.insight.conformance;

import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.Variants;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Token-based replay as pm4py performs it (its documented strategy, re-implemented): each event
 * fires a transition with its label; when that transition is not enabled, silent transitions are
 * fired first along the shortest silent paths from marked places to the places that lack a token
 * (at most two levels of recursion); tokens still lacking are counted as missing and added. At
 * the end silent paths towards the final marking are tried, then the final marking is consumed
 * and what is left counts as remaining. Fitness per case is
 * ½(1 − missing/consumed) + ½(1 − remaining/produced); a case fits when nothing was missing or
 * remaining. Events whose activity no transition carries are skipped (and reported), as pm4py
 * does by default. Ties that pm4py leaves to Python's set order are broken here by place id and
 * transition order (docs/conformance.md).
 */
final class TokenReplay {

    private static final int MAX_RECURSION = 2;
    private static final int FINAL_ATTEMPTS = 5;

    private final NetIndex net;
    /** paths[p1][p2]: the shortest sequence of silent transitions from place p1 to place p2, or null. */
    private final int[][][] paths;
    /** Place indexes sorted by place id, the order pm4py visits marked places in. */
    private final Integer[] byName;
    private final int[] finalPlaces;
    /** Per place, what a token left there was waiting for: the next visible activities, or the place id. */
    private final String[] expected;

    TokenReplay(NetIndex net) {
        this.net = net;
        this.paths = new int[net.places][][];
        for (int p = 0; p < net.places; p++) {
            paths[p] = silentPathsFrom(p);
        }
        this.byName = new Integer[net.places];
        for (int p = 0; p < net.places; p++) {
            byName[p] = p;
        }
        Arrays.sort(byName, Comparator.comparing(p -> net.placeIds[p]));
        this.finalPlaces = Arrays.stream(byName).mapToInt(Integer::intValue).filter(p -> net.fin[p] > 0).toArray();
        this.expected = new String[net.places];
        for (int p = 0; p < net.places; p++) {
            expected[p] = expectedAt(p);
        }
    }

    /** The visible activities a token in place {@code p} enables next, through silent transitions, joined by "or". */
    private String expectedAt(int place) {
        java.util.Set<String> labels = new java.util.TreeSet<>();
        boolean[] seen = new boolean[net.places];
        ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(place));
        seen[place] = true;
        while (!todo.isEmpty()) {
            for (int t : net.consumers[todo.poll()]) {
                if (net.label[t] >= 0) {
                    labels.add(net.labels[net.label[t]]);
                } else {
                    for (int next : net.post[t]) {
                        if (!seen[next]) {
                            seen[next] = true;
                            todo.add(next);
                        }
                    }
                }
            }
        }
        return labels.isEmpty() ? net.placeIds[place] : String.join("' or '", labels);
    }

    /** Breadth-first over silent transitions: the shortest silent path to every place reachable so. */
    private int[][] silentPathsFrom(int start) {
        int[][] found = new int[net.places][];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[][] pathTo = new int[net.places][];
        queue.add(start);
        pathTo[start] = new int[0];
        boolean[] expanded = new boolean[net.places];
        while (!queue.isEmpty()) {
            int place = queue.poll();
            if (expanded[place]) {
                continue;
            }
            expanded[place] = true;
            int[] sofar = place == start ? new int[0] : found[place];
            for (int t : net.consumers[place]) {
                if (net.label[t] >= 0) {
                    continue;
                }
                for (int next : net.post[t]) {
                    if (found[next] == null) {
                        int[] path = Arrays.copyOf(sofar, sofar.length + 1);
                        path[sofar.length] = t;
                        found[next] = path;
                        queue.add(next);
                    }
                }
            }
        }
        return found;
    }

    /** Counts of one replayed trace. */
    record TraceReplay(int missing, int consumed, int remaining, int produced, boolean fit, double fitness) {
    }

    ConformanceResult run(EventLog log) {
        return run(log, null);
    }

    /**
     * The log's replay with case {@code c} standing for {@code weights[c]} cases (all 1 when null):
     * a trace's replay depends on its activities alone, so a log of distinct traces with their
     * counts gives the figures of the log with every case repeated.
     */
    ConformanceResult run(EventLog log, int[] weights) {
        int[] labelOf = net.labelsOf(log);
        DeviationTally tally = new DeviationTally();
        List<VariantFit> fits = new ArrayList<>();
        long missing = 0;
        long consumed = 0;
        long remaining = 0;
        long produced = 0;
        double fitnessSum = 0;
        long fittingCases = 0;
        for (Variants.Variant variant : Variants.of(log)) {
            int[] trace = variant.activities();
            TraceReplay r = replay(trace, labelOf, log, tally);
            int n = variant.count(weights);
            tally.endVariant(n);
            missing += (long) r.missing() * n;
            consumed += (long) r.consumed() * n;
            remaining += (long) r.remaining() * n;
            produced += (long) r.produced() * n;
            fitnessSum += r.fitness() * n;
            fittingCases += r.fit() ? n : 0;
            fits.add(new VariantFit(Arrays.stream(trace).mapToObj(log::activityName).toList(), n, r.fitness(), r.fit(),
                    r.missing() + r.remaining()));
        }
        int cases = weights == null ? log.caseCount() : Arrays.stream(weights).sum();
        double logFitness = consumed > 0 && produced > 0
                ? 0.5 * (1 - (double) missing / consumed) + 0.5 * (1 - (double) remaining / produced) : 1.0;
        return new ConformanceResult("token-replay", net.net.name(), log.name(), cases, logFitness,
                cases == 0 ? 1.0 : fitnessSum / cases, cases == 0 ? 100.0 : 100.0 * fittingCases / cases,
                tally.deviations(), fits);
    }

    /** Replays one trace of activity codes of {@code log}. */
    TraceReplay replay(int[] trace, int[] labelOf, EventLog log, DeviationTally tally) {
        int[] marking = net.initial.clone();
        int missing = 0;
        int consumed = 0;
        int produced = NetIndex.sum(net.initial);
        String previous = null;
        for (int activity : trace) {
            String name = log.activityName(activity);
            int label = labelOf[activity];
            if (label < 0) {
                tally.note(Deviation.Kind.NOT_IN_MODEL, name, previous);
                previous = name;
                continue;
            }
            int t = transitionFor(label, marking);
            if (!net.enabled(marking, t)) {
                List<Integer> fired = new ArrayList<>();
                applySilent(t, marking, 0, new BitSet(net.transitions), fired);
                for (int s : fired) {
                    consumed += net.pre[s].length;
                    produced += net.post[s].length;
                }
            }
            if (!net.enabled(marking, t)) {
                for (int p : net.pre[t]) {
                    if (marking[p] == 0) {
                        missing++;
                        marking[p]++;
                    }
                }
                tally.note(Deviation.Kind.FORCED, name, previous);
            }
            consumed += net.pre[t].length;
            produced += net.post[t].length;
            net.fire(marking, t);
            previous = name;
        }
        int[] counts = reachFinal(marking);
        consumed += counts[0];
        produced += counts[1];
        int remaining = 0;
        int lacking = 0;
        for (int p = 0; p < net.places; p++) {
            int left = net.fin[p] > 0 ? Math.max(0, marking[p] - net.fin[p]) : marking[p];
            remaining += left;
            lacking += Math.max(0, net.fin[p] - marking[p]);
            if (left > 0) {
                tally.note(Deviation.Kind.UNFINISHED, expected[p], previous);
            }
        }
        boolean fit = missing == 0 && remaining == 0;
        consumed += NetIndex.sum(net.fin);
        missing += lacking;
        double fitness = consumed > 0 && produced > 0
                ? 0.5 * (1 - (double) missing / consumed) + 0.5 * (1 - (double) remaining / produced) : 1.0;
        return new TraceReplay(missing, consumed, remaining, produced, fit, fitness);
    }

    /** An enabled transition with the label (the first), or else the last one with it, as pm4py picks. */
    private int transitionFor(int label, int[] marking) {
        int last = -1;
        for (int t = 0; t < net.transitions; t++) {
            if (net.label[t] == label) {
                if (net.enabled(marking, t)) {
                    return t;
                }
                last = t;
            }
        }
        return last;
    }

    /** pm4py's recursive attempt to enable {@code t} through silent transitions; fires into {@code marking}. */
    private void applySilent(int t, int[] marking, int depth, BitSet visited, List<Integer> fired) {
        if (depth >= MAX_RECURSION || visited.get(t)) {
            return;
        }
        visited.set(t);
        BitSet lacking = new BitSet(net.places);
        for (int p : net.pre[t]) {
            if (marking[p] == 0) {
                lacking.set(p);
            }
        }
        List<int[]> groups = silentPaths(marking, lacking);
        if (groups.isEmpty()) {
            return;
        }
        enableThrough(groups, t, marking, visited, fired);
        if (!net.enabled(marking, t)) {
            for (int[] group : silentPaths(marking, lacking)) {
                for (int t4 : group) {
                    if (t4 != t && !visited.get(t4)) {
                        if (!net.enabled(marking, t4)) {
                            applySilent(t4, marking, depth + 1, visited, fired);
                        }
                        if (net.enabled(marking, t4)) {
                            net.fire(marking, t4);
                            fired.add(t4);
                            visited.set(t4);
                        }
                    }
                }
            }
        }
        // pm4py then retries t itself one level deeper, which returns at once: t is already visited.
    }

    /** The shortest silent paths from each marked place to each place in {@code targets}, shortest first. */
    private List<int[]> silentPaths(int[] marking, BitSet targets) {
        List<int[]> groups = new ArrayList<>();
        for (int p1 : byName) {
            if (marking[p1] == 0) {
                continue;
            }
            for (int p2 : byName) {
                if (targets.get(p2) && paths[p1][p2] != null) {
                    groups.add(paths[p1][p2]);
                }
            }
        }
        groups.sort(Comparator.comparingInt(g -> g.length));
        return groups;
    }

    /** Walks the groups round-robin, firing what is enabled and unvisited, until {@code t} is enabled or nothing moves. */
    private void enableThrough(List<int[]> groups, int t, int[] marking, BitSet visited, List<Integer> fired) {
        int[] next = new int[groups.size()];
        for (int z = 0; ; z++) {
            int g = z % groups.size();
            int[] group = groups.get(g);
            boolean changed = false;
            for (int k = next[g]; k < group.length; k++) {
                int t3 = group[next[g]];
                if (t3 != t && net.enabled(marking, t3) && !visited.get(t3)) {
                    net.fire(marking, t3);
                    fired.add(t3);
                    visited.set(t3);
                    changed = true;
                }
                next[g]++;
                if (net.enabled(marking, t)) {
                    break;
                }
            }
            if (net.enabled(marking, t) || !changed) {
                return;
            }
        }
    }

    /** pm4py's attempts to reach the final marking through silent transitions; the tokens {consumed, produced}. */
    private int[] reachFinal(int[] marking) {
        int consumed = 0;
        int produced = 0;
        BitSet finals = new BitSet(net.places);
        for (int p : finalPlaces) {
            finals.set(p);
        }
        for (int i = 0; i < FINAL_ATTEMPTS && !finalPlacesMarked(marking); i++) {
            for (int[] group : silentPaths(marking, finals)) {
                for (int t : group) {
                    if (net.enabled(marking, t)) {
                        net.fire(marking, t);
                        consumed += net.pre[t].length;
                        produced += net.post[t].length;
                    }
                }
                if (finalPlacesMarked(marking)) {
                    break;
                }
            }
        }
        if (!finalPlacesMarked(marking) && finalPlaces.length == 1) {
            int sink = finalPlaces[0];
            List<int[]> connections = new ArrayList<>();
            for (int p = 0; p < net.places; p++) {
                if (marking[p] > 0 && paths[p][sink] != null) {
                    connections.add(paths[p][sink]);
                }
            }
            connections.sort(Comparator.comparingInt(g -> g.length));
            for (int i = 0; i < FINAL_ATTEMPTS; i++) {
                for (int[] path : connections) {
                    for (int t : path) {
                        if (!net.enabled(marking, t)) {
                            break;
                        }
                        net.fire(marking, t);
                        consumed += net.pre[t].length;
                        produced += net.post[t].length;
                    }
                }
            }
        }
        return new int[] {consumed, produced};
    }

    /** pm4py's test for having reached the final marking: every final place holds a token. */
    private boolean finalPlacesMarked(int[] marking) {
        for (int p : finalPlaces) {
            if (marking[p] == 0) {
                return false;
            }
        }
        return true;
    }
}
