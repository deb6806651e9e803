package dev.baton.plan.roadmap;

import dev.baton.model.problem.Position;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.Severity;
import dev.baton.model.problem.SourceMap;
import dev.baton.model.yaml.Entries;
import dev.baton.model.yaml.NodeReader;
import dev.baton.model.yaml.SafeYaml;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a scenario file against the roadmap it changes:
 * <pre>
 * name: Hire a designer
 * headcount: {design: 1, content: -0.5}   (full-time people added per function, every quarter)
 * values: {ebook: 80}
 * drop: [webinar]
 * deadlines: {launch: 2027-Q2}
 * </pre>
 */
public final class ScenarioFile {

    static final List<String> KEYS = List.of("name", "headcount", "values", "drop", "deadlines");

    private ScenarioFile() {
    }

    public static Scenario read(String text, Roadmap base) throws RoadmapRefused {
        Problems problems = new Problems(new SourceMap());
        NodeReader reader = new NodeReader(problems);
        Node root;
        try {
            root = SafeYaml.compose(text);
        } catch (SafeYaml.SyntaxError e) {
            throw new RoadmapRefused(List.of(new dev.baton.model.problem.Problem(Severity.ERROR, "yaml", "",
                    e.position(), e.getMessage())));
        }
        Entries top = reader.mapping(root, "", "a scenario file", KEYS);
        if (top == null) {
            throw new RoadmapRefused(problems.sorted());
        }
        List<String> ids = base.initiatives().stream().map(Initiative::id).toList();
        String name = top.given("name") ? top.text("name", true, "a name") : "scenario";
        Map<String, Double> headcount = keyed(reader, top, "headcount", base.capacity().functions(), "a function",
                (n, p) -> number(reader, n, p));
        Map<String, Double> values = keyed(reader, top, "values", ids, "an initiative", (n, p) -> number(reader, n, p));
        Map<String, Quarter> deadlines = keyed(reader, top, "deadlines", ids, "an initiative", (n, p) -> {
            String t = reader.text(n, p, "a quarter such as 2027-Q2");
            Quarter q = t == null ? null : Quarter.parse(t).orElse(null);
            if (t != null && q == null) {
                reader.wrongType(p, n, "a quarter such as 2027-Q2");
            }
            return q;
        });
        List<String> drop = top.given("drop") ? top.list("drop", "initiative ids", (n, p) -> {
            String id = reader.text(n, p, "an initiative id");
            if (id != null && !ids.contains(id)) {
                problems.add(Severity.ERROR, "unknown-reference", p, NodeReader.position(n),
                        "expected an initiative of the roadmap, found '" + id + "'");
                return null;
            }
            return id;
        }) : List.of();
        List<dev.baton.model.problem.Problem> errors = problems.sorted().stream().filter(p -> p.isError()).toList();
        if (!errors.isEmpty()) {
            throw new RoadmapRefused(errors);
        }
        return new Scenario(name, headcount, values, drop, deadlines);
    }

    private static Double number(NodeReader reader, Node n, String path) {
        if (n instanceof ScalarNode s && (n.getTag().getValue().endsWith(":int") || n.getTag().getValue().endsWith(":float"))) {
            return Double.valueOf(s.getValue().replace("_", ""));
        }
        reader.wrongType(path, n, "a number");
        return null;
    }

    private static <T> Map<String, T> keyed(NodeReader reader, Entries top, String key, List<String> allowed, String what,
                                            java.util.function.BiFunction<Node, String, T> value) {
        Map<String, T> result = new LinkedHashMap<>();
        if (!top.given(key)) {
            return result;
        }
        Node node = top.node(key);
        if (!(node instanceof MappingNode m)) {
            reader.wrongType(top.path(key), node, "a mapping of " + what + " to its change");
            return result;
        }
        Entries e = reader.mapping(node, top.path(key), "a mapping of " + what + " to its change", allowed);
        if (e == null) {
            return result;
        }
        for (String k : e.keys()) {
            T v = value.apply(e.node(k), e.path(k));
            if (v != null) {
                result.put(k, v);
            }
        }
        return result;
    }
}
