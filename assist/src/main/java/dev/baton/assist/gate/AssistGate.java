package dev.baton.assist.gate;

import dev.baton.assist.Assistant;
import dev.baton.insight.debt.DebtReport;
import dev.baton.insight.debt.DebtReport.Condition;
import dev.baton.insight.debt.DebtReport.WorkTypeReadiness;
import dev.baton.model.Field;
import dev.baton.model.IntakeForm;
import dev.baton.model.OperatingModel;
import dev.baton.model.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gate in front of every assistant (docs/assist.md): an assistant on a work type's items runs
 * only where the debt report's AI readiness of that work type passes; an intake assistant only
 * where the intake is ready (forms that become work types, templates with required fields, a
 * prioritisation scheme). Otherwise the gate names each failing condition and what would fix it,
 * and an admin may enable the assistant anyway with a reason, which is kept with every draft.
 * Pure: the report is computed by the caller, with {@code DebtAnalysis} as {@code baton analyze} does.
 */
public final class AssistGate {

    private AssistGate() {
    }

    /**
     * The gate of an assistant on a work type's items, from the debt report's readiness.
     *
     * @param override the admin's reason to enable it anyway, or null
     * @throws IllegalArgumentException when the report has no readiness for {@code workType}
     */
    public static Gate forWorkType(Assistant assistant, DebtReport report, String workType, String override) {
        Optional<WorkTypeReadiness> readiness = report.aiReadiness().stream()
                .filter(r -> r.workType().equals(workType)).findFirst();
        if (readiness.isEmpty()) {
            throw new IllegalArgumentException("no AI readiness for work type '" + workType + "' in the report");
        }
        List<GateCondition> conditions = new ArrayList<>();
        for (Condition c : readiness.get().conditions()) {
            conditions.add(new GateCondition(c.id(), c.title(), c.pass(), c.reason(), c.pass() ? null : Fixes.of(c.id())));
        }
        return new Gate(assistant, workType, readiness.get().ready(), conditions, override);
    }

    /** The gate of an intake assistant: the model's intake, whatever the log shows. */
    public static Gate forIntake(Assistant assistant, OperatingModel model, String override) {
        List<IntakeForm> forms = model.intake() == null ? List.of() : model.intake().forms();
        List<GateCondition> conditions = new ArrayList<>();
        conditions.add(condition("intake-forms", "Intake forms", !forms.isEmpty(),
                forms.isEmpty() ? "the model declares no intake form" : forms.size() + " intake form(s)"));
        List<String> withoutTemplate = forms.stream().filter(f -> requiredFields(model, f) == 0).map(IntakeForm::id).toList();
        conditions.add(condition("form-templates", "Forms with templates", !forms.isEmpty() && withoutTemplate.isEmpty(),
                forms.isEmpty() ? "no form to check" : withoutTemplate.isEmpty()
                        ? "every form asks for a template with required fields"
                        : "form(s) without a template with required fields: " + String.join(", ", withoutTemplate)));
        List<String> withoutType = forms.stream()
                .filter(f -> f.workType() == null || model.workType(f.workType()).isEmpty()).map(IntakeForm::id).toList();
        conditions.add(condition("form-work-types", "Forms become work types", !forms.isEmpty() && withoutType.isEmpty(),
                forms.isEmpty() ? "no form to check" : withoutType.isEmpty() ? "every form names the work type it becomes"
                        : "form(s) naming no known work type: " + String.join(", ", withoutType)));
        boolean scheme = model.intake() != null && model.intake().prioritization() != null
                && model.intake().prioritization().scheme() != null;
        conditions.add(condition("prioritisation-scheme", "Prioritisation scheme", scheme, scheme
                ? "requests are ranked by " + model.intake().prioritization().scheme().id()
                : "the intake has no prioritisation scheme"));
        boolean ready = conditions.stream().allMatch(GateCondition::pass);
        return new Gate(assistant, null, ready, conditions, override);
    }

    /** The components whose owner message variants need: who the segments are, and what the message is. */
    public static final List<String> MESSAGE_COMPONENTS = List.of("audience", "messaging");

    /**
     * The foundations of message variants per audience segment (docs/assist.md, "Message variants"):
     * the model gives audience and messaging an owner, exactly one each, so that a variant goes to a
     * person who decides on it. These are not readiness conditions an admin may override: without an
     * owner no one has the right to take a variant.
     */
    public static List<GateCondition> messageFoundations(OperatingModel model) {
        List<GateCondition> conditions = new ArrayList<>();
        for (String id : MESSAGE_COMPONENTS) {
            List<String> owners = model.components().stream().filter(c -> id.equals(c.id())).findFirst()
                    .map(c -> c.owners() == null ? List.<String>of() : c.owners()).orElse(null);
            String reason = owners == null ? "the model declares no " + id + " component"
                    : owners.isEmpty() ? "the " + id + " component has no owner"
                    : owners.size() > 1 ? "the " + id + " component has " + owners.size() + " owners ("
                    + String.join(", ", owners) + "): shared ownership is no ownership"
                    : id + " is owned by " + owners.get(0);
            conditions.add(condition(id + "-owner", "An owner of " + id, owners != null && owners.size() == 1, reason));
        }
        return conditions;
    }

    private static GateCondition condition(String id, String title, boolean pass, String reason) {
        return new GateCondition(id, title, pass, reason, pass ? null : Fixes.of(id));
    }

    private static long requiredFields(OperatingModel model, IntakeForm form) {
        Template t = form.template() == null ? null : model.template(form.template()).orElse(null);
        return t == null ? 0 : t.fields().stream().filter(Field::required).count();
    }
}
