package dev.baton.insight.debt;

import dev.baton.insight.debt.DebtReport.Condition;
import dev.baton.insight.debt.DebtReport.Phase;
import dev.baton.insight.debt.DebtReport.PhaseAssessment;
import dev.baton.model.Field;
import dev.baton.model.Metric;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.Stage;
import dev.baton.model.WorkType;
import dev.baton.model.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of the four phases of PRODUCT.md a team has completed, judged from the model (and the
 * validator's debt smells, so one rule lives in one place) and from the log. A phase is complete
 * when all its checks pass and every earlier phase is complete; the next step is the first
 * failing check of the first incomplete phase.
 */
final class Phases {

    /** A debt score at or below this means the team instruments and optimises, not firefights. */
    static final double HEALTHY_SCORE = 30;
    /** Hours lost above this share of the declared capacity are not "under control", whatever the score. */
    static final double HEALTHY_LOST_SHARE = 0.25;
    /** Items the log must hold before "instrument and optimise" can be judged to hold. */
    static final int MIN_ITEMS = 30;

    private Phases() {
    }

    static PhaseAssessment assess(OperatingModel model, List<Problem> warnings, DebtReport report) {
        Set<String> smells = warnings.stream().map(Problem::code).collect(Collectors.toSet());
        List<Phase> phases = List.of(
                new Phase(1, "Define how work flows", false, defineChecks(model, smells)),
                new Phase(2, "Ownership, handoffs and decision rights", false, ownershipChecks(model, smells, warnings)),
                new Phase(3, "Standard workflows, templates and inputs", false, standardChecks(model, smells, report)),
                new Phase(4, "Instrument and optimise", false, instrumentChecks(model, report)));
        List<Phase> judged = new ArrayList<>();
        int completed = 0;
        boolean open = true;
        String next = null;
        for (Phase p : phases) {
            boolean complete = p.checks().stream().allMatch(Condition::pass);
            judged.add(new Phase(p.number(), p.title(), complete && open, p.checks()));
            if (complete && open) {
                completed = p.number();
            } else if (open) {
                open = false;
                Condition failing = p.checks().stream().filter(c -> !c.pass()).findFirst().orElseThrow();
                next = "Phase " + p.number() + " (" + p.title() + "): " + failing.reason();
            }
        }
        if (next == null) {
            next = "All four phases hold: keep the report running weekly, work the top actions, and let AI "
                    + "plug into the work types that are AI-ready.";
        }
        return new PhaseAssessment(completed, Math.min(4, completed + 1), next, judged);
    }

    private static List<Condition> defineChecks(OperatingModel model, Set<String> smells) {
        List<Condition> checks = new ArrayList<>();
        List<String> thin = model.workTypes().stream().filter(w -> w.stages().size() < 2).map(WorkType::id).toList();
        checks.add(check("work-types", "Units of work with their stages", !model.workTypes().isEmpty() && thin.isEmpty(),
                model.workTypes().isEmpty() ? "declare the units of work (work-types) and their stages"
                        : thin.isEmpty() ? model.workTypes().size() + " work types with their stages"
                        : "give " + String.join(", ", thin) + " at least two stages"));
        boolean decisions = model.workTypes().stream().flatMap(w -> w.stages().stream()).anyMatch(s -> s.gate() != null);
        checks.add(check("decision-points", "Decision points", decisions,
                decisions ? "approval gates are declared" : "declare the decision points (gates with approvers) in the flows"));
        List<String> noCapacity = model.people().stream().filter(p -> p.capacity() == null).map(Person::id).toList();
        checks.add(check("participants", "Participants with capacity", !model.people().isEmpty() && noCapacity.isEmpty(),
                model.people().isEmpty() ? "declare the people who take part and their capacity"
                        : noCapacity.isEmpty() ? model.people().size() + " people with capacity"
                        : "declare the capacity of " + String.join(", ", noCapacity)));
        List<String> noTarget = model.metrics().stream().filter(m -> m.target() == null).map(Metric::id).toList();
        boolean metrics = !model.metrics().isEmpty() && noTarget.isEmpty() && !smells.contains("no-success-metric");
        checks.add(check("success", "Shared definitions of success", metrics,
                model.metrics().isEmpty() ? "declare the success metrics with targets"
                        : !noTarget.isEmpty() ? "give " + String.join(", ", noTarget) + " a target"
                        : smells.contains("no-success-metric") ? "tie every work type to a success metric"
                        : model.metrics().size() + " metrics with targets, every work type tied to one"));
        return checks;
    }

    private static List<Condition> ownershipChecks(OperatingModel model, Set<String> smells, List<Problem> warnings) {
        List<Condition> checks = new ArrayList<>();
        boolean components = !smells.contains("component-owner") && !smells.contains("core-component-missing");
        checks.add(check("component-owners", "One owner per core component", components,
                components ? "every core component has exactly one owner" : first(warnings, "core-component-missing", "component-owner")));
        checks.add(check("stage-owners", "Every stage owned", !smells.contains("stage-owner"),
                smells.contains("stage-owner") ? first(warnings, "stage-owner") : "every stage has an owner"));
        checks.add(check("handoffs", "Declared handoffs", !smells.contains("missing-handoff"),
                smells.contains("missing-handoff") ? first(warnings, "missing-handoff") : "every cross-function change has a declared handoff"));
        List<String> noApprover = new ArrayList<>();
        for (WorkType w : model.workTypes()) {
            for (Stage s : w.stages()) {
                if (s.decision() == null || s.decision().approver() == null) {
                    noApprover.add(w.id() + "/" + s.id());
                }
            }
        }
        checks.add(check("decision-rights", "Decision rights", noApprover.isEmpty(), noApprover.isEmpty()
                ? "every stage has a driver and one accountable approver"
                : "declare who approves " + String.join(", ", noApprover.subList(0, Math.min(3, noApprover.size())))
                + (noApprover.size() > 3 ? " and " + (noApprover.size() - 3) + " more" : "")));
        return checks;
    }

    private static List<Condition> standardChecks(OperatingModel model, Set<String> smells, DebtReport report) {
        List<Condition> checks = new ArrayList<>();
        List<String> noTemplate = model.workTypes().stream().filter(w -> w.template() == null
                || model.template(w.template()).map(t -> t.fields().stream().noneMatch(Field::required)).orElse(true))
                .map(WorkType::id).toList();
        checks.add(check("templates", "Templates with required fields", noTemplate.isEmpty(), noTemplate.isEmpty()
                ? "every work type has a template with required fields"
                : "give " + String.join(", ", noTemplate) + " a template with required fields"));
        boolean intake = !model.intake().forms().isEmpty() && model.intake().prioritization() != null;
        checks.add(check("intake", "Intake with a prioritisation scheme", intake, intake
                ? model.intake().forms().size() + " intake form(s), ranked by " + model.intake().prioritization().scheme().id()
                : model.intake().forms().isEmpty() ? "add intake forms so requests have one way in"
                : "choose a prioritisation scheme (rice, wsjf or weighted) for the intake queue"));
        checks.add(check("slas", "SLAs on reviews and approvals", !smells.contains("coordination-sla"),
                smells.contains("coordination-sla") ? "give every coordination stage an SLA" : "every coordination stage has an SLA"));
        DebtReport.ComponentResult reactive = report.component("reactive-load");
        boolean planned = !reactive.measured() || reactive.value() <= Readiness.MAX_DEBT;
        checks.add(check("planned-work", "Work comes through the standard way in", planned, reactive.measured()
                ? percent(reactive.value()) + " of items were urgent or bypassed intake" + (planned ? "" : ": route them through intake")
                : "no items in the log yet"));
        return checks;
    }

    private static List<Condition> instrumentChecks(OperatingModel model, DebtReport report) {
        List<Condition> checks = new ArrayList<>();
        Set<String> seen = report.breakdowns().get(Dimension.WORK_TYPE).stream().map(DebtReport.Group::key)
                .collect(Collectors.toSet());
        List<String> missing = model.workTypes().stream().map(WorkType::id).filter(id -> !seen.contains(id)).toList();
        checks.add(check("event-log", "Every work type runs through the log",
                report.items() >= MIN_ITEMS && missing.isEmpty(),
                report.items() == 0 ? "record work as events (baton serve, or baton import from your tools)"
                        : report.items() < MIN_ITEMS ? "only " + report.items() + " item(s) in the log; at least " + MIN_ITEMS
                        + " are needed to judge this phase"
                        : missing.isEmpty() ? report.items() + " items of every work type in the log"
                        : "no items of " + String.join(", ", missing) + " in the log"));
        double lostShare = report.capacityHours() <= 0 ? 0 : report.costHours() / report.capacityHours();
        boolean healthy = report.items() >= MIN_ITEMS && report.score() <= HEALTHY_SCORE
                && !ScoreBand.of(report.score()).worst() && lostShare <= HEALTHY_LOST_SHARE;
        checks.add(check("debt-under-control", "Debt under control", healthy, String.format(Locale.ROOT,
                "debt score %.0f (at most %.0f), %.0f%% of the declared capacity lost (at most %.0f%%): %s", report.score(),
                HEALTHY_SCORE, 100 * lostShare, 100 * HEALTHY_LOST_SHARE,
                healthy ? "keep working the top actions" : "work the top actions of this report")));
        return checks;
    }

    private static String first(List<Problem> warnings, String... codes) {
        for (String code : codes) {
            for (Problem p : warnings) {
                if (p.code().equals(code)) {
                    return p.message();
                }
            }
        }
        return "";
    }

    private static Condition check(String id, String title, boolean pass, String reason) {
        return new Condition(id, title, pass, reason);
    }

    private static String percent(double share) {
        return Readiness.percent(share);
    }
}
