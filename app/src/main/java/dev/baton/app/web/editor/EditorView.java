package dev.baton.app.web.editor;

import dev.baton.model.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * The editor's page as labelled fields, each with the path of the value it edits and the problems
 * {@code baton model validate} reports at that path (or inside it: an item of a list field, a key
 * the field's mapping lacks). A problem whose path no field has is shown on the nearest item or
 * section around it, and every problem is also listed at the top with a link to where it is shown.
 */
final class EditorView {

    /** A problem (error, warning) or a refused edit, as shown at a field. */
    record Msg(String severity, String text, String code) {
        public boolean error() {
            return !severity.equals("warning");
        }
    }

    /**
     * One input. {@code kind}: text, number, bool, select, list (comma-separated), ref (text with
     * suggestions from {@code suggest}, the id of a datalist).
     */
    record Field(String domId, String label, String path, String kind, String value, String suggest,
                 List<String> options, String hint, List<Msg> msgs) {
        public boolean invalid() {
            return msgs.stream().anyMatch(Msg::error);
        }

        public boolean checked() {
            return "true".equalsIgnoreCase(value);
        }

        /** What aria-describedby names: the hint and the messages, when there are any. */
        public String describedBy() {
            String ids = (hint == null ? "" : domId + "-hint ") + (msgs.isEmpty() ? "" : domId + "-msg");
            return ids.isBlank() ? null : ids.strip();
        }
    }

    /** One item of a list (a stage, a person, a handoff...), its fields and the lists inside it. */
    record Item(String domId, String title, String path, int index, int size, List<Field> fields, List<Msg> msgs,
                List<Section> sections, List<RaciRow> raci) {
    }

    /** A list of the model and how to add to it ({@code add}: id, transition or handoff). */
    record Section(String domId, String title, String listPath, String add, String noun, String help, List<Item> items,
                   List<Msg> msgs, String suggest) {
    }

    /** A stage's decision rights as a row of the RACI grid. */
    record RaciRow(String stage, List<Field> cells) {
    }

    /** A problem in the list at the top, with where it is shown. */
    record Summary(String severity, String text, String code, String path, String anchor) {
    }

    private static final List<String> KINDS = List.of("making", "coordination", "waiting");
    private static final List<String> MODES = List.of("all", "any");
    private static final List<String> FIELD_TYPES = List.of("text", "number", "date", "enum", "list", "url", "person",
            "metric", "component");
    private static final List<String> SCHEMES = List.of("rice", "wsjf", "weighted");

    private final Object data;
    private final Map<String, List<Msg>> anchors = new LinkedHashMap<>();
    private final Map<String, String> anchorIds = new LinkedHashMap<>();
    private final List<Field> model = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();
    private final List<Field> intake = new ArrayList<>();
    private final List<Summary> summary = new ArrayList<>();
    private final Map<String, List<String>> suggestions = new TreeMap<>();

    /** The model's own fields (name, version, description). */
    public List<Field> model() {
        return model;
    }

    /** The lists of the model, in the order of the reference (functions first, intake forms last). */
    public List<Section> sections() {
        return sections;
    }

    /** The intake's prioritisation scheme. */
    public List<Field> intake() {
        return intake;
    }

    /** Every problem, in validation order, with where it is shown. */
    public List<Summary> summary() {
        return summary;
    }

    /** The ids a reference field may name, per datalist id. */
    public Map<String, List<String>> suggestions() {
        return suggestions;
    }

    private EditorView(Object data) {
        this.data = data;
    }

    /** The page for a draft's data, its problems and an edit just refused (path → reason; may be empty). */
    static EditorView of(Object data, List<Problem> problems, Map<String, String> refused) {
        EditorView view = new EditorView(data);
        anchor(view, "", "editor-problems");
        view.build();
        problems.forEach(p -> view.place(p.path(), new Msg(p.severity().label(), p.message(), p.code())));
        refused.forEach((path, reason) -> view.place(path, new Msg("refused", "Not changed: " + reason, "edit-refused")));
        return view;
    }

    private static void anchor(EditorView view, String path, String domId) {
        view.anchors.put(path, new ArrayList<>());
        view.anchorIds.put(path, domId);
    }

    static String domId(String prefix, String path) {
        return prefix + path.replace("[", "_").replace("]", "").replace(".", "__");
    }

    private void place(String path, Msg msg) {
        List<Object> steps = new ArrayList<>(YamlData.steps(path == null ? "" : path));
        while (!anchors.containsKey(YamlData.path(steps))) {
            steps.remove(steps.size() - 1);
        }
        String at = YamlData.path(steps);
        anchors.get(at).add(msg);
        summary.add(new Summary(msg.severity(), msg.text(), msg.code(), path, anchorIds.get(at)));
    }

    List<Msg> unplaced() {
        return anchors.get("");
    }

    boolean hasErrors() {
        return summary.stream().anyMatch(s -> !s.severity().equals("warning"));
    }

    long count(String severity) {
        return summary.stream().filter(s -> s.severity().equals(severity)).count();
    }

    // --- building -----------------------------------------------------------------------------

    private Field field(String label, String path, String kind, String suggest, List<String> options, String hint) {
        String domId = domId("f-", path);
        List<Msg> msgs = new ArrayList<>();
        anchors.put(path, msgs);
        anchorIds.put(path, domId);
        String value = YamlData.text(data, path);
        List<String> choices = options;
        if (options != null && !value.isEmpty() && !options.contains(value)) {
            choices = new ArrayList<>(options);
            choices.add(value);
        }
        return new Field(domId, label, path, kind, value, suggest, choices, hint, msgs);
    }

    private Field text(String label, String path) {
        return field(label, path, "text", null, null, null);
    }

    private Field ref(String label, String path, String suggest) {
        return field(label, path, "ref", suggest, null, null);
    }

    private Field list(String label, String path, String hint) {
        return field(label, path, "list", null, null, hint == null ? "Several, separated by commas." : hint);
    }

    private Field select(String label, String path, List<String> options) {
        return field(label, path, "select", null, options, null);
    }

    private Section section(String listPath, String title, String noun, String add, String help,
                            BiFunction<String, String, Item> item) {
        String domId = domId("s-", listPath);
        List<Msg> msgs = new ArrayList<>();
        anchors.put(listPath, msgs);
        anchorIds.put(listPath, domId);
        List<Object> values = YamlData.list(data, listPath);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String path = listPath + "[" + i + "]";
            String itemDomId = domId("i-", path);
            List<Msg> itemMsgs = new ArrayList<>();
            anchors.put(path, itemMsgs);
            anchorIds.put(path, itemDomId);
            Item built = item.apply(path, itemDomId);
            // an item that is one value (a stage change) shows its problems at its field only
            items.add(new Item(itemDomId, built.title(), path, i, values.size(), built.fields(),
                    anchors.get(path) == itemMsgs ? itemMsgs : List.of(), built.sections(), built.raci()));
        }
        String stages = listPath.endsWith(".transitions")
                ? domId("dl-", listPath.substring(0, listPath.length() - "transitions".length()) + "stages") : null;
        return new Section(domId, title, listPath, add, noun, help, items, msgs, stages);
    }

    private static Item item(String title, List<Field> fields) {
        return new Item(null, title, null, 0, 0, fields, null, List.of(), List.of());
    }

    private String idOf(String path, String noun) {
        String id = YamlData.text(data, path + ".id");
        return noun + " " + (id.isEmpty() ? "(no id yet)" : id);
    }

    private List<String> ids(String listPath) {
        return YamlData.list(data, listPath).stream().filter(v -> v instanceof Map<?, ?>)
                .map(v -> ((Map<?, ?>) v).get("id")).filter(id -> id != null).map(String::valueOf).toList();
    }

    private void build() {
        List<String> functions = ids("functions");
        List<String> parties = new ArrayList<>(functions);
        parties.addAll(ids("teams"));
        parties.addAll(ids("people"));
        suggestions.put("dl-functions", functions);
        suggestions.put("dl-parties", parties);
        suggestions.put("dl-templates", ids("templates"));
        suggestions.put("dl-work-types", ids("work-types"));

        model.add(text("Name of the model", "name"));
        model.add(text("Your version label", "version"));
        model.add(text("Description", "description"));

        sections.add(section("functions", "Functions", "function", "id",
                "The cross-functional participants (product, pmm, content, sales...).", (p, d) ->
                item(idOf(p, "Function"), List.of(text("Id", p + ".id"), text("Name", p + ".name")))));
        sections.add(section("teams", "Teams", "team", "id", null, (p, d) -> item(idOf(p, "Team"), List.of(
                text("Id", p + ".id"), text("Name", p + ".name"), ref("Function", p + ".function", "dl-functions"),
                list("Members", p + ".members", "Person ids, separated by commas.")))));
        sections.add(section("people", "People", "person", "id", null, (p, d) -> item(idOf(p, "Person"), List.of(
                text("Id", p + ".id"), text("Name", p + ".name"), ref("Function", p + ".function", "dl-functions"),
                field("Capacity", p + ".capacity", "text", null, null, "Hours a week or a day: 32h/week, 6h/day."),
                text("Email", p + ".email")))));
        sections.add(section("components", "Components and their owners", "component", "id",
                "Every model should give each of the seven core components (audience, content, messaging, channels, "
                        + "data, reporting, instrumentation) exactly one owner.", (p, d) ->
                item(idOf(p, "Component"), List.of(text("Id", p + ".id"), text("Name", p + ".name"),
                        ref("Owner", p + ".owner", "dl-parties")))));
        sections.add(section("metrics", "Metrics", "metric", "id", null, (p, d) -> item(idOf(p, "Metric"), List.of(
                text("Id", p + ".id"), text("Name", p + ".name"), text("Unit", p + ".unit"),
                text("Definition", p + ".definition"),
                field("Target", p + ".target", "number", null, null, "A number, in the unit.")))));
        sections.add(section("templates", "Templates and their fields", "template", "id", null, (p, d) -> {
            Section fields = section(p + ".fields", "Fields of " + YamlData.text(data, p + ".id"), "field", "id", null,
                    (f, fd) -> item(idOf(f, "Field"), List.of(text("Id", f + ".id"), text("Label", f + ".name"),
                            select("Type", f + ".type", FIELD_TYPES),
                            field("Required", f + ".required", "bool", null, null, null),
                            list("Values (enum only)", f + ".values", null), text("Help text", f + ".description"))));
            return new Item(null, idOf(p, "Template"), null, 0, 0, List.of(text("Id", p + ".id"), text("Name", p + ".name"),
                    text("Description", p + ".description")), null, List.of(fields), List.of());
        }));
        sections.add(section("work-types", "Work types", "work type", "id",
                "Stages run in the order listed; stage changes add rework and shortcuts.", this::workType));
        sections.add(section("handoffs", "Handoffs", "handoff", "handoff",
                "Where work changes function, what must be handed over and how long the receiver has to accept it.",
                (p, d) -> item("Handoff " + YamlData.text(data, p + ".work-type") + ": " + YamlData.text(data, p + ".from")
                        + " → " + YamlData.text(data, p + ".to"), List.of(
                        ref("Work type", p + ".work-type", "dl-work-types"), ref("From function", p + ".from", "dl-functions"),
                        ref("To function", p + ".to", "dl-functions"),
                        field("At stage change", p + ".at", "text", null, null, "from-stage -> to-stage"),
                        list("Requires (template fields)", p + ".requires", null),
                        list("Artifacts", p + ".artifacts", null),
                        field("SLA", p + ".sla", "text", null, null, "A duration: 4h, 2d, 1w, 1d12h.")))));
        sections.add(section("intake.forms", "Intake forms", "intake form", "id", null, (p, d) -> item(idOf(p, "Form"),
                List.of(text("Id", p + ".id"), text("Name", p + ".name"), ref("Template", p + ".template", "dl-templates"),
                        ref("Work type", p + ".work-type", "dl-work-types"),
                        list("Submitters", p + ".submitters", "Functions, teams or people, separated by commas.")))));
        intake.add(select("Prioritisation scheme", "intake.prioritization.scheme", SCHEMES));
        if ("weighted".equals(YamlData.text(data, "intake.prioritization.scheme"))) {
            for (String input : weighable()) {
                intake.add(field("Weight of " + input, "intake.prioritization.weights." + input, "number", null, null,
                        "How much " + input + " counts in the score; empty: not weighed."));
            }
        }
    }

    /**
     * The inputs a weighted scheme can weigh: those it weighs already, then the number fields of the
     * templates the intake forms ask for, so a new input is added by typing its weight.
     */
    private List<String> weighable() {
        java.util.Set<String> inputs = new java.util.LinkedHashSet<>(
                YamlData.map(data, "intake.prioritization.weights").keySet());
        java.util.Set<String> templates = new java.util.HashSet<>();
        for (Object form : YamlData.list(data, "intake.forms")) {
            if (form instanceof java.util.Map<?, ?> m && m.get("template") != null) {
                templates.add(String.valueOf(m.get("template")));
            }
        }
        for (Object template : YamlData.list(data, "templates")) {
            if (template instanceof java.util.Map<?, ?> t && templates.contains(String.valueOf(t.get("id")))
                    && t.get("fields") instanceof List<?> fields) {
                for (Object f : fields) {
                    if (f instanceof java.util.Map<?, ?> field && "number".equals(String.valueOf(field.get("type")))) {
                        inputs.add(String.valueOf(field.get("id")));
                    }
                }
            }
        }
        return List.copyOf(inputs);
    }

    private Item workType(String p, String domId) {
        String template = YamlData.text(data, p + ".template");
        suggestions.put(domId("dl-", p + ".stages"), ids(p + ".stages"));
        Section stages = section(p + ".stages", "Stages", "stage", "id", null, (s, sd) -> item(idOf(s, "Stage"), List.of(
                text("Id", s + ".id"), text("Name", s + ".name"), select("Kind", s + ".kind", KINDS),
                ref("Owner", s + ".owner", "dl-parties"),
                field("SLA", s + ".sla", "text", null, null, "A duration: 4h, 2d, 1w, 1d12h."),
                field("Optional", s + ".optional", "bool", null, null, null),
                list("Exit needs (template fields)", s + ".exit", template.isEmpty() ? null
                        : "Fields of " + template + ", separated by commas."),
                list("Gate approvers", s + ".gate.approvers", null), select("Gate mode", s + ".gate.mode", MODES))));
        List<RaciRow> raci = new ArrayList<>();
        for (Item stage : stages.items()) {
            String s = stage.path();
            String name = YamlData.text(data, s + ".id");
            raci.add(new RaciRow(name, List.of(
                    ref("Responsible (driver) of " + name, s + ".decision.driver", "dl-parties"),
                    ref("Accountable (approver) of " + name, s + ".decision.approver", "dl-parties"),
                    list("Consulted (contributors) of " + name, s + ".decision.contributors", null),
                    list("Informed of " + name, s + ".decision.informed", null))));
        }
        Section transitions = section(p + ".transitions", "Extra stage changes (rework, shortcuts)", "stage change",
                "transition", null, (t, td) -> item("Stage change " + YamlData.text(data, t),
                        List.of(field("Stage change", t, "text", null, null, "from-stage -> to-stage"))));
        List<Field> fields = List.of(text("Id", p + ".id"), text("Name", p + ".name"),
                ref("Parent work type", p + ".parent", "dl-work-types"), ref("Template", p + ".template", "dl-templates"),
                list("Success metrics", p + ".success", "Metric ids, separated by commas."),
                list("Done at (final stages)", p + ".done", "Defaults to the last stage."));
        return new Item(null, idOf(p, "Work type"), null, 0, 0, fields, null, List.of(stages, transitions), raci);
    }
}
