package dev.baton.insight.debt;

import dev.baton.insight.debt.DebtReport.Action;
import dev.baton.insight.debt.DebtReport.ComponentResult;
import dev.baton.insight.debt.DebtReport.Group;
import dev.baton.model.Component;
import dev.baton.model.DebtSettings;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.problem.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns a merged {@link DebtTally} into the {@link DebtReport}: values, score, costs, breakdowns, actions. */
final class ReportBuilder {

    static final Map<String, String> TITLES = Map.of(
            "flow-conformance", "Flow conformance", "ownership", "Ownership", "handoffs", "Handoffs",
            "decision-drag", "Decision drag", "sla", "SLA breaches", "rework", "Rework",
            "reactive-load", "Reactive load", "wip", "WIP and context switching",
            "coordination-share", "Coordination share", "goal-alignment", "Goal alignment");

    static final Map<String, String> FORMULAS = Map.of(
            "flow-conformance", "1 − fitness against the declared flow: deviations in the optimal alignments / "
                    + "(case length + moves of the shortest run), i.e. 1 − pm4py's log fitness; declared edges when no net aligns",
            "ownership", "0.75 × item-hours without an owner / item-hours + 0.25 × core components without exactly one owner / 7",
            "handoffs", "handoffs with a defect (undeclared, not sent, incomplete, bounced, accepted late) / handoffs",
            "decision-drag", "approval rounds slower than half their stage's SLA (a day without one) or with undeclared approvers / rounds",
            "sla", "visits over their stage's SLA / visits of stages with an SLA",
            "rework", "items that went back to an earlier stage or were reopened / items",
            "reactive-load", "items marked urgent or created bypassing intake / items",
            "wip", "person-days over the WIP limit or with more than 3 context switches / active person-days",
            "coordination-share", "hours in coordination and waiting stages / hours in all stages",
            "goal-alignment", "items with no parent item and no success metric / items");

    private static final Map<String, String> PHRASES = Map.of(
            "flow-conformance", "deviation from the declared flow (1 − fitness; deviating moves",
            "ownership", "ownership debt (item-hours without an owner, core components without one owner)",
            "handoffs", "of handoffs had a defect",
            "decision-drag", "of approval rounds dragged",
            "sla", "of stage visits with an SLA ran over it",
            "rework", "of items went back to an earlier stage",
            "reactive-load", "of items were urgent or bypassed intake",
            "wip", "of active person-days were over the WIP limit or fragmented",
            "coordination-share", "of stage time was coordination or waiting",
            "goal-alignment", "of items are tied to no goal");

    private final OperatingModel model;
    private final DebtTally tally;
    private final int wipLimit;
    private final Map<String, ComponentTally> tallies = new LinkedHashMap<>();
    private List<DebtReport.FlowComparison> flows = List.of();

    ReportBuilder(OperatingModel model, DebtTally tally) {
        this.model = model;
        this.tally = tally;
        DebtSettings settings = model.debt() == null ? DebtSettings.DEFAULT : model.debt();
        this.wipLimit = settings.wipLimit() == null ? CostAssumptions.DEFAULT_WIP_LIMIT : settings.wipLimit();
        for (String id : DebtSettings.COMPONENTS) {
            tallies.put(id, id.equals("wip") ? wip() : tally.component(id));
        }
    }

    DebtReport build(String modelName, String logName, List<Problem> warnings, List<DebtReport.FlowComparison> flows,
                     String conformanceMethod) {
        this.flows = flows;
        List<ComponentResult> components = new ArrayList<>();
        for (String id : DebtSettings.COMPONENTS) {
            components.add(component(id));
        }
        double weighted = 0;
        double weights = 0;
        double cost = 0;
        for (ComponentResult c : components) {
            cost += c.costHours();
            if (c.measured()) {
                weighted += c.weight() * c.value();
                weights += c.weight();
            }
        }
        double score = weights == 0 ? 0 : 100 * weighted / weights;
        Map<Dimension, List<Group>> breakdowns = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            breakdowns.put(d, groups(d));
        }
        String from = tally.events() == 0 ? null : Instant.ofEpochMilli(tally.firstMillis()).toString();
        String to = tally.events() == 0 ? null : Instant.ofEpochMilli(tally.lastMillis()).toString();
        List<Action> actions = actions(components);
        // Readiness and phases read the figures above, so they are assessed on the report without them.
        DebtReport figures = new DebtReport(modelName, logName, tally.items(), tally.events(), tally.requests(), from, to,
                score, cost, components, breakdowns, actions, List.of(), null, flows, conformanceMethod);
        return new DebtReport(modelName, logName, tally.items(), tally.events(), tally.requests(), from, to, score, cost,
                components, breakdowns, actions, Readiness.assess(model, tally, figures),
                Phases.assess(model, warnings, figures), flows, conformanceMethod);
    }

    private double weight(String id) {
        DebtSettings settings = model.debt() == null ? DebtSettings.DEFAULT : model.debt();
        Double w = settings.weights().get(id);
        return w == null ? 1.0 : w;
    }

    private ComponentResult component(String id) {
        ComponentTally t = tallies.get(id);
        Tally overall = t.overall();
        double value = overall.value();
        double cost = overall.hours();
        boolean measured = overall.total() > 0;
        Map<String, Double> details = new LinkedHashMap<>(t.counters());
        switch (id) {
            case "ownership" -> {
                List<String> unowned = coreComponentsWithoutSingleOwner();
                double c = unowned.size() / (double) OperatingModel.CORE_COMPONENTS.size();
                details.put("unownedItemTimeShare", value);
                details.put("unownedRate", share(t.counter("itemsNeverOwned"), t.counter("items")));
                details.put("coreComponentsWithoutSingleOwner", (double) unowned.size());
                value = 0.75 * value + 0.25 * c;
                measured = measured || !model.components().isEmpty();
            }
            case "flow-conformance" -> {
                details.put("fitness", 1 - value);
                details.put("percentageFittingTraces", 100 * share(t.counter("fittingCases"), t.counter("cases")));
                details.put("skipRate", share(t.counter("casesWithSkippedStages"), t.counter("cases")));
            }
            case "handoffs" -> details.put("bounceRate", share(t.counter("bounced"), t.counter("sent")));
            case "decision-drag" -> details.put("meanWaitHours", share(t.counter("waitHours"), t.counter("rounds")));
            case "sla" -> details.put("overrunRate", value);
            case "rework" -> details.put("reworkRate", value);
            case "reactive-load" -> {
                details.put("urgentRate", share(t.counter("urgent"), overall.total()));
                details.put("bypassRate", share(t.counter("intakeBypassed"), overall.total()));
            }
            case "goal-alignment" -> details.put("noGoalRate", value);
            case "coordination-share" -> {
                cost = coordinationCost(value);
                details.put("creativeShare", 1 - value);
            }
            case "wip" -> details.put("wipLimit", (double) wipLimit);
            default -> {
            }
        }
        String summary = measured
                ? percent(value) + " " + PHRASES.get(id) + (id.equals("flow-conformance") ? ": " : " (")
                + count(overall.bad()) + " of " + count(overall.total()) + ")"
                : "not measured: the log has nothing this component reads";
        return new ComponentResult(id, TITLES.get(id), value, weight(id), measured, overall.bad(), overall.total(), cost,
                FORMULAS.get(id), summary, details, t.evidence().shown(), t.evidence().total());
    }

    /** Core components with no owner or several (missing ones count as without owner). */
    List<String> coreComponentsWithoutSingleOwner() {
        List<String> without = new ArrayList<>();
        for (String core : OperatingModel.CORE_COMPONENTS) {
            Component c = model.components().stream().filter(x -> core.equals(x.id())).findFirst().orElse(null);
            if (c == null || c.owners().size() != 1) {
                without.add(core);
            }
        }
        return without;
    }

    /** Coordination beyond a healthy share, in hours of the people's capacity over the period. */
    private double coordinationCost(double share) {
        if (tally.events() == 0) {
            return 0;
        }
        double weeks = Math.max(1, (tally.lastMillis() - tally.firstMillis()) / (7 * 86_400_000.0));
        double capacity = model.people().stream().mapToDouble(p -> p.capacity() == null
                ? CostAssumptions.DEFAULT_CAPACITY_HOURS : p.capacity().hoursPerWeek()).sum();
        return Math.max(0, share - CostAssumptions.HEALTHY_COORDINATION_SHARE) * capacity * weeks;
    }

    /** Work in progress and context switches per person-day, from the merged day grid. */
    private ComponentTally wip() {
        ComponentTally t = new ComponentTally();
        Map<String, String> functions = new TreeMap<>();
        for (Person p : model.people()) {
            if (p.id() != null && p.function() != null) {
                functions.put(p.id(), p.function());
            }
        }
        ModelIndex index = new ModelIndex(model);
        tally.personDays().forEach((person, days) -> new TreeMap<>(days).forEach((day, counts) -> {
            int owned = counts[0];
            int switches = Math.max(0, counts[1] - 1);
            boolean over = owned > wipLimit;
            boolean fragmented = switches > CostAssumptions.SWITCH_ALLOWANCE;
            double hours = Math.max(0, owned - wipLimit) * CostAssumptions.EXCESS_WIP_HOURS_PER_DAY
                    + Math.max(0, switches - CostAssumptions.SWITCH_ALLOWANCE) * CostAssumptions.SWITCH_HOURS;
            Attribution where = new Attribution(null, functions.get(person), index.teamOf(person), person,
                    CaseAnalyzer.isoWeek(day), null);
            t.observe(where, over || fragmented ? 1 : 0, 1, hours);
            t.count("personDays", 1);
            t.count("daysOverLimit", over ? 1 : 0);
            t.count("fragmentedDays", fragmented ? 1 : 0);
            t.count("itemDays", owned);
            t.count("switches", switches);
            if (over || fragmented) {
                t.evidence(new Evidence(person, List.of(), LocalDate.ofEpochDay(day) + ": " + owned
                        + " item(s) in progress, " + counts[1] + " item(s) acted on", hours));
            }
        }));
        double days = t.counter("personDays");
        t.count("meanWip", share(t.counter("itemDays"), days));
        t.count("meanSwitchesPerDay", share(t.counter("switches"), days));
        return t;
    }

    private List<Group> groups(Dimension d) {
        Map<String, Map<String, Tally>> byKey = new TreeMap<>();
        tallies.forEach((id, t) -> t.groups(d).forEach((key, tally) ->
                byKey.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(id, tally)));
        List<Group> groups = new ArrayList<>();
        byKey.forEach((key, byComponent) -> {
            double weighted = 0;
            double weights = 0;
            double hours = 0;
            Map<String, Double> values = new LinkedHashMap<>();
            for (String id : DebtSettings.COMPONENTS) {
                Tally t = byComponent.get(id);
                if (t == null || t.total() <= 0) {
                    continue;
                }
                values.put(id, t.value());
                weighted += weight(id) * t.value();
                weights += weight(id);
                hours += t.hours();
            }
            if (!values.isEmpty()) {
                groups.add(new Group(key, weights == 0 ? 0 : 100 * weighted / weights, hours, values));
            }
        });
        return groups;
    }

    private List<Action> actions(List<ComponentResult> components) {
        List<Action> actions = new ArrayList<>();
        for (ComponentResult c : components) {
            if (c.costHours() <= 0.05) {
                continue;
            }
            actions.add(new Action(c.id(), c.costHours(), actionText(c)));
        }
        actions.sort(Comparator.comparingDouble(Action::hours).reversed().thenComparing(Action::component));
        return actions.size() > 5 ? List.copyOf(actions.subList(0, 5)) : actions;
    }

    private String actionText(ComponentResult c) {
        ComponentTally t = tallies.get(c.id());
        String stage = worst(t, Dimension.STAGE);
        String workType = worst(t, Dimension.WORK_TYPE);
        String person = worst(t, Dimension.PERSON);
        return switch (c.id()) {
            case "flow-conformance" -> "Bring work back to the declared flow" + where(" starting with", workType)
                    + topDeviation(workType) + ": " + count(t.counter("cases") - t.counter("fittingCases")) + " items deviated, "
                    + count(t.counter("casesWithSkippedStages")) + " of them skipped a stage; enforce the stages or declare the real ones.";
            case "ownership" -> "Assign an owner when an item is created (" + count(t.counter("itemsNeverOwned"))
                    + " items never had one)" + (coreComponentsWithoutSingleOwner().isEmpty() ? "."
                    : " and name one owner each for " + String.join(", ", coreComponentsWithoutSingleOwner()) + ".");
            case "handoffs" -> "Fix the handoff" + where(" at", stage) + ": declare it with its contract and send the required fields ("
                    + count(t.counter("bounced")) + " bounce-backs, " + count(t.counter("undeclared")) + " undeclared crossings).";
            case "decision-drag" -> "Shorten approvals" + where(" at", stage) + ": fewer sign-offs, an SLA, or approval by one accountable person.";
            case "sla" -> "Unblock" + where("", stage) + ", the stage that overruns its SLA most; check capacity and the SLA itself.";
            case "rework" -> "Cut rework" + where(" in", workType) + " with complete briefs and explicit exit criteria before review.";
            case "reactive-load" -> "Route requests through intake and triage urgency explicitly (" + count(t.counter("urgent"))
                    + " urgent items, " + count(t.counter("intakeBypassed")) + " created around intake).";
            case "wip" -> "Limit work in progress to " + wipLimit + " items" + where(" for", person)
                    + " and batch small requests to cut context switches.";
            case "coordination-share" -> "Cut waiting and review time" + where(" in", stage)
                    + " to bring coordination under " + percent(CostAssumptions.HEALTHY_COORDINATION_SHARE) + " of stage time.";
            case "goal-alignment" -> "Tie " + count(c.bad()) + " items to a parent initiative or a success metric, or stop them.";
            default -> c.summary();
        };
    }

    /** The most frequent deviation of a work type's alignments, as " (sentence)", or nothing. */
    private String topDeviation(String workType) {
        return flows.stream().filter(f -> f.workType().equals(workType) && !f.deviations().isEmpty())
                .map(f -> " (" + f.deviations().get(0) + ")").findFirst().orElse("");
    }

    /** The group of a dimension that costs the most hours, or null. */
    private static String worst(ComponentTally t, Dimension d) {
        return t.groups(d).entrySet().stream()
                .max(Comparator.<Map.Entry<String, Tally>>comparingDouble(e -> e.getValue().hours())
                        .thenComparing(e -> e.getValue().bad()).thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .filter(e -> e.getValue().hours() > 0 || e.getValue().bad() > 0)
                .map(Map.Entry::getKey).orElse(null);
    }

    private static String where(String preposition, String key) {
        return key == null ? "" : preposition + " " + key;
    }

    static double share(double part, double whole) {
        return whole <= 0 ? 0 : part / whole;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String count(double n) {
        return Math.abs(n - Math.rint(n)) < 1e-9 ? String.format(Locale.ROOT, "%,d", (long) Math.rint(n))
                : String.format(Locale.ROOT, "%,.1f", n);
    }
}
