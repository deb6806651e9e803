package dev.baton.insight.debt;

import dev.baton.insight.tools.ToolSwitching;
import dev.baton.insight.debt.meetings.MeetingLoad;
import java.util.List;
import java.util.Map;

/**
 * The orchestration-debt report: a score, its components with evidence and cost, breakdowns,
 * the top actions, AI readiness per work type, the phase the team has reached, and the declared
 * flow beside the actual one. Every figure is computed from the model and the log.
 *
 * @param from          the first event's instant (ISO-8601), null for an empty log
 * @param to            the last event's instant
 * @param score         weighted mean of the measured components' values × 100 (small samples weigh less)
 * @param costHours     person-hours lost, never more than {@code capacityHours}
 * @param capacityHours the declared people's capacity over the period of the log
 * @param costScale     1, or the factor all hours were scaled by so that they fit the capacity
 * @param band          the score's {@link ScoreBand}
 * @param scoreMeaning  one sentence saying what the score means, with the bands' rule
 * @param sources       where the items come from and what each source records
 * @param modelChanges  the model versions that came into force after the first one, with when
 * @param toolSwitching switches between the systems work is recorded in: its own measure, not in
 *                      the score (docs/debt.md § Tool switching)
 * @param meetings      meeting load from calendars, beside the score and never in it ({@link MeetingLoad#NONE} without meetings)
 */
public record DebtReport(String model, String log, long items, long events, long requests, String from, String to,
                         double score, double costHours, List<ComponentResult> components,
                         Map<Dimension, List<Group>> breakdowns, List<Action> actions,
                         List<WorkTypeReadiness> aiReadiness, PhaseAssessment phases, List<FlowComparison> flows,
                         String conformanceMethod, double capacityHours, double costScale, String band,
                         String scoreMeaning, List<SourceCoverage> sources, List<ModelChange> modelChanges,
                         ToolSwitching toolSwitching, MeetingLoad meetings) {

    /** The same report with its tool-switching measure. */
    public DebtReport with(ToolSwitching measure) {
        return new DebtReport(model, log, items, events, requests, from, to, score, costHours, components, breakdowns,
                actions, aiReadiness, phases, flows, conformanceMethod, capacityHours, costScale, band, scoreMeaning,
                sources, modelChanges, measure, meetings);
    }

    /** The same report with the log's meeting load beside it. */
    public DebtReport withMeetings(MeetingLoad load) {
        return new DebtReport(model, log, items, events, requests, from, to, score, costHours, components, breakdowns,
                actions, aiReadiness, phases, flows, conformanceMethod, capacityHours, costScale, band, scoreMeaning,
                sources, modelChanges, toolSwitching, load);
    }

    /**
     * The same report with the marketing → sales lead handoff as evidence of its handoff component:
     * its figures under {@code leadHandoff*} details, its late, rejected and never-worked leads as
     * evidence (late ones weighted by their hours beyond the SLA) and its sentence after the summary.
     * The component's value and the score stay those of the work log: the leads are not work items.
     */
    public DebtReport withLeadHandoff(LeadHandoff lead) {
        List<ComponentResult> changed = new java.util.ArrayList<>();
        for (ComponentResult c : components) {
            changed.add(c.id().equals("handoffs") ? c.withLeadHandoff(lead) : c);
        }
        return new DebtReport(model, log, items, events, requests, from, to, score, costHours, List.copyOf(changed),
                breakdowns, actions, aiReadiness, phases, flows, conformanceMethod, capacityHours, costScale, band,
                scoreMeaning, sources, modelChanges, toolSwitching, meetings);
    }

    public ComponentResult component(String id) {
        return components.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /**
     * One component. {@code bad / total} is the share the value is built on (for ownership the
     * value also weighs the model's core components); {@code details} are named counts and
     * shares that explain it. It is measured only over the items of sources that record what it
     * {@code needs}; {@code coverage} is the share of all items it could judge. Below
     * {@link ReportBuilder#MIN_OBSERVATIONS} observations it is a small sample: its 95% interval
     * ({@code ciLow}, {@code ciHigh}) is wide and its {@code effectiveWeight} in the score is its
     * weight × observations / the minimum.
     */
    public record ComponentResult(String id, String title, double value, double weight, boolean measured,
                                  double bad, double total, double costHours, String formula, String summary,
                                  Map<String, Double> details, List<Evidence> evidence, long evidenceTotal,
                                  double effectiveWeight, long observations, double coverage, Double ciLow,
                                  Double ciHigh, List<String> needs) {

        public boolean smallSample() {
            return measured && observations < ReportBuilder.MIN_OBSERVATIONS;
        }

        ComponentResult withLeadHandoff(LeadHandoff lead) {
            Map<String, Double> d = new java.util.LinkedHashMap<>(details);
            d.put("leadHandoffHandedOver", (double) lead.handedOver());
            d.put("leadHandoffAccepted", (double) lead.accepted());
            d.put("leadHandoffOverSla", (double) lead.overSla().count());
            d.put("leadHandoffHoursLost", (double) lead.hoursOverSla());
            d.put("leadHandoffRejected", (double) lead.rejected().count());
            d.put("leadHandoffNeverWorked", (double) lead.neverWorked().count());
            List<Evidence> e = new java.util.ArrayList<>(evidence);
            for (String example : lead.overSla().examples()) {
                e.add(new Evidence(leadId(example), List.of(), "lead accepted by sales later than the "
                        + lead.slaHours() + "-hour SLA: " + example, hours(example) - lead.slaHours()));
            }
            for (String example : lead.rejected().examples()) {
                e.add(new Evidence(leadId(example), List.of(), "lead sent back by sales: " + example, 0));
            }
            for (String example : lead.neverWorked().examples()) {
                e.add(new Evidence(leadId(example), List.of(), "lead handed over and never worked: " + example, 0));
            }
            return new ComponentResult(id, title, value, weight, measured, bad, total, costHours, formula,
                    summary + " " + lead.sentence(), java.util.Collections.unmodifiableMap(d), List.copyOf(e),
                    evidenceTotal + lead.defects(), effectiveWeight, observations, coverage, ciLow, ciHigh, needs);
        }

        /** "00Q12 (120h)" → "00Q12". */
        private static String leadId(String example) {
            int space = example.indexOf(" (");
            return space < 0 ? example : example.substring(0, space);
        }

        /** "00Q12 (120h)" → 120; 0 when the example carries no hours. */
        private static double hours(String example) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+)h\\)").matcher(example);
            return m.find() ? Double.parseDouble(m.group(1)) : 0;
        }
    }

    /**
     * A new model version came into force: uploaded then (or, when the upload time is not known,
     * first seen on an event then). {@code date} is the ISO date, {@code week} the ISO week
     * ({@code 2026-W08}) the weekly trend marks.
     */
    public record ModelChange(int version, String date, String week) {
    }

    /** A source of items (Baton itself, a Jira import…), how many items it has and which signals it records. */
    public record SourceCoverage(String source, long items, List<String> records, List<String> doesNotRecord) {
    }

    /** One group of a breakdown (a work type, a person, a week…): its score and component values. */
    public record Group(String key, double score, double costHours, Map<String, Double> values) {
    }

    /** Something to do, with the hours a quarter-like period it would recover. */
    public record Action(String component, double hours, String text) {
    }

    /** AI readiness of a work type: ready when all seven conditions pass. */
    public record WorkTypeReadiness(String workType, boolean ready, List<Condition> conditions) {
    }

    public record Condition(String id, String title, boolean pass, String reason) {
    }

    /** Which of the four phases are complete, the current one and the next step. */
    public record PhaseAssessment(int completed, int current, String nextStep, List<Phase> phases) {
    }

    public record Phase(int number, String title, boolean complete, List<Condition> checks) {
    }

    /**
     * A work type's declared stage changes and the ones its cases actually took; with the
     * alignment figures under pm4py's names when its flow net was aligned (else null) and the most
     * frequent deviations as sentences.
     */
    public record FlowComparison(String workType, List<String> stages, List<Edge> declared, List<Edge> actual,
                                 long cases, Double logFitness, Double percentageFittingTraces, List<String> deviations) {
    }

    /** A stage change; {@code declared} tells whether the model allows it; counts are 0 for declared-only edges. */
    public record Edge(String from, String to, long count, boolean declared) {
    }
}
