package dev.baton.model.compare;

import dev.baton.model.BusinessFunction;
import dev.baton.model.Component;
import dev.baton.model.DecisionRights;
import dev.baton.model.Field;
import dev.baton.model.Gate;
import dev.baton.model.Handoff;
import dev.baton.model.IntakeForm;
import dev.baton.model.Metric;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.StageChange;
import dev.baton.model.Team;
import dev.baton.model.Template;
import dev.baton.model.WorkDuration;
import dev.baton.model.WorkType;
import dev.baton.model.compare.ModelChange.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of an operating model, in the words of the people who own it:
 * "Stage QA added to Campaign after Build", "Campaign › Review: SLA tightened from 3d to 2d",
 * "Campaign › Brief review: approvers + Legal, − Product marketing". Things are matched by id, so a
 * renamed id reads as one removed and one added; a changed name reads as a rename.
 */
public final class ModelComparison {

    private final List<ModelChange> changes = new ArrayList<>();

    private ModelComparison() {
    }

    /** The changes from {@code before} to {@code after}, work types first, in the order of the new model. */
    public static List<ModelChange> compare(OperatingModel before, OperatingModel after) {
        ModelComparison c = new ModelComparison();
        c.workTypes(before, after);
        c.handoffs(before.handoffs(), after.handoffs());
        c.templates(before.templates(), after.templates());
        c.keyed("function", "functions", null, before.functions(), after.functions(), BusinessFunction::id,
                BusinessFunction::name, (path, b, a) -> c.renamed("function", null, path, b.name(), a.name()));
        c.keyed("person", "people", null, before.people(), after.people(), Person::id, Person::name,
                (path, b, a) -> c.person(path, b, a));
        c.keyed("team", "teams", null, before.teams(), after.teams(), Team::id, Team::name, (path, b, a) -> {
            c.renamed("team", null, path, b.name(), a.name());
            c.value("team", null, path + ".function", "Team " + a.name() + ": function", b.function(), a.function());
            c.members("team", null, path + ".members", "Team " + a.name() + ": members", b.members(), a.members());
        });
        c.keyed("component", "components", null, before.components(), after.components(), Component::id,
                Component::name, (path, b, a) -> {
                    c.renamed("component", null, path, b.name(), a.name());
                    c.members("component", null, path + ".owners", "Component " + a.name() + ": owners", b.owners(),
                            a.owners());
                });
        c.keyed("metric", "metrics", null, before.metrics(), after.metrics(), Metric::id, Metric::name, (path, b, a) -> {
            c.renamed("metric", null, path, b.name(), a.name());
            c.value("metric", null, path + ".target", "Metric " + a.name() + ": target", text(b.target()), text(a.target()));
            c.value("metric", null, path + ".unit", "Metric " + a.name() + ": unit", b.unit(), a.unit());
            c.value("metric", null, path + ".definition", "Metric " + a.name() + ": definition", b.definition(),
                    a.definition());
            c.value("metric", null, path + ".measure", "Metric " + a.name() + ": measure",
                    b.measure() == null ? null : b.measure().describe(), a.measure() == null ? null : a.measure().describe());
            c.value("metric", null, path + ".per", "Metric " + a.name() + ": per", b.per().id(), a.per().id());
        });
        c.intake(before, after);
        c.value("debt", null, "debt.wip-limit", "Debt settings: WIP limit", text(before.debt().wipLimit()),
                text(after.debt().wipLimit()));
        c.value("debt", null, "debt.weights", "Debt settings: component weights", String.valueOf(before.debt().weights()),
                String.valueOf(after.debt().weights()));
        c.value("model", null, "name", "The model's name", before.name(), after.name());
        return List.copyOf(c.changes);
    }

    private void workTypes(OperatingModel before, OperatingModel after) {
        keyed("work-type", "work-types", null, before.workTypes(), after.workTypes(), WorkType::id, WorkType::name,
                (path, b, a) -> {
                    renamed("work-type", a.id(), path, b.name(), a.name());
                    value("work-type", a.id(), path + ".template", a.name() + ": template", b.template(), a.template());
                    value("work-type", a.id(), path + ".parent", a.name() + ": parent work type", b.parent(), a.parent());
                    stages(path, b, a);
                    members("work-type", a.id(), path + ".transitions", a.name() + ": transitions",
                            b.transitions().stream().map(ModelComparison::arrow).toList(),
                            a.transitions().stream().map(ModelComparison::arrow).toList());
                    members("work-type", a.id(), path + ".done", a.name() + ": done stages", b.done(), a.done());
                    members("work-type", a.id(), path + ".success", a.name() + ": success metrics", b.success(), a.success());
                });
    }

    private void stages(String typePath, WorkType before, WorkType after) {
        String path = typePath + ".stages";
        Map<String, Stage> old = byId(before.stages(), Stage::id);
        Map<String, Stage> now = byId(after.stages(), Stage::id);
        for (int i = 0; i < after.stages().size(); i++) {
            Stage s = after.stages().get(i);
            String at = path + "[" + s.id() + "]";
            Stage b = old.get(s.id());
            if (b == null) {
                String where = i == 0 ? "first" : "after " + after.stages().get(i - 1).name();
                add("stage", Kind.ADDED, after.id(), at, null, s.id(),
                        "Stage " + s.name() + " added to " + after.name() + " (" + where + ")");
            } else {
                stage(after, at, b, s);
            }
        }
        for (Stage s : before.stages()) {
            if (!now.containsKey(s.id())) {
                add("stage", Kind.REMOVED, after.id(), path + "[" + s.id() + "]", s.id(), null,
                        "Stage " + s.name() + " removed from " + after.name());
            }
        }
        List<String> kept = before.stages().stream().map(Stage::id).filter(now::containsKey).toList();
        List<String> keptNow = after.stages().stream().map(Stage::id).filter(old::containsKey).toList();
        if (!kept.equals(keptNow)) {
            add("stage", Kind.REORDERED, after.id(), path, String.join(" → ", kept), String.join(" → ", keptNow),
                    after.name() + ": stages reordered to " + String.join(" → ", keptNow));
        }
    }

    private void stage(WorkType type, String path, Stage b, Stage a) {
        String name = type.name() + " › " + a.name();
        renamed("stage", type.id(), path, b.name(), a.name());
        value("stage", type.id(), path + ".kind", name + ": kind", text(b.kind()), text(a.kind()));
        value("stage", type.id(), path + ".owner", name + ": owner", b.owner(), a.owner());
        value("stage", type.id(), path + ".optional", name + ": optional", String.valueOf(b.optional()),
                String.valueOf(a.optional()));
        sla("stage", type.id(), path + ".sla", name, b.sla(), a.sla());
        members("stage", type.id(), path + ".exit", name + ": exit fields", b.exit(), a.exit());
        gate(type.id(), path + ".gate", name, b.gate(), a.gate());
        decision(type.id(), path + ".decision", name, b.decision(), a.decision());
    }

    private void gate(String workType, String path, String name, Gate b, Gate a) {
        if (b == null && a == null) {
            return;
        }
        if (b == null) {
            add("gate", Kind.ADDED, workType, path, null, String.join(", ", a.approvers()),
                    name + ": gate added, approved by " + String.join(", ", a.approvers()) + " (" + text(a.mode()) + ")");
        } else if (a == null) {
            add("gate", Kind.REMOVED, workType, path, String.join(", ", b.approvers()), null, name + ": gate removed");
        } else {
            members("gate", workType, path + ".approvers", name + ": approvers", b.approvers(), a.approvers());
            value("gate", workType, path + ".mode", name + ": approval mode", text(b.mode()), text(a.mode()));
        }
    }

    private void decision(String workType, String path, String name, DecisionRights b, DecisionRights a) {
        DecisionRights none = new DecisionRights(null, null, List.of(), List.of());
        DecisionRights before = b == null ? none : b;
        DecisionRights after = a == null ? none : a;
        value("decision-rights", workType, path + ".driver", name + ": driver (R)", before.driver(), after.driver());
        value("decision-rights", workType, path + ".approver", name + ": approver (A)", before.approver(), after.approver());
        members("decision-rights", workType, path + ".contributors", name + ": contributors (C)", before.contributors(),
                after.contributors());
        members("decision-rights", workType, path + ".informed", name + ": informed (I)", before.informed(),
                after.informed());
    }

    private void handoffs(List<Handoff> before, List<Handoff> after) {
        Function<Handoff, String> key = h -> h.workType() + ": " + h.from() + " -> " + h.to();
        keyed("handoff", "handoffs", null, before, after, key, key, (path, b, a) -> {
            String name = "Handoff " + a.from() + " → " + a.to();
            sla("handoff", a.workType(), path + ".sla", name, b.sla(), a.sla());
            members("handoff", a.workType(), path + ".requires", name + ": requires", b.requires(), a.requires());
            members("handoff", a.workType(), path + ".artifacts", name + ": artifacts", b.artifacts(), a.artifacts());
            value("handoff", a.workType(), path + ".at", name + ": sent at", arrow(b.at()), arrow(a.at()));
        });
    }

    private void templates(List<Template> before, List<Template> after) {
        keyed("template", "templates", null, before, after, Template::id, Template::name, (path, b, a) -> {
            renamed("template", null, path, b.name(), a.name());
            keyed("template", path + ".fields", null, b.fields(), a.fields(), Field::id, Field::name, (fieldPath, fb, fa) -> {
                String name = "Template " + a.name() + " › " + fa.name();
                renamed("template", null, fieldPath, fb.name(), fa.name());
                value("template", null, fieldPath + ".type", name + ": type", text(fb.type()), text(fa.type()));
                value("template", null, fieldPath + ".required", name + ": required", String.valueOf(fb.required()),
                        String.valueOf(fa.required()));
                members("template", null, fieldPath + ".values", name + ": allowed values", fb.values(), fa.values());
            });
        });
    }

    private void person(String path, Person b, Person a) {
        renamed("person", null, path, b.name(), a.name());
        value("person", null, path + ".function", a.name() + ": function", b.function(), a.function());
        value("person", null, path + ".capacity", a.name() + ": capacity",
                b.capacity() == null ? null : b.capacity().text(), a.capacity() == null ? null : a.capacity().text());
    }

    private void intake(OperatingModel before, OperatingModel after) {
        List<IntakeForm> old = before.intake() == null ? List.of() : before.intake().forms();
        List<IntakeForm> now = after.intake() == null ? List.of() : after.intake().forms();
        keyed("intake-form", "intake.forms", null, old, now, IntakeForm::id, IntakeForm::name, (path, b, a) -> {
            renamed("intake-form", null, path, b.name(), a.name());
            value("intake-form", null, path + ".work-type", "Intake form " + a.name() + ": work type", b.workType(),
                    a.workType());
            value("intake-form", null, path + ".template", "Intake form " + a.name() + ": template", b.template(),
                    a.template());
            members("intake-form", null, path + ".submitters", "Intake form " + a.name() + ": submitters", b.submitters(),
                    a.submitters());
        });
        var bp = before.intake() == null ? null : before.intake().prioritization();
        var ap = after.intake() == null ? null : after.intake().prioritization();
        value("intake", null, "intake.prioritization.scheme", "Intake: prioritisation scheme",
                bp == null ? null : text(bp.scheme()), ap == null ? null : text(ap.scheme()));
        value("intake", null, "intake.prioritization.weights", "Intake: prioritisation weights",
                bp == null || bp.weights() == null || bp.weights().isEmpty() ? null : String.valueOf(bp.weights()),
                ap == null || ap.weights() == null || ap.weights().isEmpty() ? null : String.valueOf(ap.weights()));
    }

    /** A list of things with ids: added, removed, and for those in both, what {@code both} finds. */
    private <T> void keyed(String area, String listPath, String workType, List<T> before, List<T> after,
                           Function<T, String> id, Function<T, String> name, Both<T> both) {
        Map<String, T> old = byId(before, id);
        Map<String, T> now = byId(after, id);
        String noun = noun(area);
        for (T a : after) {
            String path = listPath + "[" + id.apply(a) + "]";
            T b = old.get(id.apply(a));
            if (b == null) {
                add(area, Kind.ADDED, workType, path, null, id.apply(a), noun + " " + label(name.apply(a), id.apply(a))
                        + " added");
            } else {
                both.compare(path, b, a);
            }
        }
        for (T b : before) {
            if (!now.containsKey(id.apply(b))) {
                add(area, Kind.REMOVED, workType, listPath + "[" + id.apply(b) + "]", id.apply(b), null,
                        noun + " " + label(name.apply(b), id.apply(b)) + " removed");
            }
        }
    }

    @FunctionalInterface
    private interface Both<T> {
        void compare(String path, T before, T after);
    }

    private void sla(String area, String workType, String path, String name, WorkDuration b, WorkDuration a) {
        if (Objects.equals(text(b), text(a))) {
            return;
        }
        if (b == null) {
            add(area, Kind.ADDED, workType, path, null, a.text(), name + ": SLA of " + a.text() + " set");
        } else if (a == null) {
            add(area, Kind.REMOVED, workType, path, b.text(), null, name + ": SLA of " + b.text() + " removed");
        } else {
            int order = a.value().compareTo(b.value());
            Kind kind = order < 0 ? Kind.TIGHTENED : order > 0 ? Kind.LOOSENED : Kind.CHANGED;
            String verb = order < 0 ? "tightened" : order > 0 ? "loosened" : "rewritten";
            add(area, kind, workType, path, b.text(), a.text(), name + ": SLA " + verb + " from " + b.text() + " to " + a.text());
        }
    }

    private void value(String area, String workType, String path, String what, String b, String a) {
        if (Objects.equals(b, a)) {
            return;
        }
        Kind kind = b == null ? Kind.ADDED : a == null ? Kind.REMOVED : Kind.CHANGED;
        String sentence = b == null ? what + " set to " + a : a == null ? what + " " + b + " removed"
                : what + " changed from " + b + " to " + a;
        add(area, kind, workType, path, b, a, sentence);
    }

    private void renamed(String area, String workType, String path, String b, String a) {
        if (!Objects.equals(b, a) && b != null && a != null) {
            add(area, Kind.CHANGED, workType, path + ".name", b, a, noun(area) + " " + b + " renamed to " + a);
        }
    }

    /** A list of ids (approvers, members, exit fields): who came and who went, order aside. */
    private void members(String area, String workType, String path, String what, List<String> b, List<String> a) {
        List<String> before = b == null ? List.of() : b;
        List<String> after = a == null ? List.of() : a;
        List<String> added = after.stream().filter(x -> !before.contains(x)).toList();
        List<String> removed = before.stream().filter(x -> !after.contains(x)).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        StringBuilder sentence = new StringBuilder(what);
        if (!added.isEmpty()) {
            sentence.append(" + ").append(String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            sentence.append(added.isEmpty() ? " − " : "; − ").append(String.join(", ", removed));
        }
        Kind kind = removed.isEmpty() ? Kind.ADDED : added.isEmpty() ? Kind.REMOVED : Kind.CHANGED;
        add(area, kind, workType, path, String.join(", ", before), String.join(", ", after), sentence.toString());
    }

    private void add(String area, Kind kind, String workType, String path, String before, String after, String sentence) {
        changes.add(new ModelChange(area, kind, workType, path, before, after, sentence));
    }

    private static <T> Map<String, T> byId(List<T> list, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        (list == null ? List.<T>of() : list).forEach(t -> map.putIfAbsent(id.apply(t), t));
        return map;
    }

    private static String noun(String area) {
        String spaced = area.replace('-', ' ');
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static String label(String name, String id) {
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }

    private static String arrow(StageChange change) {
        return change == null ? null : change.from() + " → " + change.to();
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (value instanceof WorkDuration d) {
            return d.text();
        }
        if (value instanceof Double d && d == Math.rint(d)) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value);
    }
}
