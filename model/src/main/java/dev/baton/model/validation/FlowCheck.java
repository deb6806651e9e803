package dev.baton.model.validation;

import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Problems;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every stage must be reachable from the first one and must lead to a final stage: otherwise
 * work either can never get there or can never finish, and conformance checking has no sound net.
 */
final class FlowCheck implements ModelCheck {

    @Override
    public void check(OperatingModel model, Problems problems) {
        for (int i = 0; i < model.workTypes().size(); i++) {
            check(model.workTypes().get(i), ModelCheck.at("work-types", i), problems);
        }
    }

    private void check(WorkType w, String path, Problems problems) {
        if (w.stages().isEmpty() || w.stages().stream().anyMatch(s -> s.id() == null)) {
            return;
        }
        Set<String> stageIds = References.ids(w.stages(), Stage::id);
        List<StageChange> edges = w.stageChanges().stream()
                .filter(e -> stageIds.contains(e.from()) && stageIds.contains(e.to())).toList();
        Map<String, Set<String>> forward = new HashMap<>();
        Map<String, Set<String>> backward = new HashMap<>();
        for (StageChange e : edges) {
            forward.computeIfAbsent(e.from(), k -> new HashSet<>()).add(e.to());
            backward.computeIfAbsent(e.to(), k -> new HashSet<>()).add(e.from());
        }
        String first = w.stages().get(0).id();
        Set<String> reachable = closure(List.of(first), forward);
        List<String> finals = w.finalStages().stream().filter(stageIds::contains).toList();
        Set<String> finishing = closure(finals, backward);
        for (int j = 0; j < w.stages().size(); j++) {
            String id = w.stages().get(j).id();
            String sp = ModelCheck.at(path + ".stages", j) + ".id";
            if (!reachable.contains(id)) {
                problems.error("unreachable-stage", sp, "expected stage '" + id + "' of " + w.id()
                        + " to be reachable from the first stage '" + first
                        + "', found no way in (add a transition into it, or remove it)");
            } else if (!finishing.contains(id) && !finals.isEmpty()) {
                problems.error("no-path-to-done", sp, "expected a way from stage '" + id + "' of " + w.id()
                        + " to a final stage (" + String.join(", ", finals)
                        + "), found none (add a transition out of it, or list it under done)");
            }
        }
    }

    private static Set<String> closure(List<String> starts, Map<String, Set<String>> next) {
        Set<String> seen = new HashSet<>(starts);
        Deque<String> queue = new ArrayDeque<>(starts);
        while (!queue.isEmpty()) {
            for (String n : next.getOrDefault(queue.poll(), Set.of())) {
                if (seen.add(n)) {
                    queue.add(n);
                }
            }
        }
        return seen;
    }
}
