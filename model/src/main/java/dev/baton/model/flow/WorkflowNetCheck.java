package dev.baton.model.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Checks the workflow-net rules on a {@link FlowNet} and says which one breaks. Nodes are
 * numbered places first ({@code 0..P-1}), then transitions ({@code P..P+T-1}), so one BFS walks
 * the arcs forward from the source and another walks them backward from the sink.
 */
final class WorkflowNetCheck {

    private final FlowNet net;
    private final int placeCount;
    private final List<List<Integer>> forward = new ArrayList<>();
    private final List<List<Integer>> backward = new ArrayList<>();

    WorkflowNetCheck(FlowNet net) {
        this.net = net;
        this.placeCount = net.places().size();
        int nodes = placeCount + net.transitions().size();
        for (int n = 0; n < nodes; n++) {
            forward.add(new ArrayList<>());
            backward.add(new ArrayList<>());
        }
        for (int t = 0; t < net.transitions().size(); t++) {
            for (int p : net.preset(t)) {
                arc(p, placeCount + t);
            }
            for (int p : net.postset(t)) {
                arc(placeCount + t, p);
            }
        }
    }

    private void arc(int from, int to) {
        forward.get(from).add(to);
        backward.get(to).add(from);
    }

    /**
     * The broken rules. A second place without input arcs is unreachable from the source and a
     * second place without output arcs cannot reach the sink, so the two walks report those too.
     */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        int source = singlePlace(net.initialMarking(), "initial", problems);
        int sink = singlePlace(net.finalMarking(), "final", problems);
        if (source >= 0 && !backward.get(source).isEmpty()) {
            problems.add("the source " + name(source) + " has input arcs");
        }
        if (sink >= 0 && !forward.get(sink).isEmpty()) {
            problems.add("the sink " + name(sink) + " has output arcs");
        }
        if (source >= 0) {
            boolean[] seen = reach(source, forward);
            unseen(seen, "is not reachable from the source " + name(source), problems);
        }
        if (sink >= 0) {
            boolean[] seen = reach(sink, backward);
            unseen(seen, "cannot reach the sink " + name(sink), problems);
        }
        return List.copyOf(problems);
    }

    /** The one place marked with one token, or -1 after noting the problem. */
    private int singlePlace(Marking marking, String which, List<String> problems) {
        int found = -1;
        for (int p = 0; p < placeCount; p++) {
            if (marking.tokens(p) > 0) {
                if (found >= 0 || marking.tokens(p) > 1) {
                    problems.add("the " + which + " marking " + net.describe(marking)
                            + " is not a single token in one place");
                    return -1;
                }
                found = p;
            }
        }
        if (found < 0) {
            problems.add("the " + which + " marking is empty");
        }
        return found;
    }

    private boolean[] reach(int start, List<List<Integer>> arcs) {
        boolean[] seen = new boolean[arcs.size()];
        Deque<Integer> todo = new ArrayDeque<>(List.of(start));
        seen[start] = true;
        while (!todo.isEmpty()) {
            for (int next : arcs.get(todo.pop())) {
                if (!seen[next]) {
                    seen[next] = true;
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    private void unseen(boolean[] seen, String what, List<String> problems) {
        for (int n = 0; n < seen.length; n++) {
            if (!seen[n]) {
                problems.add(name(n) + " " + what);
            }
        }
    }

    private String name(int node) {
        return node < placeCount ? "place " + net.places().get(node).id()
                : "transition " + net.transitions().get(node - placeCount).id();
    }
}
