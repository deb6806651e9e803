package dev.baton.app.learning.web;

import dev.baton.engine.rights.Names;
import dev.baton.model.FieldType;
import dev.baton.model.OperatingModel;
import dev.baton.model.StageChange;
import dev.baton.model.WorkType;
import dev.baton.model.change.ProposedChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The form of a proposed model change: one kind chosen, each kind's inputs in a fieldset of its own
 * (every input works without JavaScript), turned into the change's members as the API takes them.
 * A stage or stage change is chosen as {@code work-type:stage} so that one list covers every work type.
 */
final class ChangeForm {

    /** Form parameters of the change are named {@code c.…}; {@code c.kind} empty means no change. */
    static final String KIND = "c.kind";

    private ChangeForm() {
    }

    /** A choice of a list: its value and its words; {@code group} is the work type's name for stages. */
    record Option(String value, String name, String group) {
    }

    /** What the form offers, from the current model. */
    record Choices(List<Option> stages, List<Option> stageChanges, List<Option> parties, List<Option> functions,
                   List<Option> templates, List<String> types) {
    }

    static Choices choices(OperatingModel model) {
        List<Option> stages = new ArrayList<>();
        List<Option> changes = new ArrayList<>();
        for (WorkType w : model.workTypes()) {
            String type = Names.workType(w);
            w.stages().forEach(s -> stages.add(new Option(w.id() + ":" + s.id(), type + " › " + Names.stage(w, s.id()), type)));
            for (StageChange c : w.stageChanges()) {
                changes.add(new Option(w.id() + ":" + c, type + ": " + Names.stage(w, c.from()) + " → "
                        + Names.stage(w, c.to()), type));
            }
        }
        List<Option> parties = new ArrayList<>();
        model.people().forEach(p -> parties.add(new Option(p.id(), p.name(), "People")));
        model.teams().forEach(t -> parties.add(new Option(t.id(), t.name(), "Teams")));
        model.functions().forEach(f -> parties.add(new Option(f.id(), f.name(), "Functions")));
        List<Option> functions = model.functions().stream().map(f -> new Option(f.id(), f.name(), null)).toList();
        List<Option> templates = model.templates().stream().map(t -> new Option(t.id(), t.name(), null)).toList();
        List<String> types = new ArrayList<>();
        for (FieldType t : FieldType.values()) {
            if (t != FieldType.ENUM) {
                types.add(t.id());
            }
        }
        return new Choices(stages, changes, parties, functions, templates, types);
    }

    /** Whether the form asks for a change at all. */
    static boolean asked(Map<String, String> form) {
        String kind = form.get(KIND);
        return kind != null && !kind.isBlank();
    }

    /** The change's members from the form (the reader of {@link ProposedChange#read} names what is missing). */
    static Map<String, Object> members(Map<String, String> form) {
        Map<String, Object> members = new LinkedHashMap<>();
        String kind = form.get(KIND).strip();
        members.put("kind", kind);
        switch (kind) {
            case ProposedChange.AddSla.KIND -> {
                stage(members, form.get("c.slaStage"));
                members.put("sla", form.get("c.sla"));
            }
            case ProposedChange.AddApprover.KIND -> {
                stage(members, form.get("c.approverStage"));
                members.put("approver", form.get("c.approver"));
            }
            case ProposedChange.DeclareHandoff.KIND -> {
                String at = form.get("c.at");
                int colon = at == null ? -1 : at.indexOf(':');
                members.put("workType", colon < 0 ? null : at.substring(0, colon));
                members.put("at", colon < 0 ? null : at.substring(colon + 1));
                members.put("from", form.get("c.from"));
                members.put("to", form.get("c.to"));
                members.put("requires", form.get("c.requires"));
                members.put("sla", form.get("c.handoffSla"));
            }
            case ProposedChange.AddRequiredField.KIND -> {
                members.put("template", form.get("c.template"));
                members.put("field", form.get("c.field"));
                members.put("type", form.get("c.fieldType"));
                members.put("name", form.get("c.fieldName"));
            }
            default -> {
                // an unknown kind: the reader says which kinds there are
            }
        }
        return members;
    }

    private static void stage(Map<String, Object> members, String choice) {
        int colon = choice == null ? -1 : choice.indexOf(':');
        members.put("workType", colon < 0 ? null : choice.substring(0, colon));
        members.put("stage", colon < 0 ? null : choice.substring(colon + 1));
    }
}
