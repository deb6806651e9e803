package dev.baton.model.validation;

import dev.baton.model.BusinessFunction;
import dev.baton.model.Component;
import dev.baton.model.Handoff;
import dev.baton.model.IntakeForm;
import dev.baton.model.Metric;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.Team;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Problems;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything that names something else must name something declared: owners and decision
 * rights name parties, work types name templates, metrics and parents, exit criteria and
 * handoff contracts name fields of the work type's template.
 */
final class ReferenceCheck implements ModelCheck {

    @Override
    public void check(OperatingModel model, Problems problems) {
        References refs = new References(model, problems);
        Set<String> functions = References.ids(model.functions(), BusinessFunction::id);
        Set<String> people = References.ids(model.people(), Person::id);
        Set<String> metrics = References.ids(model.metrics(), Metric::id);
        Set<String> templates = References.ids(model.templates(), Template::id);
        Set<String> workTypes = References.ids(model.workTypes(), WorkType::id);

        for (int i = 0; i < model.teams().size(); i++) {
            Team t = model.teams().get(i);
            String path = ModelCheck.at("teams", i);
            refs.check(path + ".function", t.function(), functions, "a function");
            refs.checkAll(path + ".members", t.members(), people, "a person");
        }
        for (int i = 0; i < model.people().size(); i++) {
            refs.check(ModelCheck.at("people", i) + ".function", model.people().get(i).function(), functions, "a function");
        }
        for (int i = 0; i < model.components().size(); i++) {
            Component c = model.components().get(i);
            refs.parties(ModelCheck.at("components", i) + ".owner", c.owners());
        }
        for (int i = 0; i < model.workTypes().size(); i++) {
            workType(model, problems, refs, model.workTypes().get(i), ModelCheck.at("work-types", i),
                    metrics, templates, workTypes);
        }
        for (int i = 0; i < model.handoffs().size(); i++) {
            handoff(model, problems, refs, model.handoffs().get(i), ModelCheck.at("handoffs", i), functions, workTypes);
        }
        for (int i = 0; i < model.intake().forms().size(); i++) {
            IntakeForm f = model.intake().forms().get(i);
            String path = ModelCheck.at("intake.forms", i);
            refs.check(path + ".template", f.template(), templates, "a template");
            refs.check(path + ".work-type", f.workType(), workTypes, "a work type");
            refs.parties(path + ".submitters", f.submitters());
        }
    }

    private void workType(OperatingModel model, Problems problems, References refs, WorkType w, String path,
                          Set<String> metrics, Set<String> templates, Set<String> workTypes) {
        refs.check(path + ".parent", w.parent(), workTypes, "a work type");
        boolean templateKnown = w.template() != null && refs.check(path + ".template", w.template(), templates, "a template");
        refs.checkAll(path + ".success", w.success(), metrics, "a metric");
        Set<String> stages = References.ids(w.stages(), Stage::id);
        Optional<Template> template = templateKnown ? model.template(w.template()) : Optional.empty();
        for (int j = 0; j < w.stages().size(); j++) {
            Stage s = w.stages().get(j);
            String sp = ModelCheck.at(path + ".stages", j);
            refs.party(sp + ".owner", s.owner());
            if (s.decision() != null) {
                refs.party(sp + ".decision.driver", s.decision().driver());
                refs.party(sp + ".decision.approver", s.decision().approver());
                refs.parties(sp + ".decision.contributors", s.decision().contributors());
                refs.parties(sp + ".decision.informed", s.decision().informed());
            }
            if (s.gate() != null) {
                refs.parties(sp + ".gate.approvers", s.gate().approvers());
            }
            fields(problems, w, template, templateKnown, sp + ".exit", s.exit(), "an exit criterion of stage " + s.id());
        }
        for (int j = 0; j < w.transitions().size(); j++) {
            StageChange t = w.transitions().get(j);
            String tp = ModelCheck.at(path + ".transitions", j);
            refs.check(tp, t.from(), stages, "a stage of " + w.id());
            refs.check(tp, t.to(), stages, "a stage of " + w.id());
        }
        refs.checkAll(path + ".done", w.done(), stages, "a stage of " + w.id());
    }

    private void handoff(OperatingModel model, Problems problems, References refs, Handoff h, String path,
                         Set<String> functions, Set<String> workTypes) {
        if (!refs.check(path + ".work-type", h.workType(), workTypes, "a work type")) {
            return;
        }
        function(model, problems, refs, path + ".from", h.from(), functions);
        function(model, problems, refs, path + ".to", h.to(), functions);
        WorkType w = model.workType(h.workType()).orElse(null);
        if (w == null) {
            return;
        }
        if (h.at() != null) {
            Set<String> stages = References.ids(w.stages(), Stage::id);
            boolean known = refs.check(path + ".at", h.at().from(), stages, "a stage of " + w.id())
                    & refs.check(path + ".at", h.at().to(), stages, "a stage of " + w.id());
            if (known && !w.stageChanges().contains(h.at())) {
                problems.error("not-a-stage-change", path + ".at", "expected a stage change of " + w.id() + " ("
                        + String.join(", ", w.stageChanges().stream().map(StageChange::toString).toList())
                        + "), found '" + h.at() + "'");
            }
        }
        boolean templateKnown = w.template() != null && model.template(w.template()).isPresent();
        fields(problems, w, model.template(w.template() == null ? "" : w.template()), templateKnown,
                path + ".requires", h.requires(), "a handed-over field");
    }

    /** Handoffs are between functions; naming a person or team gets a hint to name their function. */
    private void function(OperatingModel model, Problems problems, References refs, String path, String id,
                          Set<String> functions) {
        if (id == null || functions.contains(id)) {
            return;
        }
        var party = model.party(id);
        if (party.isPresent()) {
            problems.error("unknown-reference", path, "expected a function, found the " + party.get().kind() + " '"
                    + id + "' (use its function '" + party.get().functionId() + "')");
        } else {
            refs.check(path, id, functions, "a function");
        }
    }

    private void fields(Problems problems, WorkType w, Optional<Template> template, boolean templateKnown,
                        String path, List<String> fieldIds, String what) {
        if (fieldIds.isEmpty()) {
            return;
        }
        if (template.isEmpty()) {
            if (w.template() == null) {
                problems.error("missing-template", path, "expected work type " + w.id()
                        + " to declare a template whose fields " + what + " can name, found no template");
            }
            return; // an unknown template was reported where it is named
        }
        Set<String> known = References.ids(template.get().fields(), dev.baton.model.Field::id);
        for (int k = 0; k < fieldIds.size(); k++) {
            String id = fieldIds.get(k);
            if (id != null && !known.contains(id)) {
                problems.error("field-not-in-template", path + "[" + k + "]", "expected a field of template "
                        + template.get().id() + " (" + String.join(", ", known) + "), found '" + id + "'"
                        + dev.baton.model.problem.Suggestions.hint(id, known));
            }
        }
    }
}
