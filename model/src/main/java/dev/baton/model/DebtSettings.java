package dev.baton.model;

import java.util.List;
import java.util.Map;

/**
 * Settings for the orchestration-debt report: a weight per component (equal when absent),
 * the work-in-progress limit per person above which WIP counts as debt, and how meetings are read.
 */
public record DebtSettings(Map<String, Double> weights, Integer wipLimit, MeetingSettings meetings) {

    public DebtSettings {
        meetings = meetings == null ? MeetingSettings.DEFAULT : meetings;
    }

    public DebtSettings(Map<String, Double> weights, Integer wipLimit) {
        this(weights, wipLimit, MeetingSettings.DEFAULT);
    }

    /** The component ids of the debt report, in report order. */
    public static final List<String> COMPONENTS = List.of(
            "flow-conformance", "ownership", "handoffs", "decision-drag", "sla", "rework",
            "reactive-load", "wip", "coordination-share", "goal-alignment");

    public static final DebtSettings DEFAULT = new DebtSettings(Map.of(), null);
}
