package dev.baton.model.validation;

import dev.baton.model.OperatingModel;
import dev.baton.model.Party;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.Suggestions;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks that an id names something that exists, with a "did you mean" when it nearly does. */
final class References {

    private final Problems problems;
    private final Set<String> parties;

    References(OperatingModel model, Problems problems) {
        this.problems = problems;
        this.parties = ids(model.functions(), Party::id);
        this.parties.addAll(ids(model.teams(), Party::id));
        this.parties.addAll(ids(model.people(), Party::id));
    }

    static <T> Set<String> ids(Collection<T> items, Function<T, String> id) {
        return items.stream().map(id).filter(Objects::nonNull)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** Whether {@code id} is known; reports it when not. Null ids were reported while reading. */
    boolean check(String path, String id, Set<String> known, String what) {
        if (id == null || known.contains(id)) {
            return true;
        }
        problems.error("unknown-reference", path, "expected " + what + knownList(known) + ", found '" + id + "'"
                + Suggestions.hint(id, known));
        return false;
    }

    void checkAll(String path, List<String> ids, Set<String> known, String what) {
        for (int i = 0; i < ids.size(); i++) {
            check(path + "[" + i + "]", ids.get(i), known, what);
        }
    }

    /** A function, team or person. */
    boolean party(String path, String id) {
        return check(path, id, parties, "a function, team or person");
    }

    void parties(String path, List<String> ids) {
        checkAll(path, ids, parties, "a function, team or person");
    }

    private static String knownList(Set<String> known) {
        if (known.isEmpty()) {
            return " (none is declared)";
        }
        if (known.size() > 12) {
            return "";
        }
        return " (" + String.join(", ", known) + ")";
    }
}
