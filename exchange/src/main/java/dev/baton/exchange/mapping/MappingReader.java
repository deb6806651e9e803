package dev.baton.exchange.mapping;

import dev.baton.exchange.mapping.ImportMapping.PersonRef;
import dev.baton.exchange.mapping.ImportMapping.TableColumns;
import dev.baton.exchange.mapping.ImportMapping.WorkTypeRules;
import dev.baton.model.problem.Problem;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.SourceMap;
import dev.baton.model.yaml.Entries;
import dev.baton.model.yaml.NodeReader;
import dev.baton.model.yaml.SafeYaml;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a mapping file (docs/mapping-reference.md) with the model's YAML rules: every mistake is
 * reported with its line and column, all of them in one run.
 */
public final class MappingReader {

    static final List<String> TOP = List.of("source", "stages", "status-labels", "people", "work-types", "fields",
            "urgent", "columns", "completion");
    static final List<String> WORK_TYPES = List.of("default", "by-type", "by-project", "by-label");
    static final List<String> FIELDS = List.of("map", "ignore");
    static final List<String> URGENT = List.of("priorities", "labels");
    static final List<String> COMPLETION = List.of("on", "done-statuses");
    static final List<String> PERSON = List.of("person", "function");
    static final List<String> COLUMNS = List.of("item", "activity", "time", "actor", "type", "project", "title", "id",
            "attributes");

    /** The mapping read, or null when it has errors; the problems are in file order. */
    public record Result(ImportMapping mapping, List<Problem> problems, SourceMap sourceMap) {
        public boolean valid() {
            return mapping != null;
        }
    }

    private MappingReader() {
    }

    public static Result read(String text) {
        SourceMap sourceMap = new SourceMap();
        Problems problems = new Problems(sourceMap);
        Node root;
        try {
            root = SafeYaml.compose(text);
        } catch (SafeYaml.SyntaxError e) {
            problems.add(dev.baton.model.problem.Severity.ERROR, "invalid-yaml", "", e.position(), e.getMessage());
            return new Result(null, problems.sorted(), sourceMap);
        }
        if (root == null) {
            return new Result(ImportMapping.NONE, List.of(), sourceMap);
        }
        NodeReader reader = new NodeReader(problems);
        Entries top = reader.mapping(root, "", "a mapping file", TOP);
        if (top == null) {
            return new Result(null, problems.sorted(), sourceMap);
        }
        Map<String, String> stages = pairs(reader, top, "stages", "a stage id");
        List<String> statusLabels = top.texts("status-labels", "a label prefix such as 'workflow::'");
        Map<String, PersonRef> people = people(reader, top);
        WorkTypeRules workTypes = WorkTypeRules.NONE;
        if (top.given("work-types")) {
            Entries w = reader.mapping(top.node("work-types"), top.path("work-types"), "work-type rules", WORK_TYPES);
            if (w != null) {
                workTypes = new WorkTypeRules(w.id("default", false, "a work type id"),
                        pairs(reader, w, "by-type", "a work type id"), pairs(reader, w, "by-project", "a work type id"),
                        pairs(reader, w, "by-label", "a work type id"));
            }
        }
        Map<String, String> fields = Map.of();
        Set<String> ignored = Set.of();
        if (top.given("fields")) {
            Entries f = reader.mapping(top.node("fields"), top.path("fields"), "field rules", FIELDS);
            if (f != null) {
                fields = pairs(reader, f, "map", "a template field id");
                ignored = lowered(f.texts("ignore", "a tool field name"));
            }
        }
        Set<String> urgentPriorities = Set.of();
        Set<String> urgentLabels = Set.of();
        if (top.given("urgent")) {
            Entries u = reader.mapping(top.node("urgent"), top.path("urgent"), "urgent rules", URGENT);
            if (u != null) {
                urgentPriorities = lowered(u.texts("priorities", "a priority value"));
                urgentLabels = lowered(u.texts("labels", "a label"));
            }
        }
        TableColumns columns = null;
        if (top.given("columns")) {
            Entries c = reader.mapping(top.node("columns"), top.path("columns"), "the columns of an event table", COLUMNS);
            if (c != null) {
                columns = new TableColumns(c.text("item", true, "the column of the case or item id"),
                        c.text("activity", true, "the column of the activity or status"),
                        c.text("time", true, "the column of the timestamp"), c.text("actor", false, "a column"),
                        c.text("type", false, "a column"), c.text("project", false, "a column"),
                        c.text("title", false, "a column"), c.text("id", false, "a column"),
                        c.texts("attributes", "a column"));
            }
        }
        Completion completion = completion(reader, top);
        if (problems.hasErrors()) {
            return new Result(null, problems.sorted(), sourceMap);
        }
        return new Result(new ImportMapping(stages, statusLabels, people, workTypes, fields, ignored, urgentPriorities,
                urgentLabels, columns, completion), problems.sorted(), sourceMap);
    }

    /** The {@code completion} section; the default (both, no listed statuses) when absent. */
    private static Completion completion(NodeReader reader, Entries top) {
        if (!top.given("completion")) {
            return Completion.DEFAULT;
        }
        Entries c = reader.mapping(top.node("completion"), top.path("completion"), "completion rules", COMPLETION);
        if (c == null) {
            return Completion.DEFAULT;
        }
        Completion.On on = c.given("on") ? c.choice("on", false, Completion.On.ids(), Completion.On::byId,
                "what completes an item") : Completion.On.BOTH;
        List<String> done = c.texts("done-statuses", "a tool status that is done");
        return new Completion(on == null ? Completion.On.BOTH : on, done);
    }

    /** A free mapping of tool values to ids; both the exact key and its lower case are kept. */
    private static Map<String, String> pairs(NodeReader reader, Entries parent, String key, String what) {
        if (!parent.given(key)) {
            return new LinkedHashMap<>();
        }
        return reader.pairs(parent.node(key), parent.path(key), "tool values", "a tool value", what, true,
                (node, path) -> reader.id(node, path, what));
    }

    private static Map<String, PersonRef> people(NodeReader reader, Entries top) {
        Map<String, PersonRef> result = new LinkedHashMap<>();
        if (!top.given("people")) {
            return result;
        }
        Node node = top.node("people");
        if (!(node instanceof MappingNode mapping)) {
            reader.wrongType("people", node, "a mapping of tool users to people");
            return result;
        }
        for (var tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode k) || NodeReader.isNull(tuple.getKeyNode())) {
                reader.wrongType("people", tuple.getKeyNode(), "a tool user");
                continue;
            }
            String path = "people." + k.getValue();
            reader.visit(path, tuple.getValueNode());
            PersonRef ref = null;
            if (tuple.getValueNode() instanceof MappingNode) {
                Entries p = reader.mapping(tuple.getValueNode(), path, "a person reference", PERSON);
                if (p != null) {
                    String person = p.id("person", true, "a person id of the model");
                    if (person != null) {
                        ref = new PersonRef(person, p.id("function", false, "a function id of the model"));
                    }
                }
            } else {
                String person = reader.id(tuple.getValueNode(), path, "a person id of the model, or {person, function}");
                ref = person == null ? null : new PersonRef(person, null);
            }
            if (ref != null) {
                result.put(k.getValue(), ref);
                result.putIfAbsent(k.getValue().toLowerCase(Locale.ROOT), ref);
            }
        }
        return result;
    }

    private static Set<String> lowered(List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String v : values) {
            result.add(v);
            result.add(v.toLowerCase(Locale.ROOT));
        }
        return result;
    }
}
