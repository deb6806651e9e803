package dev.baton.insight.debt;

import java.util.List;

/**
 * The marketing → sales lead handoff as the funnel measured it from CRM data (docs/outcomes.md),
 * handed to the debt report by whoever read the CRM data: the report depends on no reader of it.
 *
 * @param from         the stage handed over (mql)
 * @param to           the stage that accepts it (sql)
 * @param slaHours     how long sales may take to accept
 * @param hoursOverSla the hours the accepted leads took beyond the SLA, summed
 * @param overSla      leads accepted late, with the first ones as "id (hours)"
 * @param rejected     leads sales sent back
 * @param neverWorked  leads handed over that nobody accepted or rejected in time
 */
public record LeadHandoff(String from, String to, long handedOver, long accepted, long slaHours, long hoursOverSla,
                          Leads overSla, Leads rejected, Leads neverWorked) {

    /** A count with the first leads behind it. */
    public record Leads(long count, List<String> examples) {
    }

    /** Hand-overs that went wrong: accepted late, sent back or never worked. */
    public long defects() {
        return overSla.count() + rejected.count() + neverWorked.count();
    }

    /** One sentence a marketer understands. */
    public String sentence() {
        return "Lead handoff (marketing → sales, " + from + " → " + to + "): " + handedOver + " leads handed over, "
                + accepted + " accepted, " + overSla.count() + " later than the " + slaHours + "-hour SLA (" + hoursOverSla
                + " hours lost beyond it), " + rejected.count() + " sent back, " + neverWorked.count() + " never worked.";
    }
}
