package dev.baton.measure.outcome;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the values Salesforce and HubSpot ship with mean in the default funnel, so that a first
 * export needs no mapping. A value outside these (a custom stage) needs a line under the mapping's
 * {@code stages}. Salesforce's "Working - Contacted" counts as sales-accepted (SQL): sales is
 * working the lead.
 */
final class DefaultStages {

    static final Map<String, String> VALUES = new LinkedHashMap<>();

    static {
        // Salesforce lead statuses (the defaults and the usual additions).
        for (String s : new String[] {"Open - Not Contacted", "Open", "New", "Nurture", "Nurturing"}) {
            VALUES.put(s, "lead");
        }
        for (String s : new String[] {"Marketing Qualified", "MQL", "Marketing Qualified Lead"}) {
            VALUES.put(s, "mql");
        }
        for (String s : new String[] {"Working - Contacted", "Working", "Sales Accepted", "SAL", "Sales Qualified",
                "SQL", "Qualified", "Sales Qualified Lead"}) {
            VALUES.put(s, "sql");
        }
        for (String s : new String[] {"Closed - Converted", "Converted"}) {
            VALUES.put(s, "opportunity");
        }
        for (String s : new String[] {"Closed - Not Converted", "Unqualified", "Disqualified", "Rejected",
                "Recycled"}) {
            VALUES.put(s, FunnelStages.REJECTED);
        }
        // HubSpot lifecycle stages (labels and internal values) and lead statuses.
        VALUES.put("Subscriber", "lead");
        VALUES.put("Lead", "lead");
        VALUES.put("Other", "lead");
        VALUES.put("marketingqualifiedlead", "mql");
        VALUES.put("salesqualifiedlead", "sql");
        VALUES.put("Opportunity", "opportunity");
        VALUES.put("Customer", "won");
        VALUES.put("Evangelist", "won");
        for (String s : new String[] {"Attempted to Contact", "Connected", "In Progress"}) {
            VALUES.put(s, "sql");
        }
        VALUES.put("Open Deal", "opportunity");
        VALUES.put("Bad Timing", FunnelStages.REJECTED);
        // Salesforce opportunity stages.
        for (String s : new String[] {"Prospecting", "Qualification", "Needs Analysis", "Value Proposition",
                "Id. Decision Makers", "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review"}) {
            VALUES.put(s, "opportunity");
        }
        VALUES.put("Closed Won", "won");
        VALUES.put("Closed Lost", FunnelStages.LOST);
        // HubSpot deal stages (labels and internal values).
        for (String s : new String[] {"Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled",
                "Decision Maker Bought-In", "Contract Sent", "appointmentscheduled", "qualifiedtobuy",
                "presentationscheduled", "decisionmakerboughtin", "contractsent"}) {
            VALUES.put(s, "opportunity");
        }
        VALUES.put("closedwon", "won");
        VALUES.put("closedlost", FunnelStages.LOST);
    }

    private DefaultStages() {
    }
}
