package dev.baton.measure.attribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The absorbing Markov chain of the journeys (Anderl et al. 2014, as ChannelAttribution builds it).
 * Transient states are (start) and the channels, or for order k every window of k consecutive
 * touches of a journey (a journey of fewer than k touches is one state holding all of them), as
 * ChannelAttribution's markov_model builds them. The same state twice in a row is one visit, so no
 * state leads to itself (for order 1: consecutive touches of one channel are one visit). Every journey row
 * walks (start) → its states and moves conv + null weight along each step; its last state leads to
 * (conversion) with weight conv and to (null) with weight null. Probabilities are the weights
 * divided by each state's outgoing total.
 *
 * <p>States are numbered in the order journeys first reach them, which is roughly the order of
 * travel: that is what makes {@link Absorption}'s Gauss–Seidel sweeps converge in few rounds.
 */
public final class MarkovChain {

    /** One transition, by state names; a k-tuple state is named by its channels joined with {@code " > "}. */
    public record Transition(String from, String to, double probability) {
    }

    public static final String START = "(start)";
    public static final String CONVERSION = "(conversion)";
    public static final String NULL = "(null)";

    private final List<String> channels;
    private final int order;
    private final long base;
    private final LongIndex states;
    /** Transitions between transient states, by source (compressed rows). */
    final int[] rowStart;
    final int[] target;
    final double[] probability;
    /** Per state: the probability of stepping into (conversion), and the value collected on doing so. */
    final double[] conversionRate;
    final double[] valueRate;
    private final double[] nullRate;
    /** Per channel: the states whose window holds it (those a removal cuts off). */
    final int[][] statesWith;

    private MarkovChain(List<String> channels, int order, long base, LongIndex states, int[] rowStart, int[] target,
                        double[] probability, double[] conversionRate, double[] valueRate, double[] nullRate,
                        int[][] statesWith) {
        this.channels = channels;
        this.order = order;
        this.base = base;
        this.states = states;
        this.rowStart = rowStart;
        this.target = target;
        this.probability = probability;
        this.conversionRate = conversionRate;
        this.valueRate = valueRate;
        this.nullRate = nullRate;
        this.statesWith = statesWith;
    }

    /** The chain of order {@code order} (≥ 1) of the journeys. */
    public static MarkovChain of(Journeys journeys, int order) {
        List<String> channels = journeys.channels();
        long base = channels.size() + 1L;
        try {
            long window = 1; // base^order: the largest state key must fit in a long
            for (int i = 0; i < order; i++) {
                window = Math.multiplyExact(window, base);
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("order " + order + " is too high for " + channels.size()
                    + " channels (the states would not fit in 64 bits); use a lower order");
        }
        LongIndex states = new LongIndex(1024);
        states.add(0); // (start): no channel yet
        LongIndex edges = new LongIndex(4096);
        double[] edgeWeight = new double[4096];
        double[] out = new double[1024];
        double[] toConversion = new double[1024];
        double[] toNull = new double[1024];
        double[] value = new double[1024];
        int[] touches = journeys.touches;
        for (int p = 0; p < journeys.distinctPaths(); p++) {
            double conversions = journeys.conversions[p];
            double weight = conversions + journeys.nulls[p];
            if (weight <= 0) {
                continue;
            }
            int previous = 0;
            long lastKey = -1;
            int from = journeys.starts[p];
            int length = journeys.starts[p + 1] - from;
            // ChannelAttribution's states: every window of `order` consecutive touches (a journey
            // shorter than that is one state of all its touches); a state repeated in a row is one visit.
            int windows = order == 1 ? length : Math.max(1, length - order + 1);
            for (int w = 0; w < windows; w++) {
                long key = 0;
                for (int t = from + w, end = Math.min(from + w + order, from + length); t < end; t++) {
                    key = key * base + touches[t] + 1;
                }
                if (key == lastKey) {
                    continue;
                }
                lastKey = key;
                int state = states.add(key);
                if (state == out.length) {
                    int n = out.length * 2;
                    out = Arrays.copyOf(out, n);
                    toConversion = Arrays.copyOf(toConversion, n);
                    toNull = Arrays.copyOf(toNull, n);
                    value = Arrays.copyOf(value, n);
                }
                int edge = edges.add(((long) previous << 32) | state);
                if (edge == edgeWeight.length) {
                    edgeWeight = Arrays.copyOf(edgeWeight, edge * 2);
                }
                edgeWeight[edge] += weight;
                out[previous] += weight;
                previous = state;
            }
            toConversion[previous] += conversions;
            toNull[previous] += journeys.nulls[p];
            value[previous] += journeys.values[p];
            out[previous] += weight;
        }
        int n = states.size();
        int[] rowStart = new int[n + 1];
        for (int e = 0; e < edges.size(); e++) {
            rowStart[(int) (edges.key(e) >>> 32) + 1]++;
        }
        for (int s = 0; s < n; s++) {
            rowStart[s + 1] += rowStart[s];
        }
        int[] fill = Arrays.copyOf(rowStart, n);
        int[] target = new int[edges.size()];
        double[] probability = new double[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            long key = edges.key(e);
            int from = (int) (key >>> 32);
            int at = fill[from]++;
            target[at] = (int) key;
            probability[at] = edgeWeight[e] / out[from];
        }
        double[] conversionRate = new double[n];
        double[] valueRate = new double[n];
        double[] nullRate = new double[n];
        for (int s = 0; s < n; s++) {
            if (out[s] > 0) {
                conversionRate[s] = toConversion[s] / out[s];
                valueRate[s] = value[s] / out[s];
                nullRate[s] = toNull[s] / out[s];
            }
        }
        return new MarkovChain(channels, order, base, states, rowStart, target, probability, conversionRate,
                valueRate, nullRate, statesWith(states, channels.size(), base));
    }

    private static int[][] statesWith(LongIndex states, int channels, long base) {
        int[] count = new int[channels];
        boolean[] seen = new boolean[channels];
        List<int[]> windows = new ArrayList<>();
        for (int s = 0; s < states.size(); s++) {
            int[] window = digits(states.key(s), base);
            windows.add(window);
            for (int c : window) {
                if (!seen[c]) {
                    seen[c] = true;
                    count[c]++;
                }
            }
            for (int c : window) {
                seen[c] = false;
            }
        }
        int[][] with = new int[channels][];
        for (int c = 0; c < channels; c++) {
            with[c] = new int[count[c]];
            count[c] = 0;
        }
        for (int s = 0; s < states.size(); s++) {
            for (int c : windows.get(s)) {
                if (!seen[c]) {
                    seen[c] = true;
                    with[c][count[c]++] = s;
                }
            }
            for (int c : windows.get(s)) {
                seen[c] = false;
            }
        }
        return with;
    }

    /** The channels of a state key, oldest first. */
    private static int[] digits(long key, long base) {
        int n = 0;
        for (long k = key; k > 0; k /= base) {
            n++;
        }
        int[] channels = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            channels[i] = (int) (key % base) - 1;
            key /= base;
        }
        return channels;
    }

    public int order() {
        return order;
    }

    /** Transient states, (start) included. */
    public int states() {
        return states.size();
    }

    /** The name of state {@code s}: (start), a channel, or a window of channels. */
    public String stateName(int s) {
        if (s == 0) {
            return START;
        }
        return String.join(" > ", Arrays.stream(digits(states.key(s), base)).mapToObj(channels::get).toList());
    }

    /** Every transition with its probability, the absorbing ones included, by source state. */
    public List<Transition> transitions() {
        List<Transition> all = new ArrayList<>();
        for (int s = 0; s < states(); s++) {
            for (int e = rowStart[s]; e < rowStart[s + 1]; e++) {
                all.add(new Transition(stateName(s), stateName(target[e]), probability[e]));
            }
            if (conversionRate[s] > 0) {
                all.add(new Transition(stateName(s), CONVERSION, conversionRate[s]));
            }
            if (nullRate[s] > 0) {
                all.add(new Transition(stateName(s), NULL, nullRate[s]));
            }
        }
        return all;
    }
}
