package dev.baton.model.flow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles a {@link FlowNet} by place and transition ids, handing out dense indexes in the order
 * of first mention. Hand-made nets (for tests of replay and alignments) use it as well as the
 * compiler.
 */
public final class FlowNetBuilder {

    private final String name;
    private final Map<String, Place> places = new LinkedHashMap<>();
    private final Map<String, FlowTransition> transitions = new LinkedHashMap<>();
    private final List<int[]> presets = new ArrayList<>();
    private final List<int[]> postsets = new ArrayList<>();

    FlowNetBuilder(String name) {
        this.name = name;
    }

    /** The index of the place with this id, adding the place when it is new. */
    public int place(String id) {
        return places.computeIfAbsent(id, i -> new Place(places.size(), i)).index();
    }

    public boolean hasTransition(String id) {
        return transitions.containsKey(id);
    }

    /**
     * Adds a transition from the {@code inputs} places to the {@code outputs} places (added when
     * new); a null {@code label} makes it silent.
     *
     * @throws IllegalArgumentException when the id is taken, since ids name transitions in verdicts
     */
    public FlowNetBuilder transition(String id, String label, Collection<String> inputs, Collection<String> outputs) {
        if (transitions.containsKey(id)) {
            throw new IllegalArgumentException("transition id '" + id + "' is used twice in net '" + name + "'");
        }
        transitions.put(id, new FlowTransition(transitions.size(), id, label));
        presets.add(inputs.stream().distinct().mapToInt(this::place).toArray());
        postsets.add(outputs.stream().distinct().mapToInt(this::place).toArray());
        return this;
    }

    /**
     * The net with any initial and final marking (as PNML files declare them): tokens per place id,
     * places named for the first time are added.
     *
     * @throws IllegalArgumentException on a negative token count
     */
    public FlowNet build(Map<String, Integer> initialTokens, Map<String, Integer> finalTokens) {
        initialTokens.keySet().forEach(this::place);
        finalTokens.keySet().forEach(this::place);
        return new FlowNet(name, List.copyOf(places.values()), List.copyOf(transitions.values()),
                presets.toArray(int[][]::new), postsets.toArray(int[][]::new),
                marking(initialTokens), marking(finalTokens));
    }

    private Marking marking(Map<String, Integer> tokens) {
        int[] counts = new int[places.size()];
        tokens.forEach((id, n) -> counts[places.get(id).index()] += n);
        return Marking.ofCounts(counts);
    }

    /** The net, starting with one token in {@code source} and complete with one token in {@code sink}. */
    public FlowNet build(String source, String sink) {
        int sourceIndex = place(source);
        int sinkIndex = place(sink);
        return new FlowNet(name, List.copyOf(places.values()), List.copyOf(transitions.values()),
                presets.toArray(int[][]::new), postsets.toArray(int[][]::new),
                Marking.of(places.size(), sourceIndex), Marking.of(places.size(), sinkIndex));
    }
}
