package dev.baton.model.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Replays a stage sequence on a net the way a token replayer would without forcing anything:
 * before each stage it may fire silent transitions (shortest way first) until a transition with
 * that label is enabled, and after the last stage it may fire silent ones to reach the final
 * marking. Test-only: it exists to show what the compiled nets accept.
 */
final class Replay {

    /** What happened: the transition ids fired, and where the replay got stuck (-1 when it did not). */
    record Result(List<String> fired, int stuckAt, boolean complete, Marking marking) {
    }

    private Replay() {
    }

    static Result run(FlowNet net, List<String> stages) {
        Marking marking = net.initialMarking();
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            String stage = stages.get(i);
            Optional<List<Integer>> path = silentPathTo(net, marking,
                    m -> net.transitionsLabelled(stage).stream().anyMatch(t -> net.enabled(m, t.index())));
            if (path.isEmpty()) {
                return new Result(fired, i, false, marking);
            }
            for (int t : path.get()) {
                marking = fire(net, marking, t, fired);
            }
            Marking now = marking;
            int visible = net.transitionsLabelled(stage).stream()
                    .filter(t -> net.enabled(now, t.index())).findFirst().orElseThrow().index();
            marking = fire(net, marking, visible, fired);
        }
        Optional<List<Integer>> end = silentPathTo(net, marking, net.finalMarking()::equals);
        if (end.isPresent()) {
            for (int t : end.get()) {
                marking = fire(net, marking, t, fired);
            }
        }
        return new Result(fired, -1, end.isPresent(), marking);
    }

    private static Marking fire(FlowNet net, Marking marking, int t, List<String> fired) {
        fired.add(net.transitions().get(t).id());
        return net.fire(marking, t);
    }

    /** The shortest sequence of silent transitions leading to a marking that passes {@code goal}. */
    private static Optional<List<Integer>> silentPathTo(FlowNet net, Marking from,
                                                        Predicate<Marking> goal) {
        Map<Marking, List<Integer>> paths = new HashMap<>(Map.of(from, List.of()));
        Deque<Marking> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            Marking m = todo.removeFirst();
            if (goal.test(m)) {
                return Optional.of(paths.get(m));
            }
            for (FlowTransition t : net.transitions()) {
                if (t.isSilent() && net.enabled(m, t.index())) {
                    Marking next = net.fire(m, t.index());
                    if (!paths.containsKey(next)) {
                        List<Integer> path = new ArrayList<>(paths.get(m));
                        path.add(t.index());
                        paths.put(next, path);
                        todo.addLast(next);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
