package dev.baton.insight.conformance;

import java.util.List;

/**
 * Conformance of a log to a flow net, with pm4py's figures under pm4py's names (docs/conformance.md).
 *
 * @param method                  {@code token-replay} or {@code alignments}
 * @param logFitness              token replay: ½(1 − Σmissing/Σconsumed) + ½(1 − Σremaining/Σproduced);
 *                                alignments: 1 − Σcost / Σbest-worst cost
 * @param averageTraceFitness     the mean of the per-case fitness
 * @param percentageFittingTraces the share of fitting cases, in percent
 * @param deviations              what differed, most frequent first
 * @param variants                per variant, in order of first appearance in the log
 */
public record ConformanceResult(String method, String net, String log, int cases, double logFitness,
                                double averageTraceFitness, double percentageFittingTraces,
                                List<Deviation> deviations, List<VariantFit> variants) {
}
