package dev.baton.model.validation;

import dev.baton.model.OperatingModel;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The work-type hierarchy (initiative > campaign > asset) must be a tree: no work type is its own ancestor. */
final class HierarchyCheck implements ModelCheck {

    @Override
    public void check(OperatingModel model, Problems problems) {
        Map<String, WorkType> byId = model.workTypes().stream().filter(w -> w.id() != null)
                .collect(Collectors.toMap(WorkType::id, Function.identity(), (a, b) -> a));
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < model.workTypes().size(); i++) {
            WorkType start = model.workTypes().get(i);
            List<String> chain = new ArrayList<>();
            WorkType current = start;
            while (current != null && current.id() != null && !chain.contains(current.id())) {
                chain.add(current.id());
                current = current.parent() == null ? null : byId.get(current.parent());
            }
            // Report each cycle once, at the first of its work types in file order.
            if (current != null && start.id() != null && start.id().equals(current.id()) && reported.add(start.id())) {
                reported.addAll(chain);
                chain.add(start.id());
                problems.error("hierarchy-cycle", ModelCheck.at("work-types", i) + ".parent",
                        "expected the work-type hierarchy to be a tree, found a cycle " + String.join(" > ", chain));
            }
        }
    }
}
