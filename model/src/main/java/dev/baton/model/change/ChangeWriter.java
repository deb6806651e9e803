package dev.baton.model.change;

import dev.baton.model.Field;
import dev.baton.model.FieldType;
import dev.baton.model.Gate;
import dev.baton.model.Handoff;
import dev.baton.model.OperatingModel;
import dev.baton.model.Party;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.Template;
import dev.baton.model.WorkDuration;
import dev.baton.model.WorkType;
import dev.baton.model.change.ProposedChange.AddApprover;
import dev.baton.model.change.ProposedChange.AddRequiredField;
import dev.baton.model.change.ProposedChange.AddSla;
import dev.baton.model.change.ProposedChange.DeclareHandoff;
import dev.baton.model.edit.EditRefused;
import dev.baton.model.edit.EditResult;
import dev.baton.model.edit.ModelEdit;
import dev.baton.model.edit.ModelEditor;
import dev.baton.model.problem.Problem;
import dev.baton.model.validation.ModelValidation;
import dev.baton.model.validation.ValidationReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a {@link ProposedChange} into a model's YAML text with {@link ModelEditor}: only the lines
 * of the change differ, comments and layout stay as they were, and the new text comes with the
 * validation {@code baton model validate} gives it. The change is checked against the model first,
 * so that a change naming what the model lacks, or one the model has already, is refused with a
 * sentence in the model's own names rather than with a path.
 */
public final class ChangeWriter {

    private static final Pattern STAGE_CHANGE = Pattern.compile("\\s*([^\\s>-][^>]*?)\\s*-+>\\s*(\\S.*?)\\s*");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ChangeWriter() {
    }

    /** The edits of one change and what they do, in words. */
    private record Plan(List<ModelEdit> edits, String summary) {
    }

    /**
     * The text with the change written into it.
     *
     * @param file the name the validation report gives the text ({@code model.yaml})
     * @throws ChangeRefused when the change does not apply to this model (the reason says why)
     */
    public static WrittenChange write(String file, String text, ProposedChange change) throws ChangeRefused {
        ValidationReport base = ModelValidation.validate(file, text);
        OperatingModel model = base.model();
        if (model == null) {
            throw new ChangeRefused("The model does not read, so nothing can be written into it: "
                    + base.errors().stream().findFirst().map(Problem::message).orElse("it is empty"));
        }
        Object data;
        try {
            data = ModelEditor.data(text);
        } catch (EditRefused e) {
            throw new ChangeRefused("The model does not read as YAML: " + e.reason());
        }
        Plan plan;
        if (change instanceof AddSla c) {
            plan = sla(model, data, c);
        } else if (change instanceof AddApprover c) {
            plan = approver(model, data, c);
        } else if (change instanceof DeclareHandoff c) {
            plan = handoff(model, data, c);
        } else {
            plan = requiredField(model, data, (AddRequiredField) change);
        }
        try {
            EditResult result = ModelEditor.apply(file, text, plan.edits());
            return new WrittenChange(change, text, result.text(), result.report(), plan.summary());
        } catch (EditRefused e) {
            throw new ChangeRefused("The change can't be written into this model's text: " + e.getMessage());
        }
    }

    private static Plan sla(OperatingModel model, Object data, AddSla c) throws ChangeRefused {
        WorkType type = workType(model, c.workType());
        Stage stage = stage(type, c.stage());
        WorkDuration sla = duration(c.sla(), "sla");
        String path = stagePath(data, type, stage);
        String where = name(type) + " › " + name(stage);
        if (stage.sla() != null) {
            if (stage.sla().value().equals(sla.value())) {
                throw new ChangeRefused(where + " has an SLA of " + stage.sla().text() + " already; the change would change nothing");
            }
            String how = sla.value().compareTo(stage.sla().value()) < 0 ? "tightened" : "loosened";
            return new Plan(List.of(ModelEdit.set(path + ".sla", sla.text())),
                    where + ": SLA " + how + " from " + stage.sla().text() + " to " + sla.text());
        }
        return new Plan(List.of(ModelEdit.addKey(path, "sla", sla.text(),
                after(map(data, path), "optional", "owner", "kind", "name", "id"))), where + ": SLA " + sla.text() + " added");
    }

    private static Plan approver(OperatingModel model, Object data, AddApprover c) throws ChangeRefused {
        WorkType type = workType(model, c.workType());
        Stage stage = stage(type, c.stage());
        Party party = model.party(c.approver()).orElseThrow(() -> new ChangeRefused("The model has no person, team or "
                + "function '" + c.approver() + "' to approve " + name(type) + " › " + name(stage)));
        String path = stagePath(data, type, stage);
        String where = name(type) + " › " + name(stage);
        Gate gate = stage.gate();
        if (gate == null) {
            Map<String, Object> newGate = new LinkedHashMap<>();
            newGate.put("approvers", List.of(party.id()));
            newGate.put("mode", "any");
            return new Plan(List.of(ModelEdit.addKey(path, "gate", newGate,
                    after(map(data, path), "sla", "optional", "owner", "kind", "name", "id"))),
                    where + ": gate added, approved by " + party.name());
        }
        if (gate.approvers().contains(party.id())) {
            throw new ChangeRefused(party.name() + " approves " + where + " already; the change would change nothing");
        }
        Object approvers = map(data, path).get("gate") instanceof Map<?, ?> g ? g.get("approvers") : null;
        ModelEdit edit = approvers instanceof List<?> list ? ModelEdit.insert(path + ".gate.approvers", list.size(), party.id())
                : ModelEdit.replace(path + ".gate.approvers", List.of(String.valueOf(approvers), party.id()));
        return new Plan(List.of(edit), where + ": approvers + " + party.name());
    }

    private static Plan handoff(OperatingModel model, Object data, DeclareHandoff c) throws ChangeRefused {
        WorkType type = workType(model, c.workType());
        String from = function(model, c.from(), "from");
        String to = function(model, c.to(), "to");
        if (from.equals(to)) {
            throw new ChangeRefused("A handoff goes from one function to another; from and to are both '" + from + "'");
        }
        Matcher m = STAGE_CHANGE.matcher(c.at());
        if (!m.matches()) {
            throw new ChangeRefused("expected at as a stage change 'from-stage -> to-stage', found '" + c.at() + "'");
        }
        StageChange at = new StageChange(m.group(1), m.group(2));
        if (!type.stageChanges().contains(at)) {
            throw new ChangeRefused(name(type) + " has no stage change " + at + "; its stage changes are "
                    + String.join(", ", type.stageChanges().stream().map(StageChange::toString).toList()));
        }
        for (Handoff h : model.handoffsOf(type.id())) {
            if (at.equals(h.at())) {
                throw new ChangeRefused("A handoff is declared at " + at + " of " + name(type) + " already (from "
                        + h.from() + " to " + h.to() + "); the change would add a second one");
            }
        }
        Template template = type.template() == null ? null : model.template(type.template()).orElse(null);
        for (String field : c.requires()) {
            if (template == null || template.field(field).isEmpty()) {
                throw new ChangeRefused("A handoff of " + name(type) + " can only require fields of its template"
                        + (template == null ? ", and it has none" : " " + name(template) + ", which has no field '" + field + "'"));
            }
        }
        Map<String, Object> handoff = new LinkedHashMap<>();
        handoff.put("work-type", type.id());
        handoff.put("from", from);
        handoff.put("to", to);
        handoff.put("at", at.toString());
        if (!c.requires().isEmpty()) {
            handoff.put("requires", c.requires());
        }
        if (c.sla() != null) {
            handoff.put("sla", duration(c.sla(), "sla").text());
        }
        Object handoffs = ((Map<?, ?>) data).get("handoffs");
        ModelEdit edit = handoffs instanceof List<?> list ? ModelEdit.insert("handoffs", list.size(), handoff)
                : ModelEdit.addKey("", "handoffs", List.of(handoff));
        return new Plan(List.of(edit), name(type) + ": handoff from " + model.function(from).orElseThrow().name()
                + " to " + model.function(to).orElseThrow().name() + " declared at " + at.from() + " → " + at.to()
                + (c.sla() == null ? "" : " with an SLA of " + c.sla()));
    }

    private static Plan requiredField(OperatingModel model, Object data, AddRequiredField c) throws ChangeRefused {
        Template template = model.template(c.template()).orElseThrow(() -> new ChangeRefused("The model has no template '"
                + c.template() + "'; its templates are " + ids(model.templates().stream().map(Template::id).toList())));
        if (!ID.matcher(c.field()).matches()) {
            throw new ChangeRefused("expected a field id of letters, digits, '-', '_' and '.', found '" + c.field() + "'");
        }
        int t = index(((Map<?, ?>) data).get("templates"), template.id());
        String templatePath = "templates[" + t + "]";
        Field existing = template.field(c.field()).orElse(null);
        if (existing != null) {
            String where = "Template " + name(template) + " › " + (existing.name() == null ? existing.id() : existing.name());
            if (existing.required()) {
                throw new ChangeRefused(where + " is required already; the change would change nothing");
            }
            if (c.type() != null && existing.type() != null && !existing.type().id().equals(c.type())) {
                throw new ChangeRefused(where + " is a " + existing.type().id() + " field, not " + c.type()
                        + "; propose it with its own type or another field id");
            }
            String path = templatePath + ".fields[" + index(map(data, templatePath).get("fields"), existing.id()) + "]";
            Map<?, ?> field = map(data, path);
            ModelEdit edit = field.containsKey("required") ? ModelEdit.set(path + ".required", true)
                    : ModelEdit.addKey(path, "required", true, after(field, "type", "name", "id"));
            return new Plan(List.of(edit), where + ": now required");
        }
        String type = c.type() == null ? FieldType.TEXT.id() : c.type();
        if (FieldType.byId(type).isEmpty()) {
            throw new ChangeRefused("expected type to be one of " + FieldType.ids() + ", found '" + type + "'");
        }
        if (type.equals(FieldType.ENUM.id())) {
            throw new ChangeRefused("A new enum field needs its allowed values; add it in the model editor, or propose "
                    + "another type");
        }
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("id", c.field());
        if (c.name() != null) {
            field.put("name", c.name());
        }
        field.put("type", type);
        field.put("required", true);
        Object fields = map(data, templatePath).get("fields");
        ModelEdit edit = fields instanceof List<?> list ? ModelEdit.insert(templatePath + ".fields", list.size(), field)
                : ModelEdit.addKey(templatePath, "fields", List.of(field));
        return new Plan(List.of(edit), "Template " + name(template) + ": required field "
                + (c.name() == null ? c.field() : c.name()) + " (" + type + ") added");
    }

    private static WorkType workType(OperatingModel model, String id) throws ChangeRefused {
        return model.workType(id).orElseThrow(() -> new ChangeRefused("The model has no work type '" + id
                + "'; its work types are " + ids(model.workTypes().stream().map(WorkType::id).toList())));
    }

    private static Stage stage(WorkType type, String id) throws ChangeRefused {
        return type.stage(id).orElseThrow(() -> new ChangeRefused(name(type) + " has no stage '" + id
                + "'; its stages are " + ids(type.stages().stream().map(Stage::id).toList())));
    }

    private static String function(OperatingModel model, String id, String member) throws ChangeRefused {
        if (model.function(id).isPresent()) {
            return id;
        }
        throw new ChangeRefused("expected " + member + " to be a function (handoffs go between functions), found '" + id
                + "'; the functions are " + ids(model.functions().stream().map(f -> f.id()).toList()));
    }

    private static WorkDuration duration(String text, String member) throws ChangeRefused {
        return WorkDuration.parse(text).orElseThrow(() -> new ChangeRefused("expected " + member
                + " as a duration such as 30m, 36h, 2d or 1w, found '" + text + "'"));
    }

    private static String stagePath(Object data, WorkType type, Stage stage) throws ChangeRefused {
        String typePath = "work-types[" + index(((Map<?, ?>) data).get("work-types"), type.id()) + "]";
        return typePath + ".stages[" + index(map(data, typePath).get("stages"), stage.id()) + "]";
    }

    /** The position of the item with this id in a list of mappings. */
    private static int index(Object list, String id) throws ChangeRefused {
        if (list instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> item && Objects.equals(item.get("id"), id)) {
                    return i;
                }
            }
        }
        // the model was read from this text, so its ids are in it; only a YAML alias hides one
        throw new ChangeRefused("'" + id + "' is not written in this model's text where the change would go "
                + "(it may be shared through a YAML anchor); make the change in the model editor");
    }

    /** The mapping at a path of positions ({@code work-types[1].stages[2]}). */
    private static Map<?, ?> map(Object data, String path) throws ChangeRefused {
        Object at = data;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            String key = bracket < 0 ? step : step.substring(0, bracket);
            at = at instanceof Map<?, ?> m ? m.get(key) : null;
            if (bracket >= 0) {
                int i = Integer.parseInt(step.substring(bracket + 1, step.length() - 1));
                at = at instanceof List<?> l && i < l.size() ? l.get(i) : null;
            }
        }
        if (at instanceof Map<?, ?> m) {
            return m;
        }
        throw new ChangeRefused("expected a mapping at " + path + " of the model's text; make the change in the model editor");
    }

    /** The first of these keys the mapping has: the new key goes after it (null: at the end). */
    private static String after(Map<?, ?> mapping, String... keys) {
        for (String key : keys) {
            if (mapping.containsKey(key)) {
                return key;
            }
        }
        return null;
    }

    private static String name(WorkType type) {
        return type.name() == null ? type.id() : type.name();
    }

    private static String name(Stage stage) {
        return stage.name() == null ? stage.id() : stage.name();
    }

    private static String name(Template template) {
        return template.name() == null ? template.id() : template.name();
    }

    private static String ids(List<String> ids) {
        return String.join(", ", ids);
    }
}
