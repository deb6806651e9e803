package dev.baton.model.validation;

import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Ids must be unique where they are looked up: functions, teams and people share one namespace
 * because every owner or decision right can name any of them.
 */
final class IdentityCheck implements ModelCheck {

    @Override
    public void check(OperatingModel model, Problems problems) {
        Map<String, String> parties = new HashMap<>();
        unique(problems, parties, "functions", "a function", model.functions(), f -> f.id());
        unique(problems, parties, "teams", "a team", model.teams(), t -> t.id());
        unique(problems, parties, "people", "a person", model.people(), p -> p.id());
        unique(problems, new HashMap<>(), "components", "a component", model.components(), c -> c.id());
        unique(problems, new HashMap<>(), "metrics", "a metric", model.metrics(), m -> m.id());
        unique(problems, new HashMap<>(), "templates", "a template", model.templates(), t -> t.id());
        unique(problems, new HashMap<>(), "work-types", "a work type", model.workTypes(), w -> w.id());
        unique(problems, new HashMap<>(), "intake.forms", "a form", model.intake().forms(), f -> f.id());
        for (int i = 0; i < model.templates().size(); i++) {
            Template t = model.templates().get(i);
            unique(problems, new HashMap<>(), ModelCheck.at("templates", i) + ".fields", "a field of " + t.id(),
                    t.fields(), f -> f.id());
        }
        for (int i = 0; i < model.workTypes().size(); i++) {
            WorkType w = model.workTypes().get(i);
            unique(problems, new HashMap<>(), ModelCheck.at("work-types", i) + ".stages", "a stage of " + w.id(),
                    w.stages(), s -> s.id());
        }
    }

    /** {@code seen} maps id → "a function at line 4", shared across lists that share a namespace. */
    private static <T> void unique(Problems problems, Map<String, String> seen, String list, String what,
                                   List<T> items, Function<T, String> id) {
        for (int i = 0; i < items.size(); i++) {
            String value = id.apply(items.get(i));
            if (value == null) {
                continue;
            }
            String path = ModelCheck.at(list, i) + ".id";
            String first = seen.putIfAbsent(value,
                    what + " at line " + problems.sourceMap().positionOf(path).line());
            if (first != null) {
                problems.error("duplicate-id", path,
                        "expected a unique id, found '" + value + "' again (already " + first + ")");
            }
        }
    }
}
