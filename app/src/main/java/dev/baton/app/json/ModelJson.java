package dev.baton.app.json;

import dev.baton.model.Capacity;
import dev.baton.model.DecisionRights;
import dev.baton.model.Field;
import dev.baton.model.Gate;
import dev.baton.model.Handoff;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Prioritization;
import dev.baton.model.PrioritizationScheme;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.Template;
import dev.baton.model.WorkDuration;
import dev.baton.model.WorkType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalised model as JSON: the YAML's own key names, every default filled in (stage kinds,
 * gate modes, final stages), and derived values a tool needs without re-parsing (every stage
 * change of the flow, durations in hours, capacity in hours a week).
 */
public final class ModelJson {

    private ModelJson() {
    }

    public static Map<String, Object> model(OperatingModel m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("apiVersion", m.apiVersion());
        json.put("name", m.name());
        json.put("version", m.version());
        json.put("functions", m.functions().stream().map(f -> Json.ordered("id", f.id(), "name", f.name())).toList());
        json.put("teams", m.teams().stream().map(t -> Json.ordered("id", t.id(), "name", t.name(), "function", t.function(),
                "members", t.members())).toList());
        json.put("people", m.people().stream().map(ModelJson::person).toList());
        json.put("components", m.components().stream().map(c -> Json.ordered("id", c.id(), "name", c.name(),
                "owners", c.owners())).toList());
        json.put("metrics", m.metrics().stream().map(x -> Json.ordered("id", x.id(), "name", x.name(), "unit", x.unit(),
                "definition", x.definition(), "target", x.target())).toList());
        json.put("templates", m.templates().stream().map(ModelJson::template).toList());
        json.put("work-types", m.workTypes().stream().map(ModelJson::workType).toList());
        json.put("handoffs", m.handoffs().stream().map(ModelJson::handoff).toList());
        json.put("intake", Json.ordered("forms", m.intake().forms().stream().map(ModelJson::form).toList(),
                "prioritization", prioritization(m.intake().prioritization())));
        json.put("debt", Json.ordered("weights", m.debt().weights(), "wip-limit", m.debt().wipLimit()));
        return json;
    }

    private static Map<String, Object> person(Person p) {
        Capacity c = p.capacity();
        return Json.ordered("id", p.id(), "name", p.name(), "function", p.function(),
                "capacity", c == null ? null : c.text(), "capacityHoursPerWeek", c == null ? null : c.hoursPerWeek());
    }

    private static Map<String, Object> template(Template t) {
        return Json.ordered("id", t.id(), "name", t.name(), "fields", t.fields().stream().map(ModelJson::field).toList());
    }

    private static Map<String, Object> field(Field f) {
        return Json.ordered("id", f.id(), "name", f.name(), "type", f.type() == null ? null : f.type().id(),
                "required", f.required(), "values", f.values());
    }

    private static Map<String, Object> workType(WorkType w) {
        return Json.ordered("id", w.id(), "name", w.name(), "parent", w.parent(), "template", w.template(),
                "success", w.success(), "stages", w.stages().stream().map(ModelJson::stage).toList(),
                "transitions", w.transitions().stream().map(ModelJson::change).toList(),
                "done", w.finalStages(),
                "stageChanges", w.stageChanges().stream().map(ModelJson::change).toList());
    }

    private static Map<String, Object> stage(Stage s) {
        return Json.ordered("id", s.id(), "name", s.name(), "kind", s.kind() == null ? null : s.kind().id(),
                "owner", s.owner(), "decision", decision(s.decision()), "exit", s.exit(), "gate", gate(s.gate()),
                "sla", text(s.sla()), "slaHours", hours(s.sla()), "optional", s.optional());
    }

    private static Map<String, Object> decision(DecisionRights d) {
        return d == null ? null : Json.ordered("driver", d.driver(), "approver", d.approver(),
                "contributors", d.contributors(), "informed", d.informed());
    }

    private static Map<String, Object> gate(Gate g) {
        return g == null ? null : Json.ordered("approvers", g.approvers(), "mode", g.mode().id());
    }

    private static Map<String, Object> change(StageChange c) {
        return Json.ordered("from", c.from(), "to", c.to());
    }

    private static Map<String, Object> handoff(Handoff h) {
        return Json.ordered("work-type", h.workType(), "from", h.from(), "to", h.to(),
                "at", h.at() == null ? null : change(h.at()), "requires", h.requires(), "artifacts", h.artifacts(),
                "sla", text(h.sla()), "slaHours", hours(h.sla()));
    }

    private static Map<String, Object> form(IntakeForm f) {
        return Json.ordered("id", f.id(), "name", f.name(), "template", f.template(), "work-type", f.workType(),
                "submitters", f.submitters());
    }

    private static Map<String, Object> prioritization(Prioritization p) {
        return p == null ? null : Json.ordered("scheme", p.scheme() == null ? null : p.scheme().id(),
                "inputs", p.scheme() == null ? List.of()
                        : p.scheme() == PrioritizationScheme.WEIGHTED ? List.copyOf(p.weights().keySet()) : p.scheme().inputs(),
                "weights", p.weights());
    }

    private static String text(WorkDuration d) {
        return d == null ? null : d.text();
    }

    private static Double hours(WorkDuration d) {
        return d == null ? null : d.hours();
    }
}
