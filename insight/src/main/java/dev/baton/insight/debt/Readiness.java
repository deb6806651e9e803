package dev.baton.insight.debt;

import dev.baton.insight.debt.DebtReport.Condition;
import dev.baton.insight.debt.DebtReport.Group;
import dev.baton.insight.debt.DebtReport.WorkTypeReadiness;
import dev.baton.model.Field;
import dev.baton.model.OperatingModel;
import dev.baton.model.Stage;
import dev.baton.model.Template;
import dev.baton.model.WorkType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * AI readiness per work type: the seven conditions of PRODUCT.md under which AI is leverage and
 * not overhead. Each is judged from the model and, where the log has items of the work type, from
 * what the log shows; each says why it passes or fails.
 */
final class Readiness {

    /** Debt above this share in a work type's component fails the condition it bears on. */
    static final double MAX_DEBT = 0.2;
    /** Share of items that must show the expected data (inputs filled, created in Baton, prioritised). */
    static final double MIN_SHARE = 0.8;
    /** Items of a work type the log must hold before AI readiness can be judged from them. */
    static final int MIN_ITEMS = 20;

    private Readiness() {
    }

    static List<WorkTypeReadiness> assess(OperatingModel model, DebtTally tally, DebtReport report) {
        List<WorkTypeReadiness> result = new ArrayList<>();
        for (WorkType w : model.workTypes()) {
            if (w.id() == null) {
                continue;
            }
            long[] counts = tally.readiness().getOrDefault(w.id(), new long[DebtTally.Readiness.SIZE]);
            List<Condition> conditions = List.of(
                    inputsOutputs(model, w, counts), handoffs(model, w, report), ownership(w, report), workflow(w, report),
                    prioritised(model, w, counts, report), templates(model, w), systemOfRecord(counts),
                    notSevere(report));
            result.add(new WorkTypeReadiness(w.id(), conditions.stream().allMatch(Condition::pass), conditions));
        }
        return result;
    }

    private static Condition inputsOutputs(OperatingModel model, WorkType w, long[] counts) {
        String title = "Clear inputs and outputs";
        long required = requiredFields(model, w);
        long exits = w.stages().stream().filter(s -> !s.exit().isEmpty()).count();
        if (required == 0) {
            return new Condition("clear-inputs-outputs", title, false, "no template with required fields says what the work needs");
        }
        if (exits == 0) {
            return new Condition("clear-inputs-outputs", title, false, "no stage lists the fields it must fill on exit");
        }
        long items = counts[DebtTally.Readiness.ITEMS];
        if (items > 0) {
            double complete = (double) counts[DebtTally.Readiness.INPUTS_COMPLETE] / items;
            if (complete < MIN_SHARE) {
                return new Condition("clear-inputs-outputs", title, false, percent(complete)
                        + " of items had every required field filled (needs " + percent(MIN_SHARE) + ")");
            }
        }
        return new Condition("clear-inputs-outputs", title, true, required + " required input(s), exit fields on "
                + exits + " stage(s)" + (items > 0 ? ", filled on " + percent((double) counts[DebtTally.Readiness.INPUTS_COMPLETE] / items)
                + " of items" : ""));
    }

    private static Condition handoffs(OperatingModel model, WorkType w, DebtReport report) {
        ModelIndex index = new ModelIndex(model);
        ModelIndex.Flow flow = index.flow(w.id());
        boolean crosses = flow != null && w.stageChanges().stream().anyMatch(c -> {
            String from = index.functionOf(flow.ownerOf(c.from()));
            String to = index.functionOf(flow.ownerOf(c.to()));
            return flow.indexOf(c.to()) > flow.indexOf(c.from()) && from != null && to != null && !from.equals(to);
        });
        if (!crosses && value(report, "handoffs", w) == null) {
            return new Condition("defined-handoffs", "Defined handoffs", true, "the flow stays within one function: no handoffs needed");
        }
        return fromComponent("defined-handoffs", "Defined handoffs", w, report, "handoffs",
                "no cross-function change was observed");
    }

    private static Condition ownership(WorkType w, DebtReport report) {
        String title = "Defined ownership";
        for (Stage s : w.stages()) {
            if (s.owner() == null) {
                return new Condition("defined-ownership", title, false, "stage '" + s.id() + "' has no owner");
            }
            if (s.decision() == null || s.decision().approver() == null) {
                return new Condition("defined-ownership", title, false, "stage '" + s.id() + "' has no accountable approver");
            }
        }
        Double unowned = value(report, "ownership", w);
        if (unowned != null && unowned > MAX_DEBT) {
            return new Condition("defined-ownership", title, false, percent(unowned) + " of item-time had no owner");
        }
        return new Condition("defined-ownership", title, true, "every stage has an owner and an accountable approver"
                + (unowned == null ? "" : "; " + percent(unowned) + " of item-time without owner"));
    }

    private static Condition workflow(WorkType w, DebtReport report) {
        if (w.stages().size() < 2) {
            return new Condition("structured-workflow", "Structured workflow", false, "fewer than two stages declared");
        }
        return fromComponent("structured-workflow", "Structured workflow", w, report, "flow-conformance",
                "no items of this work type in the log to check the flow against");
    }

    private static Condition prioritised(OperatingModel model, WorkType w, long[] counts, DebtReport report) {
        String title = "Prioritised work";
        boolean form = model.intake().forms().stream().anyMatch(f -> w.id().equals(f.workType()));
        boolean scheme = model.intake().prioritization() != null && model.intake().prioritization().scheme() != null;
        long items = counts[DebtTally.Readiness.ITEMS];
        double prioritisedShare = items == 0 ? 0 : (double) counts[DebtTally.Readiness.PRIORITISED] / items;
        if (!(form && scheme) && prioritisedShare < MIN_SHARE) {
            return new Condition("prioritised-work", title, false, !form ? "no intake form feeds this work type"
                    : "the intake has no prioritisation scheme");
        }
        Double reactive = value(report, "reactive-load", w);
        if (reactive != null && reactive > MAX_DEBT) {
            return new Condition("prioritised-work", title, false, percent(reactive) + " of items were urgent or bypassed intake");
        }
        return new Condition("prioritised-work", title, true, "requests come through intake and are ranked by "
                + (scheme ? model.intake().prioritization().scheme().id() : "priority inputs")
                + (reactive == null ? "" : "; " + percent(reactive) + " reactive"));
    }

    private static Condition templates(OperatingModel model, WorkType w) {
        String title = "Standard templates";
        if (w.template() == null) {
            return new Condition("standard-templates", title, false, "no template is declared for this work type");
        }
        long required = requiredFields(model, w);
        return required == 0
                ? new Condition("standard-templates", title, false, "template '" + w.template() + "' has no required fields")
                : new Condition("standard-templates", title, true, "template '" + w.template() + "' with " + required + " required field(s)");
    }

    private static Condition systemOfRecord(long[] counts) {
        String title = "Visible system of record";
        long items = counts[DebtTally.Readiness.ITEMS];
        if (items == 0) {
            return new Condition("system-of-record", title, false, "no items of this work type in the log");
        }
        if (items < MIN_ITEMS) {
            return new Condition("system-of-record", title, false, "only " + items + " item(s) of this work type in the log;"
                    + " readiness is judged on at least " + MIN_ITEMS);
        }
        double created = (double) counts[DebtTally.Readiness.CREATED] / items;
        if (created < MIN_SHARE) {
            return new Condition("system-of-record", title, false, "only " + percent(created)
                    + " of items have their whole history in the log (from creation)");
        }
        return new Condition("system-of-record", title, true, items + " items, " + percent(created) + " recorded from creation");
    }

    /** AI on a system whose debt is severe adds drafts to chase, whatever one work type looks like. */
    private static Condition notSevere(DebtReport report) {
        boolean severe = ScoreBand.of(report.score()).worst();
        return new Condition("debt-not-severe", "Debt not severe", !severe, severe
                ? String.format(Locale.ROOT, "the debt score %.0f is severe (50 or more): fix the operating model first", report.score())
                : String.format(Locale.ROOT, "debt score %.0f is %s", report.score(), ScoreBand.of(report.score()).id()));
    }

    private static Condition fromComponent(String id, String title, WorkType w, DebtReport report, String component,
                                           String unmeasured) {
        Double v = value(report, component, w);
        if (v == null) {
            return new Condition(id, title, false, unmeasured);
        }
        return new Condition(id, title, v <= MAX_DEBT, component + " debt " + percent(v)
                + (v <= MAX_DEBT ? " (at most " : " (above ") + percent(MAX_DEBT) + ")");
    }

    /** The component's value within the work type, or null when it has no observations there. */
    private static Double value(DebtReport report, String component, WorkType w) {
        for (Group g : report.breakdowns().get(Dimension.WORK_TYPE)) {
            if (g.key().equals(w.id())) {
                return g.values().get(component);
            }
        }
        return null;
    }

    private static long requiredFields(OperatingModel model, WorkType w) {
        Template t = w.template() == null ? null : model.template(w.template()).orElse(null);
        return t == null ? 0 : t.fields().stream().filter(Field::required).count();
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
