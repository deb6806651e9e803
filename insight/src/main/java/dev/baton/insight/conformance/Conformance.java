package dev.baton.insight.conformance;

import dev.baton.insight.log.EventLog;
import dev.baton.model.flow.FlowNet;

/**
 * Conformance checking of an event log against a flow net, one entry point with named variants
 * as in pm4py's {@code algo/conformance}: {@link #tokenReplay} and {@link #alignments}. Both work
 * per variant (distinct activity sequence) and weigh by its cases.
 */
public final class Conformance {

    /** The methods, by the names the CLI and JSON use. */
    public enum Method {
        TOKEN_REPLAY("token-replay"), ALIGNMENTS("alignments");

        private final String id;

        Method(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** The method named {@code value}: its id or constant name, in any case ({@code token-replay}, {@code ALIGNMENTS}). */
        public static java.util.Optional<Method> of(String value) {
            for (Method m : values()) {
                if (m.id.equalsIgnoreCase(value) || m.name().equalsIgnoreCase(value)) {
                    return java.util.Optional.of(m);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private Conformance() {
    }

    public static ConformanceResult check(FlowNet net, EventLog log, Method method) {
        return method == Method.TOKEN_REPLAY ? tokenReplay(net, log) : alignments(net, log);
    }

    /**
     * {@link #check} over a log of distinct traces, trace {@code c} standing for {@code cases[c]}
     * cases: the result of the log with every case repeated (the variants of logs summarised
     * apart, merged: the scale module's Spark job).
     *
     * @throws ConformanceException when the method is alignments and the net cannot be aligned
     */
    public static ConformanceResult check(FlowNet net, EventLog traces, int[] cases, Method method) {
        return method == Method.TOKEN_REPLAY ? tokenReplay(net, traces, cases) : alignments(net, traces, cases);
    }

    /** pm4py's token-based replay (docs/conformance.md says where it may differ). */
    public static ConformanceResult tokenReplay(FlowNet net, EventLog log) {
        return new TokenReplay(new NetIndex(net)).run(log);
    }

    /**
     * Token-based replay of a log of distinct traces, trace {@code c} standing for
     * {@code cases[c]} cases: the result of the log with every case repeated (a trace's replay
     * depends on its activities alone).
     */
    public static ConformanceResult tokenReplay(FlowNet net, EventLog traces, int[] cases) {
        requireWeights(traces, cases);
        return new TokenReplay(new NetIndex(net)).run(traces, cases);
    }

    /**
     * Optimal alignments with the standard cost function.
     *
     * @throws ConformanceException when the net is unbounded or its final marking unreachable
     */
    public static ConformanceResult alignments(FlowNet net, EventLog log) {
        return new AlignmentReplay(new NetIndex(net)).run(log);
    }

    /**
     * Optimal alignments of a log of distinct traces, trace {@code c} standing for
     * {@code cases[c]} cases: the result of the log with every case repeated, without keeping the
     * repeats (the variants of logs summarised apart, merged).
     *
     * @throws ConformanceException when the net is unbounded or its final marking unreachable
     */
    public static ConformanceResult alignments(FlowNet net, EventLog traces, int[] cases) {
        requireWeights(traces, cases);
        return new AlignmentReplay(new NetIndex(net)).run(traces, cases);
    }

    private static void requireWeights(EventLog traces, int[] cases) {
        if (cases.length != traces.caseCount()) {
            throw new IllegalArgumentException(cases.length + " weights for " + traces.caseCount() + " traces");
        }
    }
}
