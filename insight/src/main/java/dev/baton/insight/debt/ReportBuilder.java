package dev.baton.insight.debt;

import dev.baton.insight.debt.meetings.MeetingLoad;
import dev.baton.insight.debt.DebtReport.Action;
import dev.baton.insight.debt.DebtReport.ComponentResult;
import dev.baton.insight.debt.DebtReport.Group;
import dev.baton.model.Component;
import dev.baton.model.DebtSettings;
import dev.baton.model.OperatingModel;
import dev.baton.model.Person;
import dev.baton.model.StageChange;
import dev.baton.model.problem.Problem;
import java.time.Instant;
import java.time.LocalDate;
import dev.baton.insight.tools.ToolSwitching;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a merged {@link DebtTally} into the {@link DebtReport}: which sources each component can
 * judge, values, small samples, score, person-hours against capacity, breakdowns, actions.
 */
final class ReportBuilder {

    /** Below this many observations a component is a small sample: shown with its interval, weighing less. */
    static final int MIN_OBSERVATIONS = 30;
    /** z for a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    static final Map<String, String> TITLES = titles();

    private final OperatingModel model;
    /** The current model's index, built once for the WIP tallies and the actions. */
    private final ModelIndex index;
    private final ModelHistory history;
    private final DebtTally tally;
    private final int wipLimit;
    /** Each component over the sources that record what it needs. */
    private final Map<String, ComponentTally> tallies = new LinkedHashMap<>();
    /** Each component's sources that cannot record what it needs, with their items. */
    private final Map<String, Map<String, Long>> blind = new LinkedHashMap<>();
    private double costScale = 1;
    private List<DebtReport.FlowComparison> flows = List.of();

    ReportBuilder(OperatingModel model, DebtTally tally) {
        this(ModelHistory.of(model), tally);
    }

    /** What is about the team now (weights, WIP limit, capacity, readiness, phases, actions) reads the current version. */
    ReportBuilder(ModelHistory history, DebtTally tally) {
        this.model = history.current();
        this.index = new ModelIndex(model);
        this.history = history;
        this.tally = tally;
        DebtSettings settings = model.debt() == null ? DebtSettings.DEFAULT : model.debt();
        this.wipLimit = settings.wipLimit() == null ? CostAssumptions.DEFAULT_WIP_LIMIT : settings.wipLimit();
        for (String id : DebtSettings.COMPONENTS) {
            if (id.equals("wip")) {
                tallies.put(id, wip());
                blind.put(id, Map.of());
                continue;
            }
            Set<Signal> needs = ComponentDefinition.of(id).needs();
            List<String> eligible = new ArrayList<>();
            Map<String, Long> without = new TreeMap<>();
            tally.itemsBySource().forEach((source, items) -> {
                if (tally.signals(source).containsAll(needs)) {
                    eligible.add(source);
                } else {
                    without.put(source, items);
                }
            });
            tallies.put(id, tally.component(id).over(eligible));
            blind.put(id, without);
        }
    }

    DebtReport build(String modelName, String logName, List<Problem> warnings, List<DebtReport.FlowComparison> flows,
                     String conformanceMethod) {
        this.flows = flows;
        double capacity = capacityHours();
        double raw = 0;
        for (String id : DebtSettings.COMPONENTS) {
            raw += tallies.get(id).overall().hours();
        }
        // Hours lost are person-hours: they can never exceed what the people had. If the caps
        // still allow more (many items on a small declared team), every hour is scaled down alike.
        costScale = raw > capacity && raw > 0 ? capacity / raw : 1;
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
                weighted += c.effectiveWeight() * c.value();
                weights += c.effectiveWeight();
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
        ScoreBand band = ScoreBand.of(score);
        List<DebtReport.SourceCoverage> sources = sources();
        // Readiness and phases read the figures above, so they are assessed on the report without them.
        DebtReport figures = new DebtReport(modelName, logName, tally.items(), tally.events(), tally.requests(), from, to,
                score, cost, components, breakdowns, actions, List.of(), null, flows, conformanceMethod, capacity,
                costScale, band.id(), band.sentence(score, tally.items(), Phases.MIN_ITEMS), sources, List.of(), NOT_READ, MeetingLoad.NONE);
        return new DebtReport(modelName, logName, tally.items(), tally.events(), tally.requests(), from, to, score, cost,
                components, breakdowns, actions, Readiness.assess(model, tally, figures),
                Phases.assess(model, warnings, figures), flows, conformanceMethod, capacity, costScale, band.id(),
                band.sentence(score, tally.items(), Phases.MIN_ITEMS), sources, modelChanges(), NOT_READ, MeetingLoad.NONE);
    }

    /** Tool switching needs each person's day, which merged per-case summaries do not keep. */
    static final ToolSwitching NOT_READ = ToolSwitching.none("Not measured: this report was merged from per-case "
            + "summaries, which keep no person's day.");

    /**
     * Every version after the first of the history, dated by its upload (or, when that is not
     * known, its first event in the log); a version with neither is left out.
     */
    private List<DebtReport.ModelChange> modelChanges() {
        if (history.single()) {
            return List.of();
        }
        List<DebtReport.ModelChange> changes = new ArrayList<>();
        boolean first = true;
        for (int version : history.numbers()) {
            if (first) {
                first = false;
                continue;
            }
            Long millis = history.since(version).map(Instant::toEpochMilli).orElse(tally.versions().get(version));
            if (millis != null) {
                long day = Math.floorDiv(millis, 86_400_000L);
                changes.add(new DebtReport.ModelChange(version, LocalDate.ofEpochDay(day).toString(),
                        CaseAnalyzer.isoWeek(day)));
            }
        }
        return changes;
    }

    private static Map<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        ComponentDefinition.ALL.forEach((id, d) -> titles.put(id, d.title()));
        return titles;
    }

    private double weight(String id) {
        DebtSettings settings = model.debt() == null ? DebtSettings.DEFAULT : model.debt();
        Double w = settings.weights().get(id);
        return w == null ? 1.0 : w;
    }

    private ComponentResult component(String id) {
        ComponentDefinition definition = ComponentDefinition.of(id);
        ComponentTally t = tallies.get(id);
        Tally overall = t.overall();
        double value = overall.value();
        double cost = overall.hours() * costScale;
        boolean measured = overall.total() > 0;
        Map<String, Double> details = new LinkedHashMap<>(t.counters());
        double[] interval = measured ? wilson(value, overall.observations()) : null;
        switch (id) {
            case "ownership" -> {
                List<String> unowned = coreComponentsWithoutSingleOwner();
                double c = unowned.size() / (double) OperatingModel.CORE_COMPONENTS.size();
                details.put("unownedItemTimeShare", value);
                details.put("unownedRate", share(t.counter("itemsNeverOwned"), t.counter("items")));
                details.put("coreComponentsWithoutSingleOwner", (double) unowned.size());
                value = 0.75 * value + 0.25 * c;
                if (interval != null) {
                    interval = new double[]{0.75 * interval[0] + 0.25 * c, 0.75 * interval[1] + 0.25 * c};
                }
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
                details.put("creativeShare", 1 - value);
                details.put("waitingDays", overall.bad() / 24);
                details.put("excessWaitingDays", excessWaitingDays(overall));
            }
            case "wip" -> details.put("wipLimit", (double) wipLimit);
            default -> {
            }
        }
        long observations = overall.observations();
        double coverage = coverage(id);
        double effectiveWeight = measured ? weight(id) * Math.min(1.0, observations / (double) MIN_OBSERVATIONS) : 0;
        String summary = measured ? percent(value) + " " + definition.phrase()
                + (id.equals("flow-conformance") ? ": " : " (") + count(overall.bad()) + " of " + count(overall.total()) + ")"
                + (observations < MIN_OBSERVATIONS ? "; small sample: " + observations + " observation(s), 95% interval "
                + percent(interval[0]) + "–" + percent(interval[1]) + ", weighs less" : "")
                + (coverage < 1 ? "; judged on " + percent(coverage) + " of items (" + blindSentence(id) + ")" : "")
                : notMeasured(id);
        return new ComponentResult(id, definition.title(), value, weight(id), measured, overall.bad(), overall.total(), cost,
                definition.formula(), summary, details, t.evidence().shown(), t.evidence().total(), effectiveWeight,
                observations, coverage, interval == null ? null : interval[0], interval == null ? null : interval[1],
                definition.needs().stream().map(Signal::noun).toList());
    }

    /** Items of the sources that record what the component needs / all items (person-days for WIP). */
    private double coverage(String id) {
        if (tally.items() == 0) {
            return 0;
        }
        long without = blind.get(id).values().stream().mapToLong(Long::longValue).sum();
        return (tally.items() - without) / (double) tally.items();
    }

    /** "jira records no owners (25 items)". */
    private String blindSentence(String id) {
        Set<Signal> needs = ComponentDefinition.of(id).needs();
        List<String> parts = new ArrayList<>();
        blind.get(id).forEach((source, items) -> {
            Set<Signal> missing = EnumSet.copyOf(needs);
            missing.removeAll(tally.signals(source));
            parts.add(source + " records no " + missing.stream().map(Signal::noun).reduce((a, b) -> a + " or " + b).orElse("")
                    + " (" + count(items) + " items)");
        });
        return String.join("; ", parts);
    }

    private String notMeasured(String id) {
        if (tally.items() == 0) {
            return "not measured: the log has no items";
        }
        if (!blind.get(id).isEmpty() && coverage(id) == 0) {
            return "not measured: " + blindSentence(id);
        }
        return switch (id) {
            case "sla" -> "not measured: no stage with an SLA was visited";
            case "decision-drag" -> "not measured: no approval round in the log";
            case "handoffs" -> "not measured: no stage change crossed functions or had a handoff";
            case "wip" -> "not measured: no person of the model owned or acted on an item";
            default -> "not measured: the log has nothing this component reads";
        };
    }

    /** Wilson score interval for a share observed over n observations (95%). */
    static double[] wilson(double share, long n) {
        if (n <= 0) {
            return new double[]{0, 1};
        }
        double z2 = Z95 * Z95;
        double centre = (share + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(share * (1 - share) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new double[]{Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** Days of waiting beyond the healthy coordination share of stage time. */
    private static double excessWaitingDays(Tally coordination) {
        return Math.max(0, coordination.bad() - CostAssumptions.HEALTHY_COORDINATION_SHARE * coordination.total()) / 24;
    }

    /** The declared people's weekly hours over the weeks the log spans (at least one). */
    private double capacityHours() {
        if (tally.events() == 0) {
            return 0;
        }
        double weeks = Math.max(1, (tally.lastMillis() - tally.firstMillis()) / (7 * 86_400_000.0));
        double weekly = model.people().stream().mapToDouble(p -> p.capacity() == null
                ? CostAssumptions.DEFAULT_CAPACITY_HOURS : p.capacity().hoursPerWeek()).sum();
        return Math.max(weekly, CostAssumptions.DEFAULT_CAPACITY_HOURS) * weeks;
    }

    private List<DebtReport.SourceCoverage> sources() {
        List<DebtReport.SourceCoverage> sources = new ArrayList<>();
        tally.itemsBySource().forEach((source, items) -> {
            Set<Signal> records = tally.signals(source);
            sources.add(new DebtReport.SourceCoverage(source, items, records.stream().map(Signal::noun).toList(),
                    EnumSet.complementOf(records.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(records))
                            .stream().map(Signal::noun).toList()));
        });
        return sources;
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

    /** Work in progress and context switches per person-day, from the merged day grid. */
    private ComponentTally wip() {
        ComponentTally all = new ComponentTally();
        ComponentTally.Part t = all.part(Sources.ALL);
        Map<String, String> functions = new TreeMap<>();
        for (Person p : model.people()) {
            if (p.id() != null && p.function() != null) {
                functions.put(p.id(), p.function());
            }
        }
        tally.personDays().forEach((person, days) -> new TreeMap<>(days).forEach((day, counts) -> {
            int owned = counts[0];
            int switches = Math.max(0, counts[1] - 1);
            boolean over = owned > wipLimit;
            boolean fragmented = switches > CostAssumptions.SWITCH_ALLOWANCE;
            double hours = Math.min(CostAssumptions.MAX_SWITCHING_HOURS_PER_DAY,
                    Math.max(0, owned - wipLimit) * CostAssumptions.EXCESS_WIP_HOURS_PER_DAY
                            + Math.max(0, switches - CostAssumptions.SWITCH_ALLOWANCE) * CostAssumptions.SWITCH_HOURS);
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
        double days = all.counter("personDays");
        t.count("meanWip", share(all.counter("itemDays"), days));
        t.count("meanSwitchesPerDay", share(all.counter("switches"), days));
        return all;
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
                hours += t.hours() * costScale;
            }
            if (!values.isEmpty()) {
                groups.add(new Group(key, weights == 0 ? 0 : 100 * weighted / weights, hours, values));
            }
        });
        return groups;
    }

    /**
     * One action per component that costs person-hours, ranked by the hours it would recover, the
     * top five; then, if there is room, the waiting to cut, which costs days of delay, not hours.
     */
    private List<Action> actions(List<ComponentResult> components) {
        List<Action> actions = new ArrayList<>();
        for (ComponentResult c : components) {
            if (c.costHours() <= 0.05 || c.id().equals("coordination-share")) {
                continue;
            }
            actions.add(new Action(c.id(), c.costHours(), actionText(c)));
        }
        actions.sort(Comparator.comparingDouble(Action::hours).reversed().thenComparing(Action::component));
        List<Action> top = new ArrayList<>(actions.size() > 5 ? actions.subList(0, 5) : actions);
        ComponentResult coordination = components.stream().filter(c -> c.id().equals("coordination-share")).findFirst()
                .orElseThrow();
        if (top.size() < 5 && coordination.measured() && coordination.details().getOrDefault("excessWaitingDays", 0.0) >= 1) {
            top.add(new Action(coordination.id(), 0, actionText(coordination)));
        }
        return List.copyOf(top);
    }

    private String actionText(ComponentResult c) {
        ComponentTally t = tallies.get(c.id());
        Named stageNamed = worstNamed(t, Dimension.STAGE);
        Named workTypeNamed = worstNamed(t, Dimension.WORK_TYPE);
        String stage = stageNamed == null ? null : stageNamed.key();
        String workType = workTypeNamed == null ? null : workTypeNamed.key();
        String person = worst(t, Dimension.PERSON);
        String stageLabel = stageNamed == null ? null : stageNamed.label();
        String workTypeLabel = workTypeNamed == null ? null : workTypeNamed.label();
        return switch (c.id()) {
            case "flow-conformance" -> {
                String scope = workType == null ? null : workType;
                double cases = scope == null ? t.counter("cases") : t.counter(Dimension.WORK_TYPE, scope, "cases");
                double fitting = scope == null ? t.counter("fittingCases") : t.counter(Dimension.WORK_TYPE, scope, "fittingCases");
                double skipped = scope == null ? t.counter("casesWithSkippedStages")
                        : t.counter(Dimension.WORK_TYPE, scope, "casesWithSkippedStages");
                yield "Bring work back to the declared flow" + where(" starting with", workTypeLabel) + topDeviation(workType)
                        + ": " + count(cases - fitting) + " of " + count(cases) + " " + (scope == null ? "" : scope + " ")
                        + "items deviated, " + count(skipped) + " of them skipped a stage; enforce the stages or declare the real ones.";
            }
            case "ownership" -> "Assign an owner when an item is created and keep one until it is done ("
                    + count(t.evidence().total()) + " of " + count(t.counter("items")) + " items went without one for a while, "
                    + count(t.counter("itemsNeverOwned")) + " of them never had one)"
                    + (coreComponentsWithoutSingleOwner().isEmpty() ? "."
                    : " and name one owner each for " + String.join(", ", coreComponentsWithoutSingleOwner()) + ".");
            case "handoffs" -> handoffAction(t, stageNamed);
            case "decision-drag" -> "Shorten approvals" + where(" at", stageLabel) + ofGroup(t, Dimension.STAGE, stage,
                    "approval rounds there dragged") + ": fewer sign-offs, an SLA, or approval by one accountable person.";
            case "sla" -> "Unblock" + where("", stageLabel) + ", the stage that overruns its SLA most" + ofGroup(t, Dimension.STAGE,
                    stage, "visits ran over") + "; check capacity and the SLA itself.";
            case "rework" -> "Cut rework" + where(" in", workTypeLabel) + ofGroup(t, Dimension.WORK_TYPE, workType,
                    "items went back") + " with complete briefs and explicit exit criteria before review.";
            case "reactive-load" -> "Route requests through intake and triage urgency explicitly (" + count(t.counter("urgent"))
                    + " urgent items, " + count(t.counter("intakeBypassed")) + " created around intake).";
            case "wip" -> "Limit work in progress to " + wipLimit + " items" + where(" for", person) + ofGroup(t,
                    Dimension.PERSON, person, "working days over the limit or fragmented")
                    + " and batch small requests to cut context switches.";
            case "coordination-share" -> "Cut waiting and review time" + where(" in", stageLabel) + ": "
                    + count(Math.round(c.details().getOrDefault("excessWaitingDays", 0.0))) + " days of delay beyond "
                    + percent(CostAssumptions.HEALTHY_COORDINATION_SHARE) + " of stage time (waiting is delay, not hours of work).";
            case "goal-alignment" -> "Tie " + count(c.bad()) + " items to a parent initiative or a success metric, or stop them.";
            default -> c.summary();
        };
    }

    /**
     * The advice for the costliest handoff, with that handoff's own counts: declare it when the
     * model has no handoff there, otherwise make the declared one work (never "declare" what is declared).
     */
    private String handoffAction(ComponentTally t, Named named) {
        String key = named == null ? null : named.key();
        if (key == null) {
            return "Declare the handoffs where work changes function, and send the required fields with them.";
        }
        double handoffs = t.counter(Dimension.STAGE, key, "handoffs");
        List<String> counts = new ArrayList<>();
        addCount(counts, t.counter(Dimension.STAGE, key, "rejections"), "bounce-back(s)");
        addCount(counts, t.counter(Dimension.STAGE, key, "incomplete"), "sent without a required field");
        addCount(counts, t.counter(Dimension.STAGE, key, "notSent"), "moved without sending it");
        addCount(counts, t.counter(Dimension.STAGE, key, "lateAcceptance"), "accepted after its SLA");
        String tail = " (" + count(handoffs) + " crossing(s) there" + (counts.isEmpty() ? "" : ": " + String.join(", ", counts)) + ").";
        if (!named.current()) {
            return "Check the handoff at " + named.label() + " against the current flow: work changed function there"
                    + tail;
        }
        if (!declaredHandoff(key)) {
            return "Declare the handoff at " + key + " with its contract (what is handed over, within what SLA)"
                    + " — work changes function there without one" + tail;
        }
        return "Make the declared handoff at " + key + " work: send it with its required fields and accept it within its SLA" + tail;
    }

    /** Whether the model declares a handoff for a breakdown key {@code workType/from -> to}. */
    private boolean declaredHandoff(String key) {
        int slash = key.indexOf('/');
        int arrow = key.indexOf(" -> ");
        if (slash < 0 || arrow < slash) {
            return false;
        }
        ModelIndex.Flow flow = index.flow(key.substring(0, slash));
        return flow != null && flow.handoffs.containsKey(new StageChange(key.substring(slash + 1, arrow), key.substring(arrow + 4)));
    }

    private static void addCount(List<String> counts, double n, String what) {
        if (n > 0) {
            counts.add(count(n) + " " + what);
        }
    }

    /** " (3 of 12 visits ran over)" for one group, or nothing. */
    private static String ofGroup(ComponentTally t, Dimension d, String key, String what) {
        Tally group = key == null ? null : t.groups(d).get(key);
        if (group == null || group.observations() == 0) {
            return "";
        }
        return " (" + count(group.bad()) + " of " + count(group.observations()) + " " + what + ")";
    }

    /** The most frequent deviation of a work type's alignments, as " (sentence)", or nothing. */
    private String topDeviation(String workType) {
        return flows.stream().filter(f -> f.workType().equals(workType) && !f.deviations().isEmpty())
                .map(f -> " (" + f.deviations().get(0) + ")").findFirst().orElse("");
    }

    /**
     * A group an action names: its key, and how the sentence names it. {@code current} when the
     * current model has it; otherwise the label says which older version it is from.
     */
    record Named(String key, String label, boolean current) {
    }

    /**
     * The costliest group of a stage or work type breakdown that the current model still has, so
     * that an action never sends a team to a stage it no longer has; when only groups of older
     * versions cost anything, the costliest of them, labelled with its version.
     */
    private Named worstNamed(ComponentTally t, Dimension d) {
        String worst = worst(t, d);
        if (worst == null || inCurrentModel(d, worst)) {
            return worst == null ? null : new Named(worst, worst, true);
        }
        String current = worstOf(t, d, key -> inCurrentModel(d, key));
        if (current != null) {
            return new Named(current, current, true);
        }
        return new Named(worst, worst + " (" + olderVersion(d, worst) + ")", false);
    }

    /** Whether the current model has a breakdown key's work type, stage or both stages of a change. */
    private boolean inCurrentModel(Dimension d, String key) {
        if (d == Dimension.WORK_TYPE) {
            return model.workType(key).isPresent();
        }
        int slash = key.indexOf('/');
        if (slash < 0) {
            return false;
        }
        var type = model.workType(key.substring(0, slash));
        if (type.isEmpty()) {
            return false;
        }
        String rest = key.substring(slash + 1);
        int arrow = rest.indexOf(" -> ");
        return arrow < 0 ? type.get().stage(rest).isPresent()
                : type.get().stage(rest.substring(0, arrow)).isPresent() && type.get().stage(rest.substring(arrow + 4)).isPresent();
    }

    /** "a stage of model version 1, not in the current version 2". */
    private String olderVersion(Dimension d, String key) {
        int slash = key.indexOf('/');
        String workType = d == Dimension.WORK_TYPE ? key : slash < 0 ? key : key.substring(0, slash);
        String rest = slash < 0 ? null : key.substring(slash + 1);
        String stage = rest == null ? null : rest.contains(" -> ") ? rest.substring(0, rest.indexOf(" -> ")) : rest;
        String what = d == Dimension.WORK_TYPE ? "a work type" : rest != null && rest.contains(" -> ") ? "a handoff"
                : "a stage";
        return history.lastWith(workType, d == Dimension.WORK_TYPE ? null : stage)
                .map(v -> what + " of model version " + v + ", not in the current version " + history.currentVersion())
                .orElse(what + " the current model does not have");
    }

    /** The group of a dimension that costs the most hours, or null. */
    private static String worst(ComponentTally t, Dimension d) {
        return worstOf(t, d, key -> true);
    }

    private static String worstOf(ComponentTally t, Dimension d, java.util.function.Predicate<String> eligible) {
        return t.groups(d).entrySet().stream().filter(e -> eligible.test(e.getKey()))
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
