package dev.baton.insight.debt;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One debt component as the report presents it: its title, its formula, how a summary sentence
 * phrases its value, and the {@link Signal}s a source must record for the component to judge that
 * source's items. One definition per component, in the model's component order.
 */
record ComponentDefinition(String id, String title, String formula, String phrase, Set<Signal> needs) {

    static final Map<String, ComponentDefinition> ALL = index(List.of(
            new ComponentDefinition("flow-conformance", "Flow conformance",
                    "1 − fitness against the declared flow: deviations in the optimal alignments / "
                            + "(case length + moves of the shortest run), i.e. 1 − pm4py's log fitness; declared edges when no net aligns",
                    "deviation from the declared flow (1 − fitness; deviating moves", EnumSet.of(Signal.STAGES)),
            new ComponentDefinition("ownership", "Ownership",
                    "0.75 × item-hours without an owner / item-hours + 0.25 × core components without exactly one owner / 7",
                    "ownership debt (item-hours without an owner, core components without one owner)", EnumSet.of(Signal.OWNERS)),
            new ComponentDefinition("handoffs", "Handoffs",
                    "handoffs with a defect (undeclared, not sent, incomplete, bounced, accepted late) / handoffs",
                    "of handoffs had a defect", EnumSet.of(Signal.HANDOFFS)),
            new ComponentDefinition("decision-drag", "Decision drag",
                    "approval rounds slower than half their stage's SLA (a day without one) or with undeclared approvers / rounds",
                    "of approval rounds dragged", EnumSet.of(Signal.APPROVALS)),
            new ComponentDefinition("sla", "SLA breaches", "visits over their stage's SLA / visits of stages with an SLA",
                    "of stage visits with an SLA ran over it", EnumSet.of(Signal.STAGES)),
            new ComponentDefinition("rework", "Rework", "items that went back to an earlier stage or were reopened / items",
                    "of items went back to an earlier stage", EnumSet.of(Signal.STAGES)),
            new ComponentDefinition("reactive-load", "Reactive load", "items marked urgent or created bypassing intake / items",
                    "of items were urgent or bypassed intake", EnumSet.of(Signal.INTAKE)),
            new ComponentDefinition("wip", "WIP and context switching",
                    "person-days over the WIP limit or with more than 3 context switches / active person-days",
                    "of active person-days were over the WIP limit or fragmented", EnumSet.noneOf(Signal.class)),
            new ComponentDefinition("coordination-share", "Coordination share",
                    "hours in coordination and waiting stages / hours in all stages",
                    "of stage time was coordination or waiting", EnumSet.of(Signal.STAGES)),
            new ComponentDefinition("goal-alignment", "Goal alignment", "items with no parent item and no success metric / items",
                    "of items are tied to no goal", EnumSet.of(Signal.GOALS))));

    static ComponentDefinition of(String id) {
        return ALL.get(id);
    }

    private static Map<String, ComponentDefinition> index(List<ComponentDefinition> definitions) {
        Map<String, ComponentDefinition> byId = new LinkedHashMap<>();
        definitions.forEach(d -> byId.put(d.id(), d));
        return byId;
    }
}
