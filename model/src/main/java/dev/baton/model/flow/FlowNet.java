package dev.baton.model.flow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A labelled Petri net that event logs are replayed against (token replay, alignments). It is
 * immutable and indexed: place {@code i} is {@code places().get(i)}, transition {@code t} is
 * {@code transitions().get(t)}, and the arcs of transition {@code t} are the place indexes in
 * {@link #preset(int)} and {@link #postset(int)}. Every arc has weight one. Build one with
 * {@link FlowNets#compile} or, for hand-made nets, {@link #builder(String)}.
 */
public final class FlowNet {

    private final String name;
    private final List<Place> places;
    private final List<FlowTransition> transitions;
    private final int[][] presets;
    private final int[][] postsets;
    private final Marking initialMarking;
    private final Marking finalMarking;
    private final Map<String, List<FlowTransition>> byLabel = new LinkedHashMap<>();

    FlowNet(String name, List<Place> places, List<FlowTransition> transitions, int[][] presets,
            int[][] postsets, Marking initialMarking, Marking finalMarking) {
        this.name = name;
        this.places = List.copyOf(places);
        this.transitions = List.copyOf(transitions);
        this.presets = presets;
        this.postsets = postsets;
        this.initialMarking = initialMarking;
        this.finalMarking = finalMarking;
        for (FlowTransition t : transitions) {
            if (!t.isSilent()) {
                byLabel.computeIfAbsent(t.label(), l -> new ArrayList<>()).add(t);
            }
        }
        byLabel.replaceAll((label, list) -> List.copyOf(list));
    }

    public static FlowNetBuilder builder(String name) {
        return new FlowNetBuilder(name);
    }

    public String name() {
        return name;
    }

    public List<Place> places() {
        return places;
    }

    public List<FlowTransition> transitions() {
        return transitions;
    }

    public Optional<Place> place(String id) {
        return places.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public Optional<FlowTransition> transition(String id) {
        return transitions.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The visible transitions an event with this activity may fire; empty when none matches. */
    public List<FlowTransition> transitionsLabelled(String label) {
        return byLabel.getOrDefault(label, List.of());
    }

    /** The places transition {@code t} takes a token from (a copy). */
    public int[] preset(int t) {
        return presets[t].clone();
    }

    /** The places transition {@code t} puts a token in (a copy). */
    public int[] postset(int t) {
        return postsets[t].clone();
    }

    /** Where every case starts: one token in the source place. */
    public Marking initialMarking() {
        return initialMarking;
    }

    /** Where every complete case ends: one token in the sink place. */
    public Marking finalMarking() {
        return finalMarking;
    }

    /** Whether every input place of transition {@code t} holds a token in {@code marking}. */
    public boolean enabled(Marking marking, int t) {
        checkSize(marking);
        for (int p : presets[t]) {
            if (marking.tokens(p) == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The marking after firing transition {@code t}.
     *
     * @throws IllegalStateException when {@code t} is not enabled, naming the empty input places
     */
    public Marking fire(Marking marking, int t) {
        if (!enabled(marking, t)) {
            StringJoiner empty = new StringJoiner(", ");
            Arrays.stream(presets[t]).filter(p -> marking.tokens(p) == 0).forEach(p -> empty.add(places.get(p).id()));
            throw new IllegalStateException("transition '" + transitions.get(t).id()
                    + "' is not enabled: no token in " + empty + " (marking " + describe(marking) + ")");
        }
        int[] next = marking.counts();
        for (int p : presets[t]) {
            next[p]--;
        }
        for (int p : postsets[t]) {
            next[p]++;
        }
        return Marking.owning(next);
    }

    /** A marking with place ids instead of indexes: {@code [in:review]}, for messages. */
    public String describe(Marking marking) {
        checkSize(marking);
        StringJoiner marked = new StringJoiner(", ", "[", "]");
        for (Place p : places) {
            int n = marking.tokens(p.index());
            if (n > 0) {
                marked.add(n == 1 ? p.id() : p.id() + "x" + n);
            }
        }
        return marked.toString();
    }

    /**
     * Whether this is a workflow net: one source place without input arcs holding the initial
     * token, one sink place without output arcs holding the final token, and every place and
     * transition on a path from source to sink. Only then does replay have a sound frame.
     */
    public boolean isWorkflowNet() {
        return workflowNetProblems().isEmpty();
    }

    /** Why this is not a workflow net, one sentence per broken rule; empty when it is one. */
    public List<String> workflowNetProblems() {
        return new WorkflowNetCheck(this).problems();
    }

    /** Graphviz text of this net, in index order so that the output is stable. */
    public String toDot() {
        return DotWriter.write(this);
    }

    private void checkSize(Marking marking) {
        if (marking.placeCount() != places.size()) {
            throw new IllegalArgumentException("marking for " + marking.placeCount() + " places used with net '"
                    + name + "' of " + places.size() + " places");
        }
    }

    @Override
    public String toString() {
        return "FlowNet " + name + " (" + places.size() + " places, " + transitions.size() + " transitions)";
    }
}
