package dev.baton.insight.debt;

import dev.baton.insight.conformance.Conformance;
import dev.baton.insight.conformance.ConformanceException;
import dev.baton.insight.conformance.ConformanceResult;
import dev.baton.insight.conformance.Deviation;
import dev.baton.insight.conformance.VariantFit;
import dev.baton.insight.log.EventLog;
import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import dev.baton.model.flow.FlowNet;
import dev.baton.model.flow.FlowNets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each case's stage sequence fits its work type's declared flow, from optimal alignments
 * against the flow net the model compiles to ({@link Conformance#alignments}, pm4py's standard
 * cost function). A case's share of the log fitness is its deviations (log and model moves,
 * the alignment cost ÷ 10,000) over its length plus the moves of the shortest run through the net,
 * so that Σ deviations / Σ denominators over the cases of a work type is 1 − pm4py's
 * {@code logFitness} (up to the silent moves, which cost 1 where a deviation costs 10,000), and
 * pooled over work types stays a per-case sum that merges.
 */
final class TraceFitness {

    /**
     * One case's alignment: its deviating moves, and its length; the moves of the shortest run
     * through the net, which complete the denominator, are known only from the alignments of the
     * whole log ({@link #emptyMoves}) and are added when parts are merged ({@link DebtTally#settle}).
     */
    record Fit(long deviations, long length) {
    }

    private final Map<FlowLogs.Key, Map<List<String>, Fit>> fits = new HashMap<>();
    private final Map<FlowLogs.Key, ConformanceResult> results = new LinkedHashMap<>();
    private final Map<FlowLogs.Key, String> fallbacks = new LinkedHashMap<>();
    /** The moves of the shortest run through each aligned net. */
    private final Map<FlowLogs.Key, Long> emptyMoves = new HashMap<>();
    /** The version whose results the flows comparison shows: the current one. */
    private final int shown;

    private TraceFitness(int shown) {
        this.shown = shown;
    }

    /**
     * Aligns the log of every work type under every version with that version's flow net; work
     * types whose net cannot be aligned fall back.
     */
    static TraceFitness align(ModelHistory history, Map<FlowLogs.Key, EventLog> logs) {
        return align(history, logs, Map.of());
    }

    /** Aligns logs whose case {@code c} stands for {@code weights.get(key)[c]} cases (1 where not given). */
    static TraceFitness align(ModelHistory history, Map<FlowLogs.Key, EventLog> logs, Map<FlowLogs.Key, int[]> weights) {
        TraceFitness fitness = new TraceFitness(history.currentVersion());
        logs.forEach((key, log) -> {
            WorkType w = history.model(key.version()).workType(key.workType()).orElse(null);
            if (w == null || w.stages().isEmpty()) {
                return;
            }
            FlowNet net = FlowNets.compile(w);
            if (!net.isWorkflowNet()) {
                fitness.fallbacks.put(key, String.join("; ", net.workflowNetProblems()));
                return;
            }
            try {
                int[] cases = weights.get(key);
                fitness.add(key, cases == null ? Conformance.alignments(net, log) : Conformance.alignments(net, log, cases));
            } catch (ConformanceException e) {
                fitness.fallbacks.put(key, e.getMessage());
            }
        });
        return fitness;
    }

    private void add(FlowLogs.Key workType, ConformanceResult result) {
        results.put(workType, result);
        long moves = 0;
        long cases = 0;
        long cost = 0;
        int shortestFitting = Integer.MAX_VALUE;
        for (VariantFit v : result.variants()) {
            moves += (long) v.activities().size() * v.cases();
            cases += v.cases();
            cost += v.cost() * v.cases();
            if (v.fitting()) {
                shortestFitting = Math.min(shortestFitting, v.activities().size());
            }
        }
        // The moves of the shortest run through the net (aligning the empty trace), recovered from
        // logFitness = 1 − Σcost / Σ(10,000 × length + best-worst): when every case fits, the
        // shortest fitting case is such a run.
        long emptyMoves;
        if (cost > 0 && result.logFitness() < 1) {
            double bestWorstSum = cost / (1 - result.logFitness());
            emptyMoves = Math.max(0, Math.round((bestWorstSum / 10_000.0 - moves) / Math.max(1, cases)));
        } else {
            emptyMoves = shortestFitting == Integer.MAX_VALUE ? 1 : shortestFitting;
        }
        Map<List<String>, Fit> byVariant = new HashMap<>();
        for (VariantFit v : result.variants()) {
            byVariant.put(v.activities(), new Fit(v.cost() / 10_000, v.activities().size()));
        }
        fits.put(workType, byVariant);
        this.emptyMoves.put(workType, emptyMoves);
    }

    /** The alignment of a case's stages under a version, or null when its work type was not aligned there. */
    Fit fit(String workType, int version, List<String> trace) {
        Map<List<String>, Fit> byVariant = workType == null ? null : fits.get(new FlowLogs.Key(workType, version));
        return byVariant == null ? null : byVariant.get(trace);
    }

    /** The moves of the shortest run through each aligned net, by work type and version. */
    Map<FlowLogs.Key, Long> emptyMoves() {
        return emptyMoves;
    }

    /** Whether any work type was aligned. */
    boolean aligned() {
        return !results.isEmpty();
    }

    /** The deviations of every aligned work type, most frequent first, as sentences. */
    List<String> deviations(String workType, int max) {
        ConformanceResult r = results.get(new FlowLogs.Key(workType, shown));
        if (r == null) {
            return List.of();
        }
        List<String> sentences = new ArrayList<>();
        for (Deviation d : r.deviations()) {
            if (sentences.size() == max) {
                break;
            }
            sentences.add(d.explanation());
        }
        return sentences;
    }

    /** The alignment of the items of the current version of a work type, or null. */
    ConformanceResult result(String workType) {
        return results.get(new FlowLogs.Key(workType, shown));
    }

    /** Work types (per version) measured on declared edges instead, with why. */
    Map<FlowLogs.Key, String> fallbacks() {
        return fallbacks;
    }
}
