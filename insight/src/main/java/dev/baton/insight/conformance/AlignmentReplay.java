package dev.baton.insight.conformance;

import dev.baton.insight.log.EventLog;
import dev.baton.insight.log.Variants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Optimal alignments of a whole log, once per variant, with pm4py's figures: per trace,
 * fitness = 1 − (cost div 10,000) / (length + best-worst cost div 10,000), where the best-worst
 * cost is the cost of aligning the empty trace; {@code logFitness} = 1 − Σ cost / Σ (10,000 ×
 * length + best-worst cost); a trace fits when its cost is below 10,000.
 */
final class AlignmentReplay {

    private final NetIndex net;
    private final AlignmentSearch search;

    AlignmentReplay(NetIndex net) {
        this(net, space(net));
    }

    /** Alignments over the given markings of the net (tests compare the two kinds). */
    AlignmentReplay(NetIndex net, StateSpace space) {
        this.net = net;
        this.search = new AlignmentSearch(space);
    }

    /**
     * The reachability graph when the net has at most {@link ReachabilityGraph#MAX_STATES}
     * markings (exact heuristic facts, fastest), otherwise markings generated on the fly.
     */
    static StateSpace space(NetIndex net) {
        try {
            return new ReachabilityGraph(net);
        } catch (ReachabilityGraph.TooManyMarkings tooMany) {
            return new LazyStateSpace(net);
        }
    }

    ConformanceResult run(EventLog log) {
        return run(log, null);
    }

    /** The log's alignments with case {@code c} standing for {@code weights[c]} cases (all 1 when null). */
    ConformanceResult run(EventLog log, int[] weights) {
        int[] labelOf = net.labelsOf(log);
        int bestWorst = search.align(new int[0]).cost();
        int emptyVisible = bestWorst / AlignmentSearch.LOG_OR_MODEL_MOVE;
        DeviationTally tally = new DeviationTally();
        List<VariantFit> fits = new ArrayList<>();
        long costSum = 0;
        long bestWorstSum = 0;
        double fitnessSum = 0;
        long fitting = 0;
        for (Variants.Variant variant : Variants.of(log)) {
            int[] trace = variant.activities();
            int[] labels = Arrays.stream(trace).map(a -> labelOf[a]).toArray();
            AlignmentSearch.Alignment alignment = search.align(labels);
            int n = variant.count(weights);
            tally(alignment, trace, labelOf, log, tally);
            tally.endVariant(n);
            int deviations = alignment.cost() / AlignmentSearch.LOG_OR_MODEL_MOVE;
            int denominator = trace.length + emptyVisible;
            double fitness = deviations == 0 ? 1.0 : denominator > 0 ? 1.0 - (double) deviations / denominator : 0.0;
            costSum += (long) alignment.cost() * n;
            bestWorstSum += ((long) AlignmentSearch.LOG_OR_MODEL_MOVE * trace.length + bestWorst) * n;
            fitnessSum += fitness * n;
            fitting += deviations == 0 ? n : 0;
            fits.add(new VariantFit(Arrays.stream(trace).mapToObj(log::activityName).toList(), n, fitness,
                    deviations == 0, alignment.cost()));
        }
        int cases = weights == null ? log.caseCount() : java.util.Arrays.stream(weights).sum();
        return new ConformanceResult("alignments", net.net.name(), log.name(), cases,
                bestWorstSum == 0 ? 1.0 : 1.0 - (double) costSum / bestWorstSum,
                cases == 0 ? 1.0 : fitnessSum / cases, cases == 0 ? 100.0 : 100.0 * fitting / cases,
                tally.deviations(), fits);
    }

    /** Notes the log and visible model moves of one alignment, each after the event done before it. */
    private void tally(AlignmentSearch.Alignment alignment, int[] trace, int[] labelOf, EventLog log,
                       DeviationTally tally) {
        String previous = null;
        for (int k = 0; k < alignment.moves().length; k++) {
            int i = alignment.positions()[k];
            switch (alignment.moves()[k]) {
                case AlignmentSearch.SYNC -> previous = log.activityName(trace[i]);
                case AlignmentSearch.LOG -> {
                    String activity = log.activityName(trace[i]);
                    tally.note(labelOf[trace[i]] < 0 ? Deviation.Kind.NOT_IN_MODEL : Deviation.Kind.INSERTED,
                            activity, previous);
                    previous = activity;
                }
                case AlignmentSearch.MODEL -> tally.note(Deviation.Kind.SKIPPED,
                        net.labels[net.label[alignment.transitions()[k]]], previous);
                default -> {
                    // silent steps into the final marking: no deviation
                }
            }
        }
    }
}
