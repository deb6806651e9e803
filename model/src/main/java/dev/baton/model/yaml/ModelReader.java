package dev.baton.model.yaml;

import dev.baton.model.BusinessFunction;
import dev.baton.model.Capacity;
import dev.baton.model.Component;
import dev.baton.model.MeetingSettings;
import dev.baton.model.DebtSettings;
import dev.baton.model.FunnelSettings;
import dev.baton.model.FunnelStage;
import dev.baton.model.DecisionRights;
import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.Gate;
import dev.baton.model.GateMode;
import dev.baton.model.Handoff;
import dev.baton.model.Intake;
import dev.baton.model.IntakeForm;
import dev.baton.model.Metric;
import dev.baton.model.MetricMeasure;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Prioritization;
import dev.baton.model.PrioritizationScheme;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.StageKind;
import dev.baton.model.Team;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Position;
import dev.baton.model.problem.Problems;
import dev.baton.model.problem.Severity;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads {@code apiVersion: baton/v1} YAML into an {@link OperatingModel}. Shape problems (syntax,
 * unknown keys, wrong types, bad durations) are reported here with their positions; what refers
 * to what is checked afterwards by the validator. Items with problems are still read as far as
 * possible (with nulls where values are missing) so that later checks find the other mistakes.
 */
public final class ModelReader {

    private static final Pattern EDGE = Pattern.compile("\\s*([^\\s>-][^\\s>]*?)\\s*-+>\\s*(\\S+)\\s*");

    private final NodeReader reader;

    private ModelReader(Problems problems) {
        this.reader = new NodeReader(problems);
    }

    /** The model read from text, or null when the file is not even a YAML mapping. */
    public static OperatingModel read(String text, Problems problems) {
        Node root;
        try {
            root = SafeYaml.compose(text);
        } catch (SafeYaml.SyntaxError e) {
            problems.add(Severity.ERROR, "yaml-syntax", "", e.position(), e.getMessage());
            return null;
        }
        if (root == null) {
            problems.add(Severity.ERROR, "empty-model", "", new Position(1, 1),
                    "expected an operating model (apiVersion: " + OperatingModel.API_VERSION + ", functions, work-types, ...), found an empty file");
            return null;
        }
        return new ModelReader(problems).model(root);
    }

    private OperatingModel model(Node root) {
        problems().sourceMap().put("", NodeReader.position(root));
        Entries e = reader.mapping(root, "", "an operating model", List.of(
                "apiVersion", "name", "version", "description", "functions", "teams", "people", "components",
                "metrics", "templates", "work-types", "handoffs", "intake", "debt", "funnel"));
        if (e == null) {
            return null;
        }
        String apiVersion = e.text("apiVersion", true, "the format version " + OperatingModel.API_VERSION);
        if (apiVersion != null && !apiVersion.equals(OperatingModel.API_VERSION)) {
            problems().add(Severity.ERROR, "api-version", "apiVersion", NodeReader.position(e.node("apiVersion")),
                    "expected apiVersion " + OperatingModel.API_VERSION + ", found '" + apiVersion + "'");
        }
        return new OperatingModel(
                apiVersion,
                e.text("name", false, "the model's name"),
                e.text("version", false, "the model's version label"),
                e.list("functions", "functions", this::function),
                e.list("teams", "teams", this::team),
                e.list("people", "people", this::person),
                e.list("components", "components", this::component),
                e.list("metrics", "metrics", this::metric),
                e.list("templates", "templates", this::template),
                e.list("work-types", "work types", this::workType),
                e.list("handoffs", "handoffs", this::handoff),
                e.has("intake") ? intake(e.node("intake"), e.path("intake")) : Intake.NONE,
                e.has("debt") ? debt(e.node("debt"), e.path("debt")) : DebtSettings.DEFAULT,
                e.has("funnel") ? funnel(e.node("funnel"), e.path("funnel")) : FunnelSettings.NONE);
    }

    private Problems problems() {
        return reader.problems();
    }

    private BusinessFunction function(Node node, String path) {
        Entries e = reader.mapping(node, path, "a function", List.of("id", "name", "description"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a function id");
        return new BusinessFunction(id, orElse(e.text("name", false, "a name"), id));
    }

    private Team team(Node node, String path) {
        Entries e = reader.mapping(node, path, "a team", List.of("id", "name", "function", "members", "description"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a team id");
        return new Team(id, orElse(e.text("name", false, "a name"), id),
                e.id("function", true, "the team's function"), e.ids("members", "people ids"));
    }

    private Person person(Node node, String path) {
        Entries e = reader.mapping(node, path, "a person", List.of("id", "name", "function", "capacity", "email"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a person id");
        Capacity capacity = e.parsed("capacity", "a capacity like 32h/week or 6h/day", Capacity::parse, "bad-capacity");
        return new Person(id, orElse(e.text("name", false, "a name"), id),
                e.id("function", true, "the person's function"), capacity, e.text("email", false, "an e-mail address"));
    }

    private Component component(Node node, String path) {
        Entries e = reader.mapping(node, path, "a component", List.of("id", "name", "owner", "description"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a component id");
        return new Component(id, orElse(e.text("name", false, "a name"), id), e.ids("owner", "owners"));
    }

    private Metric metric(Node node, String path) {
        Entries e = reader.mapping(node, path, "a metric",
                List.of("id", "name", "unit", "definition", "target", "measure", "per"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a metric id");
        Metric.Period per = e.choice("per", false, List.of("month", "quarter"),
                v -> Arrays.stream(Metric.Period.values()).filter(p -> p.id().equals(v)).findFirst(), "a period");
        return new Metric(id, orElse(e.text("name", false, "a name"), id), e.text("unit", false, "a unit"),
                e.text("definition", false, "a definition"), e.number("target", "a number"),
                e.given("measure") ? measure(e.node("measure"), e.path("measure")) : null,
                per == null ? Metric.Period.QUARTER : per);
    }

    /**
     * What a metric measures: a word ({@code sourced-pipeline}, {@code win-rate} ...) or a one-key
     * mapping with stages ({@code conversion: {from: mql, to: sql}}, {@code count: {stage: sql}}).
     */
    private MetricMeasure measure(Node node, String path) {
        List<String> kinds = MetricMeasure.Kind.ids();
        if (node instanceof ScalarNode) {
            String text = reader.text(node, path, "a measure");
            if (text == null) {
                return null;
            }
            Optional<MetricMeasure.Kind> kind = MetricMeasure.Kind.byId(text);
            if (kind.isEmpty()) {
                problems().add(Severity.ERROR, "bad-value", path, NodeReader.position(node), "expected a measure ("
                        + String.join(", ", kinds) + "), found '" + text + "'" + dev.baton.model.problem.Suggestions.hint(text, kinds));
                return null;
            }
            if (kind.get().withStages()) {
                problems().add(Severity.ERROR, "bad-value", path, NodeReader.position(node), "expected the stages of '"
                        + text + "' too, found none (write " + example(kind.get()) + ")");
                return null;
            }
            return new MetricMeasure(kind.get(), null, null);
        }
        List<String> staged = Arrays.stream(MetricMeasure.Kind.values()).filter(MetricMeasure.Kind::withStages)
                .map(MetricMeasure.Kind::id).toList();
        Entries e = reader.mapping(node, path, "a measure with stages", staged);
        if (e == null) {
            return null;
        }
        boolean written = node instanceof MappingNode m && !m.getValue().isEmpty();
        if (e.keys().isEmpty() && written) {
            return null; // its unknown key is reported already
        }
        if (e.keys().size() != 1) {
            problems().add(Severity.ERROR, "bad-value", path, NodeReader.position(node), "expected one measure ("
                    + String.join(", ", staged) + "), found " + (e.keys().isEmpty() ? "none" : String.join(" and ", e.keys())));
            return null;
        }
        String key = e.keys().iterator().next();
        MetricMeasure.Kind kind = MetricMeasure.Kind.byId(key).orElseThrow();
        if (kind == MetricMeasure.Kind.COUNT) {
            Entries stage = reader.mapping(e.node(key), e.path(key), "a count's stage", List.of("stage"));
            String to = stage == null ? null : stage.id("stage", true, "a funnel stage id such as sql");
            return to == null ? null : new MetricMeasure(kind, null, to);
        }
        Entries stages = reader.mapping(e.node(key), e.path(key), "a pair of funnel stages", List.of("from", "to"));
        if (stages == null) {
            return null;
        }
        String from = stages.id("from", true, "a funnel stage id such as mql");
        String to = stages.id("to", true, "a funnel stage id such as sql");
        return from == null || to == null ? null : new MetricMeasure(kind, from, to);
    }

    private static String example(MetricMeasure.Kind kind) {
        return kind == MetricMeasure.Kind.COUNT ? "count: {stage: sql}" : kind.id() + ": {from: mql, to: sql}";
    }

    private Template template(Node node, String path) {
        Entries e = reader.mapping(node, path, "a template", List.of("id", "name", "description", "fields"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a template id");
        return new Template(id, orElse(e.text("name", false, "a name"), id), e.list("fields", "fields", this::field));
    }

    private Field field(Node node, String path) {
        Entries e = reader.mapping(node, path, "a template field",
                List.of("id", "name", "type", "required", "values", "description"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a field id");
        FieldType type = e.choice("type", true, Arrays.stream(FieldType.values()).map(FieldType::id).toList(),
                FieldType::byId, "a field type");
        List<String> values = e.texts("values", "choices");
        if (type == FieldType.ENUM && values.isEmpty()) {
            problems().add(Severity.ERROR, "missing-key", e.path("values"), problems().sourceMap().positionOf(path),
                    "expected 'values' listing the choices of enum field '" + id + "', found none");
        } else if (type != null && type != FieldType.ENUM && e.has("values")) {
            problems().add(Severity.ERROR, "bad-value", e.path("values"), problems().sourceMap().positionOf(e.path("values")),
                    "expected 'values' only on an enum field, found them on a " + type.id() + " field");
        }
        return new Field(id, orElse(e.text("name", false, "a name"), id), type, e.bool("required", false), values,
                e.text("description", false, "a description"));
    }

    private WorkType workType(Node node, String path) {
        Entries e = reader.mapping(node, path, "a work type", List.of(
                "id", "name", "description", "parent", "template", "success", "stages", "transitions", "done"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a work type id");
        if (!e.given("stages")) {
            problems().add(Severity.ERROR, "missing-key", e.path("stages"), problems().sourceMap().positionOf(path),
                    "expected 'stages' listing how work type '" + id + "' flows, found none");
        }
        return new WorkType(id, orElse(e.text("name", false, "a name"), id),
                e.id("parent", false, "a parent work type"),
                e.id("template", false, "a template id"),
                e.ids("success", "metric ids"),
                e.list("stages", "stages", this::stage),
                e.list("transitions", "stage changes like 'review -> build'", this::stageChange),
                e.ids("done", "final stage ids"));
    }

    private Stage stage(Node node, String path) {
        Entries e = reader.mapping(node, path, "a stage", List.of(
                "id", "name", "description", "kind", "owner", "decision", "exit", "gate", "sla", "optional"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a stage id");
        StageKind kind = e.choice("kind", true, Arrays.stream(StageKind.values()).map(StageKind::id).toList(),
                StageKind::byId, "a stage kind");
        return new Stage(id, orElse(e.text("name", false, "a name"), id), kind,
                owner(e),
                e.has("decision") ? decision(e.node("decision"), e.path("decision")) : null,
                e.ids("exit", "template field ids"),
                e.has("gate") ? gate(e.node("gate"), e.path("gate")) : null,
                e.duration("sla"),
                e.bool("optional", false));
    }

    /** One accountable owner; a list gets a hint on where the others belong. */
    private String owner(Entries e) {
        if (e.given("owner") && e.node("owner") instanceof org.yaml.snakeyaml.nodes.SequenceNode) {
            problems().add(Severity.ERROR, "wrong-type", e.path("owner"), NodeReader.position(e.node("owner")),
                    "expected one owner (a function, team or person), found a list: one party is accountable for a "
                            + "stage, name the others as decision contributors");
            return null;
        }
        return e.id("owner", false, "an owner (function, team or person)");
    }

    private DecisionRights decision(Node node, String path) {
        Entries e = reader.mapping(node, path, "decision rights", List.of("driver", "approver", "contributors", "informed"));
        if (e == null) {
            return null;
        }
        List<String> approvers = e.ids("approver", "the approver");
        if (approvers.size() != 1) {
            Position at = e.has("approver") ? problems().sourceMap().positionOf(e.path("approver"))
                    : problems().sourceMap().positionOf(path);
            String found = approvers.isEmpty() ? "none" : approvers.size() + " (" + String.join(", ", approvers) + ")";
            problems().add(Severity.ERROR, "approver-count", e.path("approver"), at,
                    "expected exactly one accountable approver, found " + found
                            + (approvers.size() > 1 ? "; keep one and list the others as contributors" : ""));
        }
        return new DecisionRights(e.id("driver", false, "a driver"),
                approvers.isEmpty() ? null : approvers.get(0),
                e.ids("contributors", "contributors"), e.ids("informed", "people or functions to inform"));
    }

    private Gate gate(Node node, String path) {
        Entries e = reader.mapping(node, path, "a gate", List.of("approvers", "mode"));
        if (e == null) {
            return null;
        }
        List<String> approvers = e.ids("approvers", "approvers");
        if (approvers.isEmpty()) {
            problems().add(Severity.ERROR, "missing-key", e.path("approvers"), problems().sourceMap().positionOf(path),
                    "expected 'approvers' naming who must approve at this gate, found none");
        }
        GateMode mode = e.choice("mode", false, List.of("all", "any"),
                s -> Arrays.stream(GateMode.values()).filter(m -> m.id().equals(s)).findFirst(), "a gate mode");
        return new Gate(approvers, mode == null ? GateMode.ALL : mode);
    }

    private StageChange stageChange(Node node, String path) {
        if (node instanceof MappingNode) {
            Entries e = reader.mapping(node, path, "a stage change", List.of("from", "to"));
            if (e == null) {
                return null;
            }
            String from = e.id("from", true, "a stage id");
            String to = e.id("to", true, "a stage id");
            return from == null || to == null ? null : new StageChange(from, to);
        }
        if (node instanceof ScalarNode scalar && !NodeReader.isNull(node)) {
            Matcher m = EDGE.matcher(scalar.getValue());
            if (m.matches()) {
                return new StageChange(m.group(1), m.group(2));
            }
        }
        reader.wrongType(path, node, "a stage change like 'review -> build'");
        return null;
    }

    private Handoff handoff(Node node, String path) {
        Entries e = reader.mapping(node, path, "a handoff",
                List.of("work-type", "from", "to", "at", "requires", "artifacts", "sla", "description"));
        if (e == null) {
            return null;
        }
        StageChange at = null;
        if (e.given("at")) {
            at = stageChange(e.node("at"), e.path("at"));
        } else {
            problems().add(Severity.ERROR, "missing-key", e.path("at"), problems().sourceMap().positionOf(path),
                    "expected 'at' naming the stage change of the handoff (e.g. brief -> build), found none");
        }
        return new Handoff(e.id("work-type", true, "a work type id"), e.id("from", true, "the handing function"),
                e.id("to", true, "the receiving function"), at, e.ids("requires", "template field ids"),
                e.texts("artifacts", "artifact names"), e.duration("sla"));
    }

    private Intake intake(Node node, String path) {
        Entries e = reader.mapping(node, path, "intake", List.of("forms", "prioritization"));
        if (e == null) {
            return Intake.NONE;
        }
        return new Intake(e.list("forms", "request forms", this::form),
                e.has("prioritization") ? prioritization(e.node("prioritization"), e.path("prioritization")) : null);
    }

    private IntakeForm form(Node node, String path) {
        Entries e = reader.mapping(node, path, "a request form",
                List.of("id", "name", "description", "template", "work-type", "submitters"));
        if (e == null) {
            return null;
        }
        String id = e.id("id", true, "a form id");
        return new IntakeForm(id, orElse(e.text("name", false, "a name"), id), e.id("template", true, "a template id"),
                e.id("work-type", false, "a work type id"), e.ids("submitters", "who may submit"));
    }

    private Prioritization prioritization(Node node, String path) {
        Entries e = reader.mapping(node, path, "a prioritisation scheme", List.of("scheme", "weights"));
        if (e == null) {
            return null;
        }
        PrioritizationScheme scheme = e.choice("scheme", true,
                Arrays.stream(PrioritizationScheme.values()).map(PrioritizationScheme::id).toList(),
                PrioritizationScheme::byId, "a prioritisation scheme");
        return new Prioritization(scheme, e.has("weights") ? weights(e.node("weights"), e.path("weights"), null) : Map.of());
    }

    private DebtSettings debt(Node node, String path) {
        Entries e = reader.mapping(node, path, "debt settings", List.of("weights", "wip-limit", "meetings"));
        if (e == null) {
            return DebtSettings.DEFAULT;
        }
        Double wip = e.number("wip-limit", "a whole number of items");
        if (wip != null && (wip < 1 || wip != Math.floor(wip))) {
            problems().add(Severity.ERROR, "bad-value", e.path("wip-limit"), problems().sourceMap().positionOf(e.path("wip-limit")),
                    "expected a whole number of items of at least 1, found " + wip);
            wip = null;
        }
        return new DebtSettings(e.has("weights") ? weights(e.node("weights"), e.path("weights"), DebtSettings.COMPONENTS) : Map.of(),
                wip == null ? null : wip.intValue(),
                e.has("meetings") ? meetings(e.node("meetings"), e.path("meetings")) : MeetingSettings.DEFAULT);
    }

    private FunnelSettings funnel(Node node, String path) {
        Entries e = reader.mapping(node, path, "the outcome funnel", List.of("stages", "opportunity", "handoff", "lost",
                "rejected"));
        if (e == null) {
            return FunnelSettings.NONE;
        }
        String from = null;
        String to = null;
        if (e.has("handoff")) {
            Entries h = reader.mapping(e.node("handoff"), e.path("handoff"), "the lead handoff", List.of("from", "to"));
            if (h != null) {
                from = h.id("from", false, "the funnel stage marketing hands over (default mql)");
                to = h.id("to", false, "the funnel stage that means sales accepted (default sql)");
            }
        }
        List<FunnelStage> stages = e.has("stages") ? e.list("stages", "funnel stages", this::funnelStage) : List.of();
        if (!e.has("stages")) {
            problems().add(Severity.ERROR, "missing-key", e.path("stages"), NodeReader.position(node),
                    "expected 'stages' (the funnel's stages in order, e.g. lead, mql, sql, opportunity, won) here, found no such key");
        }
        return new FunnelSettings(stages.stream().filter(java.util.Objects::nonNull).toList(),
                e.id("opportunity", false, "the funnel stage an opportunity enters when created"), from, to,
                e.given("lost") ? e.texts("lost", "opportunity stage names that mean lost") : List.of(),
                e.given("rejected") ? e.texts("rejected", "lead statuses that mean sent back") : List.of());
    }

    private FunnelStage funnelStage(Node node, String path) {
        Entries e = reader.mapping(node, path, "a funnel stage", List.of("id", "name", "statuses", "date-columns",
                "opportunity-stages"));
        if (e == null) {
            return null;
        }
        return new FunnelStage(e.id("id", true, "the stage's id"), e.text("name", false, "the stage's name"),
                e.given("statuses") ? e.texts("statuses", "lead statuses or lifecycle stages") : List.of(),
                e.given("date-columns") ? e.texts("date-columns", "column headers that date the stage") : List.of(),
                e.given("opportunity-stages") ? e.texts("opportunity-stages", "opportunity or deal stage names") : List.of());
    }

    private MeetingSettings meetings(Node node, String path) {
        Entries e = reader.mapping(node, path, "meeting settings", List.of("coordination-titles", "making-titles",
                "recurring-is-coordination", "routine-titles", "routine-generates-tasks", "task-window"));
        if (e == null) {
            return MeetingSettings.DEFAULT;
        }
        return new MeetingSettings(titles(e, "coordination-titles"), titles(e, "making-titles"),
                e.given("recurring-is-coordination") ? e.bool("recurring-is-coordination", true) : null,
                titles(e, "routine-titles"),
                e.given("routine-generates-tasks") ? e.bool("routine-generates-tasks", false) : null,
                e.duration("task-window"));
    }

    /** A list of title words or phrases; each must be a valid regular expression, said where it is not. */
    private List<String> titles(Entries e, String key) {
        if (!e.given(key)) {
            return null;
        }
        List<String> titles = e.texts(key, "a list of words or phrases");
        for (int i = 0; i < titles.size(); i++) {
            try {
                java.util.regex.Pattern.compile(titles.get(i));
            } catch (java.util.regex.PatternSyntaxException ex) {
                String at = e.path(key) + "[" + i + "]";
                problems().add(Severity.ERROR, "bad-value", at, problems().sourceMap().positionOf(at),
                        "expected a word, phrase or regular expression, found '" + titles.get(i) + "' ("
                                + ex.getDescription() + ")");
            }
        }
        return titles;
    }

    /** A mapping of name → non-negative weight; with {@code keys}, only those names. */
    private Map<String, Double> weights(Node node, String path, List<String> keys) {
        if (!(node instanceof MappingNode mapping)) {
            reader.wrongType(path, node, "a mapping of names to weights");
            return Map.of();
        }
        Entries e = reader.mapping(node, path, keys == null ? "weights" : "debt weights",
                keys != null ? keys : mapping.getValue().stream()
                        .map(t -> t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "").toList());
        Map<String, Double> result = new LinkedHashMap<>();
        if (e == null) {
            return result;
        }
        for (String key : e.keys()) {
            Double w = e.number(key, "a weight (a number of at least 0)");
            if (w != null && w < 0) {
                problems().add(Severity.ERROR, "bad-value", e.path(key), problems().sourceMap().positionOf(e.path(key)),
                        "expected a weight of at least 0, found " + w);
            } else if (w != null) {
                result.put(key, w);
            }
        }
        return java.util.Collections.unmodifiableMap(result);
    }

    private static String orElse(String value, String fallback) {
        return Optional.ofNullable(value).orElse(fallback);
    }
}
