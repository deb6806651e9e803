package dev.baton.app.outcome;

import dev.baton.insight.debt.LeadHandoff;
import dev.baton.measure.funnel.FunnelReport;

/**
 * The funnel's lead handoff as the debt report takes it: the join of outcome data and work debt
 * is made here, in the app, so that neither core depends on the other.
 */
public final class LeadHandoffs {

    private LeadHandoffs() {
    }

    public static LeadHandoff of(FunnelReport.HandoffFigures h) {
        return new LeadHandoff(h.from(), h.to(), h.handedOver(), h.accepted(), h.sla().toHours(), h.hoursOverSla(),
                leads(h.overSla()), leads(h.rejected()), leads(h.neverWorked()));
    }

    private static LeadHandoff.Leads leads(FunnelReport.Examples e) {
        return new LeadHandoff.Leads(e.count(), e.examples());
    }
}
