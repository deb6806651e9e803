package dev.baton.exchange.mapping;

import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.problem.Problem;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.SourceMap;
import dev.baton.model.problem.Suggestions;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a mapping against the operating model it maps onto: every stage, person, function,
 * work type and template field it names must exist there. Reported at the mapping's own lines.
 */
public final class MappingCheck {

    private MappingCheck() {
    }

    public static List<Problem> check(MappingReader.Result read, OperatingModel model) {
        Problems problems = new Problems(read.sourceMap());
        ImportMapping m = read.mapping();
        Set<String> stages = new LinkedHashSet<>();
        model.workTypes().forEach(w -> w.stages().stream().map(Stage::id).filter(Objects::nonNull).forEach(stages::add));
        Set<String> people = new LinkedHashSet<>();
        model.people().stream().map(Person::id).filter(Objects::nonNull).forEach(people::add);
        Set<String> functions = new LinkedHashSet<>();
        model.functions().forEach(f -> functions.add(f.id()));
        Set<String> workTypes = new LinkedHashSet<>();
        model.workTypes().forEach(w -> workTypes.add(w.id()));
        Set<String> fields = new LinkedHashSet<>();
        model.templates().forEach(t -> t.fields().forEach(f -> fields.add(f.id())));

        references(problems, "stages", m.stages(), stages, "a stage of a work type");
        m.people().forEach((user, ref) -> {
            if (!isLowerDuplicate(m.people(), user)) {
                if (!people.contains(ref.person())) {
                    unknown(problems, "people." + user, ref.person(), people, "a person of the model");
                }
                if (ref.function() != null && !functions.contains(ref.function())) {
                    unknown(problems, "people." + user, ref.function(), functions, "a function of the model");
                }
            }
        });
        if (m.workTypes().defaultType() != null && !workTypes.contains(m.workTypes().defaultType())) {
            unknown(problems, "work-types.default", m.workTypes().defaultType(), workTypes, "a work type of the model");
        }
        references(problems, "work-types.by-type", m.workTypes().byType(), workTypes, "a work type of the model");
        references(problems, "work-types.by-project", m.workTypes().byProject(), workTypes, "a work type of the model");
        references(problems, "work-types.by-label", m.workTypes().byLabel(), workTypes, "a work type of the model");
        references(problems, "fields.map", m.fields(), fields, "a field of a template");
        doneStatuses(problems, m, model);
        return problems.sorted();
    }

    /**
     * A done status whose stage is final in no work type completes items outside their flow's end:
     * allowed (the debt report notes the deviation), but more likely a slip, so a warning.
     */
    private static void doneStatuses(Problems problems, ImportMapping m, OperatingModel model) {
        Set<String> finals = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        model.workTypes().forEach(w -> {
            finals.addAll(w.finalStages());
            w.stages().forEach(s -> all.add(s.id()));
        });
        List<String> done = m.completion().doneStatuses();
        for (int i = 0; i < done.size(); i++) {
            String status = done.get(i);
            String stage = m.stage(status).orElse(status);
            if (all.contains(stage) && !finals.contains(stage)) {
                problems.warning("done-status-not-final", "completion.done-statuses[" + i + "]", "expected a status "
                        + "of a final stage (" + String.join(", ", finals) + "), found '" + status + "'"
                        + (stage.equals(status) ? "" : ", which maps to '" + stage + "'")
                        + ": items entering it count as completed before the end of their flow");
            }
        }
    }

    private static void references(Problems problems, String path, Map<String, String> pairs, Set<String> known,
                                   String what) {
        pairs.forEach((tool, id) -> {
            if (!isLowerDuplicate(pairs, tool) && !known.contains(id)) {
                unknown(problems, path + "." + tool, id, known, what);
            }
        });
    }

    /** The reader stores each key a second time in lower case for matching; check each once. */
    private static boolean isLowerDuplicate(Map<String, ?> map, String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (!key.equals(lower)) {
            return false;
        }
        return map.keySet().stream().anyMatch(k -> !k.equals(key) && k.toLowerCase(Locale.ROOT).equals(key));
    }

    private static void unknown(Problems problems, String path, String id, Set<String> known, String what) {
        String list = known.isEmpty() ? "none in the model" : String.join(", ", known.stream().limit(12).toList())
                + (known.size() > 12 ? ", …" : "");
        problems.error("unknown-reference", path, "expected " + what + " (" + list + "), found '" + id + "'"
                + Suggestions.hint(id, known));
    }
}
