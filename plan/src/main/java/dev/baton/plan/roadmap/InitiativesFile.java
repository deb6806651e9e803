package dev.baton.plan.roadmap;

import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.Severity;
import dev.baton.model.problem.SourceMap;
import dev.baton.model.yaml.Entries;
import dev.baton.model.yaml.NodeReader;
import dev.baton.model.yaml.SafeYaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads an initiatives file with the model module's YAML reader (positions, limits, "expected X,
 * found Y", every problem collected):
 * <pre>
 * quarters: 2027-Q1..2027-Q4            (the command's --quarters wins)
 * assumptions: {working-days: 60, run-the-business: 0.2, holidays: {2027-Q4: 8}}
 * capacity: {design: [30, 30, 20, 30]}  (person-days per quarter, or one number for all; overrides the model)
 * published: {ebook: 2027-Q1}           (the plan stability is measured against)
 * initiatives:
 *   - id: ebook
 *     title: Ebook
 *     theme: demand
 *     value: 40                         (or score: the intake score)
 *     effort: {content: [20, 10], design: [5]}
 *     depends-on: [persona-refresh]
 *     earliest: 2027-Q2
 *     deadline: 2027-Q3                 (deadline-kind: hard | soft, default soft)
 *     committed: 2027-Q2                (pinned)
 * </pre>
 * Capacity per function and quarter comes from the model's people (their hours a week) under the
 * assumptions, unless the file's {@code capacity:} gives the function's figures.
 */
public final class InitiativesFile {

    static final List<String> KEYS = List.of("quarters", "assumptions", "capacity", "published", "initiatives", "completed");
    static final List<String> COMPLETED_KEYS = List.of("id", "title", "theme", "effort");
    static final List<String> ASSUMPTION_KEYS = List.of("working-days", "run-the-business", "holidays");
    static final List<String> INITIATIVE_KEYS = List.of("id", "title", "theme", "value", "score", "effort",
            "depends-on", "earliest", "deadline", "deadline-kind", "committed");

    private final NodeReader reader;
    private final Problems problems;
    /** Where each initiative's depends-on was written, for messages about its references. */
    private final Map<String, String> depsPath = new HashMap<>();

    private InitiativesFile() {
        problems = new Problems(new SourceMap());
        reader = new NodeReader(problems);
    }

    /** The roadmap of the file against the model; {@code quarters} (from the command line) may be null: then the file's. */
    public static Roadmap read(String text, OperatingModel model, List<Quarter> quarters) throws RoadmapRefused {
        return new InitiativesFile().parse(text, model, quarters);
    }

    private Roadmap parse(String text, OperatingModel model, List<Quarter> given) throws RoadmapRefused {
        Node root;
        try {
            root = SafeYaml.compose(text);
        } catch (SafeYaml.SyntaxError e) {
            problems.add(Severity.ERROR, "yaml", "", e.position(), e.getMessage());
            throw refused();
        }
        Entries top = reader.mapping(root, "", "an initiatives file", KEYS);
        if (top == null) {
            throw refused();
        }
        List<Quarter> quarters = given;
        if (quarters == null && top.given("quarters")) {
            String range = top.text("quarters", true, "a range of quarters such as 2027-Q1..2027-Q4");
            quarters = range == null ? null : Quarter.range(range).orElse(null);
            if (range != null && quarters == null) {
                reader.wrongType(top.path("quarters"), top.node("quarters"), "a range of quarters such as 2027-Q1..2027-Q4");
            }
        } else if (quarters == null) {
            problems.add(Severity.ERROR, "missing-key", "quarters", NodeReader.position(root),
                    "expected 'quarters: 2027-Q1..2027-Q4' here or --quarters, found neither");
        }
        Assumptions assumptions = assumptions(top);
        Set<String> functions = new LinkedHashSet<>();
        model.functions().forEach(f -> functions.add(f.id()));
        Map<String, int[]> overrides = capacityOverrides(top, quarters, functions);
        functions.addAll(overrides.keySet());
        List<Initiative> initiatives = initiatives(top, functions);
        Map<String, Quarter> published = published(top, initiatives);
        List<Initiative> completed = completed(top, functions);
        if (problems.hasErrors() || quarters == null) {
            throw refused();
        }
        return new Roadmap(quarters, initiatives, capacity(model, functions, quarters, assumptions, overrides),
                assumptions, published, completed);
    }

    private RoadmapRefused refused() {
        return new RoadmapRefused(problems.sorted().stream().filter(p -> p.isError()).toList());
    }

    private Assumptions assumptions(Entries top) {
        if (!top.given("assumptions")) {
            return Assumptions.DEFAULT;
        }
        Entries a = reader.mapping(top.node("assumptions"), "assumptions", "the capacity assumptions", ASSUMPTION_KEYS);
        if (a == null) {
            return Assumptions.DEFAULT;
        }
        double days = bounded(a, "working-days", 0, 92, Assumptions.DEFAULT.workingDays(), "working days a quarter, 0 to 92");
        double rtb = bounded(a, "run-the-business", 0, 1, Assumptions.DEFAULT.runTheBusiness(), "a share from 0 to 1 such as 0.2");
        Map<Quarter, Double> holidays = new HashMap<>();
        if (a.given("holidays")) {
            Entries h = mapping(a.node("holidays"), "assumptions.holidays", "holidays per quarter ({2027-Q4: 8})");
            if (h != null) {
                for (String key : h.keys()) {
                    Optional<Quarter> q = Quarter.parse(key);
                    if (q.isEmpty()) {
                        problems.add(Severity.ERROR, "bad-quarter", h.path(key), NodeReader.position(h.node(key)),
                                "expected a quarter such as 2027-Q4, found '" + key + "'");
                    }
                    Double d = h.number(key, "holidays per person in days");
                    if (q.isPresent() && d != null) {
                        holidays.put(q.get(), d);
                    }
                }
            }
        }
        return new Assumptions(days, rtb, Map.copyOf(holidays));
    }

    private double bounded(Entries e, String key, double min, double max, double otherwise, String what) {
        Double v = e.number(key, what);
        if (v == null) {
            return otherwise;
        }
        if (v < min || v > max) {
            problems.add(Severity.ERROR, "out-of-range", e.path(key), NodeReader.position(e.node(key)),
                    "expected " + what + ", found " + NodeReader.describe(e.node(key)));
            return otherwise;
        }
        return v;
    }

    /** A mapping whose keys are free (functions, quarters, initiative ids). */
    private Entries mapping(Node node, String path, String what) {
        if (!(node instanceof MappingNode m)) {
            reader.wrongType(path, node, what);
            return null;
        }
        List<String> keys = new ArrayList<>();
        m.getValue().forEach(t -> {
            if (t.getKeyNode() instanceof ScalarNode s) {
                keys.add(s.getValue());
            }
        });
        return reader.mapping(node, path, what, keys);
    }

    private Map<String, int[]> capacityOverrides(Entries top, List<Quarter> quarters, Set<String> functions) {
        Map<String, int[]> result = new LinkedHashMap<>();
        if (!top.given("capacity")) {
            return result;
        }
        Entries c = mapping(top.node("capacity"), "capacity", "person-days per function ({design: [30, 30, 20, 30]})");
        if (c == null) {
            return result;
        }
        for (String function : c.keys()) {
            Node node = c.node(function);
            int[] days = days(node, c.path(function), "person-days of " + function);
            if (days == null) {
                continue;
            }
            int n = quarters == null ? days.length : quarters.size();
            if (node instanceof ScalarNode) {
                int[] all = new int[n];
                java.util.Arrays.fill(all, days[0]);
                days = all;
            } else if (days.length != n) {
                problems.add(Severity.ERROR, "wrong-length", c.path(function), NodeReader.position(node),
                        "expected " + n + " figures, one a quarter, found " + days.length);
                continue;
            }
            result.put(function, days);
        }
        return result;
    }

    /** Whole person-days, 0 or more: one number or a list. */
    private int[] days(Node node, String path, String what) {
        List<Integer> list = reader.list(node, path, what, true, (item, p) -> {
            if (item instanceof ScalarNode s && (item.getTag().getValue().endsWith(":int")
                    || item.getTag().getValue().endsWith(":float"))) {
                double d = Double.parseDouble(s.getValue().replace("_", ""));
                if (d >= 0 && d <= 1_000_000 && d == Math.rint(d)) {
                    return (int) d;
                }
            }
            reader.wrongType(p, item, "whole " + what + ", 0 or more");
            return null;
        });
        if (NodeReader.isNull(node) || list.isEmpty()) {
            reader.wrongType(path, node, what);
            return null;
        }
        boolean complete = node instanceof SequenceNode seq ? seq.getValue().size() == list.size() : list.size() == 1;
        return complete ? list.stream().mapToInt(Integer::intValue).toArray() : null;
    }

    private List<Initiative> initiatives(Entries top, Set<String> functions) {
        if (!top.given("initiatives")) {
            problems.add(Severity.ERROR, "missing-key", "initiatives", new dev.baton.model.problem.Position(1, 1),
                    "expected 'initiatives:' with a list of initiatives, found none");
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        List<Initiative> list = reader.list(top.node("initiatives"), "initiatives", "initiatives", false,
                (node, path) -> initiative(node, path, functions, seen));
        Set<String> ids = new HashSet<>();
        list.forEach(i -> ids.add(i.id()));
        for (int k = 0; k < list.size(); k++) {
            for (String dep : list.get(k).dependsOn()) {
                if (!ids.contains(dep)) {
                    String path = depsPath.get(list.get(k).id());
                    problems.add(Severity.ERROR, "unknown-reference", path, problems.sourceMap().positionOf(path),
                            "expected the id of an initiative in this file, found '" + dep + "'"
                                    + dev.baton.model.problem.Suggestions.hint(dep, List.copyOf(ids)));
                }
            }
        }
        if (!problems.hasErrors()) {
            cycle(list);
        }
        return list;
    }

    /** Person-days per function per quarter offset, checked against the functions; empty when not given. */
    private Map<String, int[]> effort(Entries e, Set<String> functions) {
        Map<String, int[]> effort = new LinkedHashMap<>();
        if (e.given("effort")) {
            Entries ef = mapping(e.node("effort"), e.path("effort"), "person-days per function ({content: [20, 10]})");
            if (ef != null) {
                for (String f : ef.keys()) {
                    if (!functions.contains(f)) {
                        problems.add(Severity.ERROR, "unknown-reference", ef.path(f), NodeReader.position(ef.node(f)),
                                "expected a function of the model or of 'capacity:' (" + String.join(", ", functions)
                                        + "), found '" + f + "'" + dev.baton.model.problem.Suggestions.hint(f, List.copyOf(functions)));
                        continue;
                    }
                    int[] days = days(ef.node(f), ef.path(f), "person-days of " + f);
                    if (days != null) {
                        effort.put(f, days);
                    }
                }
            }
        }
        return effort;
    }

    /**
     * Finished work with the effort it took ({@code completed: [{id, theme, effort}]}): what the
     * planner's effort suggestions are the median of. Each needs its effort.
     */
    private List<Initiative> completed(Entries top, Set<String> functions) {
        if (!top.given("completed")) {
            return List.of();
        }
        return reader.list(top.node("completed"), "completed", "completed initiatives", false, (node, path) -> {
            Entries e = reader.mapping(node, path, "a completed initiative", COMPLETED_KEYS);
            if (e == null) {
                return null;
            }
            String id = e.id("id", true, "an initiative id");
            String title = e.given("title") ? e.text("title", true, "a title") : id;
            String theme = e.given("theme") ? e.text("theme", true, "a theme") : "none";
            Map<String, int[]> effort = effort(e, functions);
            if (!e.given("effort")) {
                problems.add(Severity.ERROR, "missing-key", e.path("effort"), NodeReader.position(node),
                        "expected 'effort' (the person-days it took) here, found none");
            }
            return id == null || effort.isEmpty() ? null
                    : new Initiative(id, title, theme, 0, effort, List.of(), null, null, null);
        });
    }

    private Initiative initiative(Node node, String path, Set<String> functions, Set<String> seen) {
        Entries e = reader.mapping(node, path, "an initiative", INITIATIVE_KEYS);
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "an initiative id");
        if (id != null && !seen.add(id)) {
            problems.add(Severity.ERROR, "duplicate-id", e.path("id"), NodeReader.position(e.node("id")),
                    "expected each initiative id once, found '" + id + "' again");
        }
        String title = e.given("title") ? e.text("title", true, "a title") : id;
        String theme = e.given("theme") ? e.text("theme", true, "a theme") : "none";
        Double value = e.given("value") ? e.number("value", "a value, 0 or more")
                : e.given("score") ? e.number("score", "an intake score, 0 or more") : null;
        if (!e.given("value") && !e.given("score")) {
            problems.add(Severity.ERROR, "missing-key", e.path("value"), NodeReader.position(node),
                    "expected 'value' (or 'score', the intake score) here, found none");
        } else if (value != null && value < 0) {
            String key = e.given("value") ? "value" : "score";
            reader.wrongType(e.path(key), e.node(key), "a value, 0 or more");
            value = null;
        }
        Map<String, int[]> effort = effort(e, functions);
        List<String> deps = e.ids("depends-on", "initiative ids");
        if (id != null) {
            depsPath.put(id, e.path("depends-on"));
        }
        Quarter earliest = quarter(e, "earliest");
        Quarter deadlineQ = quarter(e, "deadline");
        String kind = e.given("deadline-kind") ? e.text("deadline-kind", true, "hard or soft") : "soft";
        if (kind != null && !kind.equals("hard") && !kind.equals("soft")) {
            reader.wrongType(e.path("deadline-kind"), e.node("deadline-kind"), "hard or soft");
        }
        Quarter committed = quarter(e, "committed");
        if (id == null || value == null) {
            return null;
        }
        return new Initiative(id, title, theme, value, effort, deps == null ? List.of() : deps, earliest,
                deadlineQ == null ? null : new Deadline(deadlineQ, "hard".equals(kind)), committed);
    }

    private Quarter quarter(Entries e, String key) {
        if (!e.given(key)) {
            return null;
        }
        String text = e.text(key, true, "a quarter such as 2027-Q3");
        Optional<Quarter> q = text == null ? Optional.empty() : Quarter.parse(text);
        if (text != null && q.isEmpty()) {
            reader.wrongType(e.path(key), e.node(key), "a quarter such as 2027-Q3");
        }
        return q.orElse(null);
    }

    private void cycle(List<Initiative> list) {
        List<String> trail = cycleOf(list);
        if (!trail.isEmpty()) {
            String path = depsPath.get(trail.get(0));
            problems.add(Severity.ERROR, "cycle", path, problems.sourceMap().positionOf(path),
                    "expected dependencies without a cycle, found " + String.join(" -> ", trail));
        }
    }

    /**
     * The first cycle of dependencies among the initiatives (a -> b -> a, starting at the first
     * initiative whose dependencies lead back to themselves), or an empty list. Dependencies on
     * ids not in the list are ignored here (they are reported as unknown).
     */
    public static List<String> cycleOf(List<Initiative> list) {
        Map<String, Initiative> byId = new HashMap<>();
        list.forEach(i -> byId.put(i.id(), i));
        Map<String, Integer> state = new HashMap<>();
        for (Initiative i : list) {
            List<String> trail = new ArrayList<>();
            if (visit(i.id(), byId, state, trail)) {
                return List.copyOf(trail);
            }
        }
        return List.of();
    }

    private static boolean visit(String id, Map<String, Initiative> byId, Map<String, Integer> state, List<String> trail) {
        int s = state.getOrDefault(id, 0);
        if (s == 2 || !byId.containsKey(id)) {
            return false;
        }
        trail.add(id);
        if (s == 1) {
            return true;
        }
        state.put(id, 1);
        for (String dep : byId.get(id).dependsOn()) {
            if (visit(dep, byId, state, trail)) {
                return true;
            }
        }
        state.put(id, 2);
        trail.remove(trail.size() - 1);
        return false;
    }

    private Map<String, Quarter> published(Entries top, List<Initiative> initiatives) {
        Map<String, Quarter> result = new LinkedHashMap<>();
        if (!top.given("published")) {
            return result;
        }
        Entries p = mapping(top.node("published"), "published", "the published plan ({ebook: 2027-Q1})");
        if (p == null) {
            return result;
        }
        for (String id : p.keys()) {
            Quarter q = quarter(p, id);
            if (q != null) {
                result.put(id, q);
            }
        }
        return result;
    }

    /** Capacity per function of the model and quarter from the model's people under the assumptions. */
    public static CapacityTable capacity(OperatingModel model, List<Quarter> quarters, Assumptions assumptions) {
        Set<String> functions = new LinkedHashSet<>();
        model.functions().forEach(f -> functions.add(f.id()));
        return capacity(model, functions, quarters, assumptions, Map.of());
    }

    static CapacityTable capacity(OperatingModel model, Set<String> functions, List<Quarter> quarters,
                                  Assumptions assumptions, Map<String, int[]> overrides) {
        List<String> names = List.copyOf(functions);
        int[][] days = new int[names.size()][quarters.size()];
        for (int f = 0; f < names.size(); f++) {
            int[] given = overrides.get(names.get(f));
            for (int q = 0; q < quarters.size(); q++) {
                if (given != null) {
                    days[f][q] = given[q];
                    continue;
                }
                double sum = 0;
                for (Person p : model.people()) {
                    if (names.get(f).equals(p.function())) {
                        sum += assumptions.personDays(p.capacity() == null ? null : p.capacity().hoursPerWeek(),
                                quarters.get(q));
                    }
                }
                days[f][q] = (int) Math.floor(sum + 1e-9);
            }
        }
        String source = overrides.isEmpty() ? "the model's people" : "the model's people; "
                + String.join(", ", overrides.keySet()) + " from the file's capacity";
        return new CapacityTable(names, quarters, days, source + String.format(java.util.Locale.ROOT,
                " (%.0f working days a quarter, %.0f%% run-the-business)", assumptions.workingDays(),
                100 * assumptions.runTheBusiness()));
    }
}
