package dev.baton.insight.conformance;

import java.util.List;

/**
 * How one variant (a distinct activity sequence) fits the flow.
 *
 * @param cost alignments: the optimal alignment cost; token replay: missing plus remaining tokens
 */
public record VariantFit(List<String> activities, int cases, double fitness, boolean fitting, long cost) {
}
